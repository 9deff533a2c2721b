using DesaGis.Planning;
using DesaGis.Planning.Villages;
using Npgsql;
using NpgsqlTypes;

namespace DesaGis.Data.Planning;

/// <summary>
/// Loads villages for the planner from PostGIS: the latest indicators (village_indicators), the village's
/// representative point, the distance to its kabupaten seat and to the nearest transmigration area.
/// </summary>
/// <remarks>
/// There is no table of kabupaten seats. The seat is taken as the centroid of the kabupaten's kelurahan (the urban
/// wards, which cluster around the regency capital); without kelurahan, the most populous village; without population
/// figures, a point on the kabupaten's surface. Where a village has no poverty rate, the kabupaten's latest rate
/// stands in for the reach weighting and thresholds, and the village is flagged.
/// The criteria read the indicator catalog instead (<see cref="FigureSql"/>): for every catalog indicator a plan uses,
/// each village's own value and, apart, the nearest value of its kecamatan, kabupaten or province, so the planner
/// knows a measured figure from an inherited one and applies the criterion's missing-value rule.
/// </remarks>
public static class PlannerVillageLoader
{
    private const string Sql = """
        WITH kab AS (
            SELECT DISTINCT d.kabupaten_kode FROM desagis.desa d
             WHERE NOT $1 OR d.kabupaten_kode = ANY ($2) OR d.kecamatan_kode = ANY ($3) OR d.kode = ANY ($4)
                OR ($5::geometry IS NOT NULL AND ST_Intersects(d.centroid, $5::geometry))
        ), seat AS (
            SELECT kab.kabupaten_kode,
                   COALESCE(
                       (SELECT ST_Centroid(ST_Collect(d.centroid)) FROM desagis.desa d
                         WHERE d.kabupaten_kode = kab.kabupaten_kode AND d.jenis = 'kelurahan' AND d.centroid IS NOT NULL),
                       (SELECT d.centroid FROM desagis.desa d JOIN desagis.village_summary s ON s.kode = d.kode
                         WHERE d.kabupaten_kode = kab.kabupaten_kode AND s.population IS NOT NULL AND d.centroid IS NOT NULL
                         ORDER BY s.population DESC, d.kode LIMIT 1),
                       (SELECT ST_PointOnSurface(k.geom) FROM desagis.kabupaten k WHERE k.kode = kab.kabupaten_kode)) AS geom
              FROM kab
        ), kab_poverty AS (
            SELECT DISTINCT ON (ki.kabupaten_kode) ki.kabupaten_kode, ki.poverty_rate
              FROM desagis.kabupaten_indicator ki
             WHERE ki.poverty_rate IS NOT NULL
             ORDER BY ki.kabupaten_kode, ki.year DESC
        ), has_areas AS (
            SELECT EXISTS (SELECT 1 FROM desagis.transmigration_area WHERE geom IS NOT NULL) AS present
        )
        SELECT d.kode, d.nama, d.kecamatan_kode, d.kabupaten_kode, ST_X(d.centroid), ST_Y(d.centroid),
               v.population, COALESCE(v.poverty_rate, kp.poverty_rate), (v.poverty_rate IS NULL AND kp.poverty_rate IS NOT NULL),
               v.extreme_poor, v.idm_score, v.idm_status,
               COALESCE(v.program_count, 0), COALESCE(v.partner_count, 0), COALESCE(v.in_transmigration_area, false),
               CASE WHEN COALESCE(v.in_transmigration_area, false) THEN 0
                    WHEN (SELECT present FROM has_areas) THEN
                        (SELECT ST_Distance(t.geom::geography, d.centroid::geography) / 1000
                           FROM desagis.transmigration_area t WHERE t.geom IS NOT NULL
                          ORDER BY t.geom <-> d.centroid LIMIT 1)
               END,
               ST_Distance(seat.geom::geography, d.centroid::geography) / 1000
          FROM desagis.village_indicators v
          JOIN desagis.desa d ON d.kode = v.kode
          LEFT JOIN seat ON seat.kabupaten_kode = d.kabupaten_kode
          LEFT JOIN kab_poverty kp ON kp.kabupaten_kode = d.kabupaten_kode
         WHERE d.centroid IS NOT NULL
           AND (NOT $1 OR d.kabupaten_kode = ANY ($2) OR d.kecamatan_kode = ANY ($3) OR d.kode = ANY ($4)
                OR ($5::geometry IS NOT NULL AND ST_Intersects(d.centroid, $5::geometry)))
         ORDER BY d.kode
        """;

    /// <summary>
    /// Per village and indicator asked for: its own latest value (or the year's), and the nearest wider area's value.
    /// Categories (IDM status) read as their position in the catalog's list, worst first (1 = SANGAT_TERTINGGAL).
    /// </summary>
    private const string FigureSql = """
        WITH want AS (
            SELECT w.code, NULLIF(w.year, 0) AS year, i.kind, i.categories
              FROM unnest($1::text[], $2::integer[]) AS w(code, year)
              JOIN desagis.indicator i ON i.code = w.code
        )
        SELECT d.kode, w.code, own.value, par.value, par.level, COALESCE(own.year, par.year)
          FROM desagis.desa d
         CROSS JOIN want w
          LEFT JOIN LATERAL (
                SELECT x.value, x.year FROM (
                    SELECT CASE WHEN w.kind = 'category' THEN array_position(w.categories, v.value_text)::double precision
                                ELSE v.value END AS value, v.year
                      FROM desagis.indicator_value v
                     WHERE v.indicator_code = w.code AND v.area_kode = d.kode AND (w.year IS NULL OR v.year = w.year)) x
                 WHERE x.value IS NOT NULL ORDER BY x.year DESC LIMIT 1) own ON true
          LEFT JOIN LATERAL (
                SELECT x.value, x.level, x.year FROM (
                    SELECT CASE WHEN w.kind = 'category' THEN array_position(w.categories, v.value_text)::double precision
                                ELSE v.value END AS value, v.level, v.year
                      FROM desagis.indicator_value v
                     WHERE v.indicator_code = w.code AND v.area_kode IN (d.kecamatan_kode, d.kabupaten_kode, d.provinsi_kode)
                       AND (w.year IS NULL OR v.year = w.year)) x
                 WHERE x.value IS NOT NULL
                 ORDER BY CASE x.level WHEN 'kecamatan' THEN 1 WHEN 'kabupaten' THEN 2 ELSE 3 END, x.year DESC LIMIT 1) par ON true
         WHERE d.kode = ANY ($3) AND (own.value IS NOT NULL OR par.value IS NOT NULL)
        """;

    /// <summary>
    /// The villages a plan can use: those in its area (plus its pinned villages, so a pin outside the area is reported
    /// as such), or every village when the plan has no area.
    /// </summary>
    public static async Task<List<PlannerVillage>> LoadAsync(NpgsqlDataSource dataSource, PlanParameters parameters, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(Sql);
        cmd.CommandTimeout = 120;
        cmd.Parameters.Add(new NpgsqlParameter { Value = parameters.HasArea });
        cmd.Parameters.Add(new NpgsqlParameter { Value = parameters.AreaKabupaten.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = parameters.AreaKecamatan.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = parameters.Include.Concat(parameters.Exclude).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)parameters.AreaPolygon ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Geometry });
        var list = new List<PlannerVillage>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PlannerVillage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetDouble(4), reader.GetDouble(5))
            {
                Population = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                PovertyRate = reader.IsDBNull(7) ? null : reader.GetDouble(7),
                PovertyFromKabupaten = !reader.IsDBNull(8) && reader.GetBoolean(8),
                ExtremePoor = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                IdmScore = reader.IsDBNull(10) ? null : reader.GetDouble(10),
                IdmStatus = reader.IsDBNull(11) ? null : reader.GetString(11),
                ProgramCount = reader.GetInt32(12),
                PartnerCount = reader.GetInt32(13),
                InTransmigrationArea = reader.GetBoolean(14),
                DistanceToTransmigrationKm = reader.IsDBNull(15) ? null : reader.GetDouble(15),
                DistanceToSeatKm = reader.IsDBNull(16) ? null : reader.GetDouble(16),
            });
        }
        await reader.DisposeAsync();
        return await WithFiguresAsync(dataSource, parameters, list, cancellationToken);
    }

    /// <summary>Adds the catalog figures of the indicators the plan's criteria read.</summary>
    private static async Task<List<PlannerVillage>> WithFiguresAsync(NpgsqlDataSource dataSource, PlanParameters parameters, List<PlannerVillage> villages, CancellationToken cancellationToken)
    {
        var wanted = parameters.Criteria.Concat(parameters.Thresholds.Select(t => t.Criterion))
            .Where(c => c.IndicatorCode is not null)
            .GroupBy(c => c.IndicatorCode!, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Year: g.First().Year ?? 0))
            .ToList();
        if (wanted.Count == 0 || villages.Count == 0) return villages;
        await using var cmd = dataSource.CreateCommand(FigureSql);
        cmd.CommandTimeout = 120;
        cmd.Parameters.Add(new NpgsqlParameter { Value = wanted.Select(w => w.Code).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = wanted.Select(w => w.Year).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = villages.Select(v => v.Kode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var figures = new Dictionary<string, Dictionary<string, IndicatorFigure>>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var kode = reader.GetString(0);
                if (!figures.TryGetValue(kode, out var byCode)) figures[kode] = byCode = new(StringComparer.Ordinal);
                byCode[reader.GetString(1)] = new IndicatorFigure(
                    reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5));
            }
        }
        // Every village gets a dictionary, empty when it has nothing: an absent entry then means "no value", never
        // "fall back to the fixed columns".
        var empty = new Dictionary<string, IndicatorFigure>(StringComparer.Ordinal);
        return villages.Select(v => v with { Figures = figures.TryGetValue(v.Kode, out var f) ? f : empty }).ToList();
    }
}
