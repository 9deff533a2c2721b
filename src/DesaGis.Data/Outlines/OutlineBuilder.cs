using Npgsql;

namespace DesaGis.Data.Outlines;

/// <summary>
/// Compares kecamatan and kabupaten outlines with their villages, and builds them from the villages (ST_Union of the
/// village polygons) where asked. Imported outlines can be far coarser than the villages in them (the real Sakra
/// kecamatan has 12 vertices where its villages have hundreds, and 7 % of their area falls outside it) or missing
/// altogether; an outline built from the villages agrees with them by construction. Areas are compared on the
/// sphere (geography), so shares are true shares of area.
/// </summary>
public static class OutlineBuilder
{
    /// <summary>An outline is reported when more than this share of its villages' area lies outside it.</summary>
    public const double OutsideThreshold = 0.01;

    private const int CommandTimeoutSeconds = 900;

    /// <summary>The kecamatan and kabupaten (of the given kabupaten codes, or all when null) whose outlines disagree with their villages.</summary>
    public static async Task<OutlineReport> CheckAsync(NpgsqlConnection conn, IReadOnlyCollection<string>? kabupaten, CancellationToken cancellationToken)
    {
        var mismatches = new List<OutlineMismatch>();
        int compared = 0;
        foreach (var level in new[] { OutlineLevel.Kecamatan, OutlineLevel.Kabupaten })
        {
            await using var cmd = new NpgsqlCommand(CheckSql(level), conn) { CommandTimeout = CommandTimeoutSeconds };
            cmd.Parameters.AddWithValue(kabupaten?.ToArray() ?? (object)DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text;
            cmd.Parameters.AddWithValue(OutsideThreshold);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                compared++;
                if (!reader.GetBoolean(6)) continue;
                mismatches.Add(new OutlineMismatch(level, reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetDouble(5)));
            }
        }
        return new OutlineReport(compared, mismatches, 0);
    }

    /// <summary>
    /// Replaces the outlines of the kecamatan and kabupaten (of the given kabupaten codes, or all when null) that have
    /// villages with polygons by the union of those villages, and returns what the check found before. Rows are only
    /// written where the outline changes; areas without a row of their own are not created.
    /// </summary>
    public static async Task<OutlineReport> BuildAsync(NpgsqlConnection conn, IReadOnlyCollection<string>? kabupaten, CancellationToken cancellationToken)
    {
        var before = await CheckAsync(conn, kabupaten, cancellationToken);
        int built = 0;
        foreach (var level in new[] { OutlineLevel.Kecamatan, OutlineLevel.Kabupaten })
        {
            await using var cmd = new NpgsqlCommand(BuildSql(level), conn) { CommandTimeout = CommandTimeoutSeconds };
            cmd.Parameters.AddWithValue(kabupaten?.ToArray() ?? (object)DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text;
            built += await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        return before with { Built = built };
    }

    private static (string Table, string Column) Of(OutlineLevel level) => level switch
    {
        OutlineLevel.Kecamatan => ("kecamatan", "kecamatan_kode"),
        OutlineLevel.Kabupaten => ("kabupaten", "kabupaten_kode"),
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Holes smaller than this (m²) in a union of villages are gaps between neighbours, not enclaves, and are filled.</summary>
    public const double SliverHoleSquareMetres = 100_000;

    // The union is made valid and reduced to its polygons: neighbouring villages that overlap by a sliver or leave a
    // hairline gap give a union with stray lines or points otherwise. The real boundaries are not perfectly
    // topological, so a union of a regency's villages has hundreds of holes of a few hundred m² (the largest in the
    // shared geodata is 3.4 ha) that a map would draw as specks of border: holes under 10 ha are filled, larger ones
    // (an enclave of another area) are kept.
    private static string UnionSql(OutlineLevel level)
    {
        var (_, column) = Of(level);
        string hole = SliverHoleSquareMetres.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"""
            SELECT g.kode, g.villages, g.vertices, f.geom
              FROM (SELECT d.{column} AS kode, count(*)::int AS villages, sum(ST_NPoints(d.geom))::int AS vertices,
                           ST_CollectionExtract(ST_MakeValid(ST_Union(d.geom)), 3) AS geom
                      FROM desagis.desa d
                     WHERE d.geom IS NOT NULL AND ($1::text[] IS NULL OR d.kabupaten_kode = ANY ($1))
                     GROUP BY d.{column}) g
             CROSS JOIN LATERAL (
                   SELECT ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(ST_MakePolygon(ST_ExteriorRing(p.geom), ARRAY(
                              SELECT ST_InteriorRingN(p.geom, n) FROM generate_series(1, ST_NumInteriorRings(p.geom)) n
                               WHERE ST_Area(ST_MakePolygon(ST_InteriorRingN(p.geom, n))::geography) >= {hole})))), 3)) AS geom
                     FROM ST_Dump(g.geom) p) f
            """;
    }

    private static string CheckSql(OutlineLevel level)
    {
        var (table, _) = Of(level);
        return $"""
            SELECT a.kode, a.nama, u.villages, ST_NPoints(a.geom), u.vertices, o.outside,
                   a.geom IS NULL OR o.outside > $2 AS mismatch
              FROM ({UnionSql(level)}) u
              JOIN desagis.{table} a ON a.kode = u.kode
             CROSS JOIN LATERAL (SELECT CASE WHEN a.geom IS NULL THEN NULL
                   ELSE ST_Area(ST_Difference(u.geom, a.geom)::geography) / NULLIF(ST_Area(u.geom::geography), 0) END AS outside) o
             ORDER BY a.kode
            """;
    }

    private static string BuildSql(OutlineLevel level)
    {
        var (table, _) = Of(level);
        return $"""
            UPDATE desagis.{table} a SET geom = u.geom, updated_at = now()
              FROM ({UnionSql(level)}) u
             WHERE a.kode = u.kode AND NOT ST_IsEmpty(u.geom) AND a.geom IS DISTINCT FROM u.geom
            """;
    }
}
