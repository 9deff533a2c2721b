using DesaGis.Core;
using DesaGis.Data.Demo;
using Npgsql;

namespace DesaGis.Data.Export;

/// <summary>
/// The sources line of a printed map, read from the data in the map's box: the boundaries' files (or the synthetic
/// demo), the sources and years of the village figures drawn, and those of programmes and transmigration areas.
/// Nothing is printed for data the map does not show, and nothing is a fixed text.
/// </summary>
public static class MapSources
{
    private const string Envelope = "ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 4326)";
    private static readonly string[] BoundaryLayers = ["village_indicators", "villages", "kecamatan", "kabupaten", "provinsi", "kecamatan_labels", "kabupaten_labels"];

    public static async Task<IReadOnlyList<string>> ReadAsync(NpgsqlDataSource dataSource, BoundingBox box, IReadOnlyCollection<string> layerIds, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken);

        if (layerIds.Any(BoundaryLayers.Contains))
        {
            // Which areas are drawn: synthetic demo provinces, real ones, or both.
            var (demo, real) = await PairAsync(conn, box, $"""
                SELECT coalesce(bool_or(left(kode, 2) = ANY (@demo)), false), coalesce(bool_or(NOT left(kode, 2) = ANY (@demo)), false) FROM (
                    SELECT kode FROM desagis.desa WHERE geom && {Envelope}
                    UNION ALL SELECT kode FROM desagis.kecamatan WHERE geom && {Envelope}
                    UNION ALL SELECT kode FROM desagis.kabupaten WHERE geom && {Envelope}) a
                """, cancellationToken);
            if (demo) lines.Add("Batas wilayah: data contoh sintetis DesaGis (bukan batas resmi)");
            if (real)
            {
                // An import stamps the rows it writes with its transaction's time, which is also its run's start: so the
                // runs that wrote the areas drawn are known, and only their files are named.
                var files = await ListAsync(conn, box, $"""
                    SELECT DISTINCT r.source_name FROM (
                        SELECT 'desa' AS target, updated_at FROM desagis.desa WHERE geom && {Envelope} AND NOT left(kode, 2) = ANY (@demo)
                        UNION SELECT 'kecamatan', updated_at FROM desagis.kecamatan WHERE geom && {Envelope} AND NOT left(kode, 2) = ANY (@demo)
                        UNION SELECT 'kabupaten', updated_at FROM desagis.kabupaten WHERE geom && {Envelope} AND NOT left(kode, 2) = ANY (@demo)) a
                      JOIN desagis.import_run r ON r.target = a.target AND r.started_at = a.updated_at
                     ORDER BY r.source_name
                    """, cancellationToken);
                if (files.Count > 5) files = [.. files.Take(4), $"dan {files.Count - 4} berkas lain"];
                lines.Add(files.Count > 0 ? "Batas wilayah: " + string.Join(", ", files) : "Batas wilayah: sebagaimana dimuat di DesaGis (sumber tidak tercatat)");
            }
        }

        if (layerIds.Contains("village_indicators"))
        {
            // The figures the village layer draws: each village's latest poverty figures and latest IDM.
            var figures = await ListAsync(conn, box, $"""
                SELECT v.source || ' (' || string_agg(DISTINCT v.year::text, ', ' ORDER BY v.year::text) || ')'
                  FROM desagis.desa d
                  JOIN desagis.village_summary s ON s.kode = d.kode
                  JOIN desagis.indicator_value v ON v.area_kode = d.kode AND v.level = 'desa'
                   AND ((v.year = s.indicator_year AND v.indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households'))
                        OR (v.year = s.idm_year AND v.indicator_code IN ('idm_score', 'idm_status')))
                 WHERE d.geom && {Envelope}
                 GROUP BY v.source ORDER BY v.source
                """, cancellationToken);
            lines.Add(figures.Count > 0 ? "Angka desa: " + string.Join("; ", figures) : "Angka desa: tidak ada angka desa di area ini");
        }

        if (layerIds.Contains("programs") || layerIds.Contains("program_coverage"))
        {
            var (demo, real) = await PairAsync(conn, box, $"""
                SELECT coalesce(bool_or(left(pv.desa_kode, 2) = ANY (@demo)), false), coalesce(bool_or(NOT left(pv.desa_kode, 2) = ANY (@demo)), false)
                  FROM desagis.program_village pv JOIN desagis.desa d ON d.kode = pv.desa_kode
                 WHERE d.geom && {Envelope}
                """, cancellationToken);
            if (demo) lines.Add("Program mitra: contoh sintetis DesaGis (bukan program nyata)");
            if (real) lines.Add(await ImportedAsync(conn, box, "Program mitra", ["partner", "program", "program_village"], cancellationToken));
        }

        if (layerIds.Contains("transmigration_areas"))
        {
            var (demo, real) = await PairAsync(conn, box, $"""
                SELECT coalesce(bool_or(t.kode LIKE ANY (SELECT 'KT-' || p || '-%' FROM unnest(@demo) p)), false),
                       coalesce(bool_or(NOT t.kode LIKE ANY (SELECT 'KT-' || p || '-%' FROM unnest(@demo) p)), false)
                  FROM desagis.transmigration_area t WHERE t.geom && {Envelope}
                """, cancellationToken);
            if (demo) lines.Add("Kawasan transmigrasi: contoh sintetis DesaGis");
            if (real) lines.Add(await ImportedAsync(conn, box, "Kawasan transmigrasi", ["transmigration_area"], cancellationToken));
        }
        return lines;
    }

    private static async Task<string> ImportedAsync(NpgsqlConnection conn, BoundingBox box, string label, string[] targets, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT DISTINCT source_name FROM desagis.import_run WHERE target = ANY (@targets) AND finished_at IS NOT NULL ORDER BY source_name LIMIT 6", conn);
        cmd.Parameters.AddWithValue("targets", targets);
        var files = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) files.Add(reader.GetString(0));
        return files.Count > 0 ? $"{label}: {string.Join(", ", files)}" : $"{label}: sebagaimana dimuat di DesaGis (sumber tidak tercatat)";
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, BoundingBox box, string sql)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("minx", box.MinX);
        cmd.Parameters.AddWithValue("miny", box.MinY);
        cmd.Parameters.AddWithValue("maxx", box.MaxX);
        cmd.Parameters.AddWithValue("maxy", box.MaxY);
        cmd.Parameters.AddWithValue("demo", DemoCatalogue.ProvinceCodes);
        return cmd;
    }

    private static async Task<(bool, bool)> PairAsync(NpgsqlConnection conn, BoundingBox box, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(conn, box, sql);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection conn, BoundingBox box, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(conn, box, sql);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add(reader.GetString(0));
        return list;
    }
}
