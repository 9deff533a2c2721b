using System.Globalization;
using DesaGis.Core.Codes;
using DesaGis.Core.Indicators;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Indicators;

/// <summary>
/// Reads the indicator catalog (migration 0070): entries with their coverage, the figures of one area (its own and
/// those it inherits from wider areas), class statistics, and vector tiles of one indicator at one level. Every
/// request reads the database, so an indicator imported a moment ago is listed and drawn without a restart.
/// </summary>
public sealed class IndicatorStore(NpgsqlDataSource dataSource)
{
    private const string CatalogColumns =
        "code, name_id, name_en, unit, levels, direction, kind, categories, breaks, break_labels, min_value, max_value, integer_values, description, description_en";

    /// <summary>Every catalog entry with its coverage, built-in figures first, then by code.</summary>
    public async Task<IReadOnlyList<Indicator>> ListAsync(CancellationToken cancellationToken)
    {
        var coverage = await CoverageAsync(null, cancellationToken);
        var list = new List<Indicator>();
        await using var cmd = dataSource.CreateCommand($"SELECT {CatalogColumns} FROM desagis.indicator ORDER BY position");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var indicator = Read(reader);
            list.Add(indicator with { Coverage = coverage.GetValueOrDefault(indicator.Code) ?? [] });
        }
        return list;
    }

    /// <summary>One entry with its coverage, or null when the catalog has no such code.</summary>
    public async Task<Indicator?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {CatalogColumns} FROM desagis.indicator WHERE code = $1");
        cmd.Parameters.AddWithValue(code);
        Indicator indicator;
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            indicator = Read(reader);
        }
        var coverage = await CoverageAsync(code, cancellationToken);
        return indicator with { Coverage = coverage.GetValueOrDefault(code) ?? [] };
    }

    private async Task<Dictionary<string, List<IndicatorCoverage>>> CoverageAsync(string? code, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var cmd = dataSource.CreateCommand(
            "SELECT 'desa', count(*)::int FROM desagis.desa UNION ALL SELECT 'kecamatan', count(*)::int FROM desagis.kecamatan " +
            "UNION ALL SELECT 'kabupaten', count(*)::int FROM desagis.kabupaten UNION ALL SELECT 'provinsi', count(*)::int FROM desagis.provinsi"))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) totals[reader.GetString(0)] = reader.GetInt32(1);

        var result = new Dictionary<string, List<IndicatorCoverage>>(StringComparer.Ordinal);
        await using var query = dataSource.CreateCommand(
            """
            SELECT v.indicator_code, v.level, v.year,
                   (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM desagis.indicator_area a WHERE a.level = v.level AND a.kode = v.area_kode)))::int,
                   array_agg(DISTINCT v.source ORDER BY v.source), count(*)::int
              FROM desagis.indicator_value v
             WHERE $1::text IS NULL OR v.indicator_code = $1
             GROUP BY v.indicator_code, v.level, v.year
             ORDER BY v.indicator_code, array_position(ARRAY['desa', 'kecamatan', 'kabupaten', 'provinsi'], v.level), v.year DESC
            """);
        query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)code ?? DBNull.Value });
        await using var rows = await query.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var level = rows.GetString(1);
            var entry = new IndicatorCoverage(level, rows.GetInt32(2), rows.GetInt32(3), totals.GetValueOrDefault(level),
                rows.GetFieldValue<string[]>(4), rows.GetInt32(5) - rows.GetInt32(3));
            var key = rows.GetString(0);
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add(entry);
        }
        return result;
    }

    /// <summary>
    /// The latest figure of every indicator for an area: its own where it has one, else the nearest wider area's
    /// (kecamatan, kabupaten, provinsi), marked as inherited. Null when the area does not exist.
    /// </summary>
    public async Task<IReadOnlyList<AreaFigure>?> FiguresAsync(KemendagriCode code, CancellationToken cancellationToken)
    {
        var chain = new List<string>();
        for (var c = code; c is not null; c = c.Parent) chain.Add(c.Dotted);
        string level = LevelName(code.Level);
        await using (var exists = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM desagis.indicator_area WHERE level = $1 AND kode = $2)"))
        {
            exists.Parameters.AddWithValue(level);
            exists.Parameters.AddWithValue(code.Dotted);
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) return null;
        }
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT f.* FROM (
                SELECT DISTINCT ON (v.indicator_code) v.indicator_code, i.name_id, i.name_en, i.unit, v.level, v.area_kode,
                       a.nama, v.year, v.period, v.value, v.value_text, v.source, v.note, i.position
                  FROM desagis.indicator_value v
                  JOIN desagis.indicator i ON i.code = v.indicator_code
                  LEFT JOIN desagis.indicator_area a ON a.level = v.level AND a.kode = v.area_kode
                 WHERE v.area_kode = ANY ($1)
                 ORDER BY v.indicator_code, array_position($1, v.area_kode), v.year DESC) f
             ORDER BY f.position
            """);
        cmd.Parameters.AddWithValue(chain.ToArray());
        var figures = new List<AreaFigure>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            figures.Add(new AreaFigure
            {
                Indicator = reader.GetString(0),
                NameId = reader.GetString(1),
                NameEn = reader.GetString(2),
                Unit = reader.IsDBNull(3) ? null : reader.GetString(3),
                Level = reader.GetString(4),
                FromKode = reader.GetString(5),
                FromNama = reader.IsDBNull(6) ? null : reader.GetString(6),
                Inherited = reader.GetString(5) != code.Dotted,
                Year = reader.GetInt32(7),
                Period = reader.IsDBNull(8) ? null : reader.GetString(8),
                Value = reader.IsDBNull(9) ? null : reader.GetDouble(9),
                ValueText = reader.IsDBNull(10) ? null : reader.GetString(10),
                Source = reader.GetString(11),
                Note = reader.IsDBNull(12) ? null : reader.GetString(12),
            });
        }
        return figures;
    }

    /// <summary>
    /// What a legend needs for one indicator at one level (one year, or each area's latest): how many areas have a
    /// value of how many, the range, quantile breaks for <paramref name="classes"/> classes, and the sources and years.
    /// </summary>
    public async Task<IndicatorStats> StatsAsync(string code, string level, int? year, int classes, CancellationToken cancellationToken)
    {
        string table = AreaTable(level);
        var fractions = Enumerable.Range(1, classes - 1).Select(i => (double)i / classes).ToArray();
        await using var cmd = dataSource.CreateCommand(
            $"""
            WITH latest AS (
                SELECT DISTINCT ON (v.area_kode) v.area_kode, v.year, v.value, v.value_text, v.source
                  FROM desagis.indicator_value v
                 WHERE v.indicator_code = $1 AND v.level = $2 AND ($3::int IS NULL OR v.year = $3)
                   AND EXISTS (SELECT 1 FROM {table} a WHERE a.kode = v.area_kode)
                 ORDER BY v.area_kode, v.year DESC)
            SELECT count(*)::int, (SELECT count(*)::int FROM {table}), min(value), max(value),
                   percentile_cont($4) WITHIN GROUP (ORDER BY value),
                   coalesce(array_agg(DISTINCT source ORDER BY source), ARRAY[]::text[]), coalesce(array_agg(DISTINCT year ORDER BY year), ARRAY[]::int[])
              FROM latest
            """);
        cmd.Parameters.AddWithValue(code);
        cmd.Parameters.AddWithValue(level);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)year ?? DBNull.Value });
        cmd.Parameters.AddWithValue(fractions);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IndicatorStats(
            code, level, year, reader.GetInt32(0), reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3),
            reader.IsDBNull(4) ? [] : reader.GetFieldValue<double[]>(4),
            reader.GetFieldValue<string[]>(5), reader.GetFieldValue<int[]>(6));
    }

    /// <summary>
    /// A Mapbox vector tile with one layer, <c>indicator</c>: every area of the level in the tile, with the value of
    /// the indicator (of the year, or the area's latest), its year and source; areas without a value carry
    /// <c>has_value = false</c> and no value, so that a map can draw them apart from every class.
    /// </summary>
    public async Task<byte[]> TileAsync(string code, string level, int? year, int z, int x, int y, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(TileSql(level, z));
        cmd.Parameters.AddWithValue(z);
        cmd.Parameters.AddWithValue(x);
        cmd.Parameters.AddWithValue(y);
        cmd.Parameters.AddWithValue(code);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)year ?? DBNull.Value });
        cmd.CommandTimeout = 30;
        return await cmd.ExecuteScalarAsync(cancellationToken) as byte[] ?? [];
    }

    /// <summary>The tile SQL of a level at a zoom: generalised geometry (migration 0030) below the level's full-geometry zoom.</summary>
    public static string TileSql(string level, int zoom)
    {
        var (bands, fullFrom) = level switch
        {
            "desa" or "kecamatan" => (new[] { 5, 8, 11 }, 14),
            _ => (new[] { 0, 5, 8 }, 11),
        };
        string table = AreaTable(level);
        string from, geometry;
        if (zoom >= fullFrom)
        {
            geometry = "a.geom_3857";
            from = $"{table} a";
        }
        else
        {
            int band = bands.Last(b => zoom >= b || b == bands[0]);
            geometry = "g.geom_z" + band.ToString(CultureInfo.InvariantCulture);
            from = $"desagis.{level}_tile_geometry g JOIN {table} a ON a.kode = g.kode";
        }
        return $"""
            SELECT ST_AsMVT(t.*, 'indicator', 4096, 'geom') FROM (
                SELECT ST_AsMVTGeom({geometry}, ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom,
                       a.kode, a.nama, v.value, v.value_text, v.year, v.source, v.note, (v.area_kode IS NOT NULL) AS has_value
                  FROM {from}
                  LEFT JOIN LATERAL (
                        SELECT iv.area_kode, iv.value, iv.value_text, iv.year, iv.source, iv.note
                          FROM desagis.indicator_value iv
                         WHERE iv.indicator_code = $4 AND iv.area_kode = a.kode AND ($5::int IS NULL OR iv.year = $5)
                         ORDER BY iv.year DESC LIMIT 1) v ON true
                 WHERE {geometry} && ST_TileEnvelope($1, $2, $3, margin => 0.015625)
                OFFSET 0) t
             WHERE t.geom IS NOT NULL
            """;
    }

    /// <summary>The administrative table of a level; the level must be one of <see cref="Indicator.AllLevels"/>.</summary>
    public static string AreaTable(string level) => level switch
    {
        "desa" => "desagis.desa",
        "kecamatan" => "desagis.kecamatan",
        "kabupaten" => "desagis.kabupaten",
        "provinsi" => "desagis.provinsi",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not an administrative level"),
    };

    public static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.Desa => "desa",
        AdminLevel.Kecamatan => "kecamatan",
        AdminLevel.Kabupaten => "kabupaten",
        _ => "provinsi",
    };

    private static Indicator Read(NpgsqlDataReader r) => new()
    {
        Code = r.GetString(0),
        NameId = r.GetString(1),
        NameEn = r.GetString(2),
        Unit = r.IsDBNull(3) ? null : r.GetString(3),
        Levels = r.GetFieldValue<string[]>(4),
        Direction = r.GetString(5),
        Kind = r.GetString(6),
        Categories = r.IsDBNull(7) ? null : r.GetFieldValue<string[]>(7),
        Breaks = r.IsDBNull(8) ? null : r.GetFieldValue<double[]>(8),
        BreakLabels = r.IsDBNull(9) ? null : r.GetFieldValue<string[]>(9),
        MinValue = r.IsDBNull(10) ? null : r.GetDouble(10),
        MaxValue = r.IsDBNull(11) ? null : r.GetDouble(11),
        IntegerValues = r.GetBoolean(12),
        Description = r.IsDBNull(13) ? null : r.GetString(13),
        DescriptionEn = r.IsDBNull(14) ? null : r.GetString(14),
    };
}
