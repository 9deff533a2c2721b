using DesaGis.Data.Sql;

namespace DesaGis.Data.Import.Targets;

/// <summary>
/// The SQL of one import into one target, built from our own target definitions (never from file content): the
/// staging table, the upsert that matches rows by key and counts inserts and updates, and the checks and link
/// maintenance that need the database. Only the fields the import provides are written, so a code list does not
/// erase geometries and an IDM table does not erase poverty figures.
/// </summary>
public sealed class TargetSql(TargetDefinition target, ISet<string> provided, bool hasGeometry)
{
    public const string Stage = "pg_temp.import_stage";

    private static string Q(string identifier) => SqlIdentifier.Quote(identifier);

    public string Table => SqlIdentifier.Quote("desagis", target.Table);

    /// <summary>The staging columns in COPY order: row number, location, every field, then the geometry.</summary>
    public IReadOnlyList<(string Name, string SqlType)> StageColumns =>
        [("ord", "integer"), ("loc", "text"), .. target.Fields.Select(f => (f.Name, f.SqlType)),
         .. (hasGeometry ? [("geom", "geometry(MultiPolygon, 4326)")] : Array.Empty<(string, string)>())];

    public string CreateStage =>
        $"CREATE TEMP TABLE import_stage ({string.Join(", ", StageColumns.Select(c => $"{Q(c.Name)} {c.SqlType}"))}) ON COMMIT DROP";

    public string Copy => $"COPY {Stage} ({string.Join(", ", StageColumns.Select(c => Q(c.Name)))}) FROM STDIN (FORMAT BINARY)";

    private bool Has(string field) => provided.Contains(field);

    /// <summary>Rows the database must refuse before the upsert: (ord, location, reason).</summary>
    public string? Validation => target.Target switch
    {
        ImportTarget.Program =>
            $"SELECT s.ord, s.loc, 'partner ''' || s.partner_kode || ''' does not exist (import partners first)' FROM {Stage} s " +
            "WHERE NOT EXISTS (SELECT 1 FROM desagis.partner p WHERE p.kode = s.partner_kode)",
        ImportTarget.ProgramVillage =>
            $"SELECT s.ord, s.loc, 'program ''' || s.program_kode || ''' does not exist (import programs first)' FROM {Stage} s " +
            "WHERE NOT EXISTS (SELECT 1 FROM desagis.program p WHERE p.kode = s.program_kode)",
        _ => null,
    };

    /// <summary>The INSERT … ON CONFLICT that returns one boolean per written row: true when inserted, false when updated.</summary>
    public string Upsert
    {
        get
        {
            if (target.Target is ImportTarget.VillageIndicator or ImportTarget.KabupatenIndicator) return IndicatorUpsert;
            var columns = new List<(string Column, string Expression)>();
            bool updatedAt = target.Target is not (ImportTarget.CodeCrosswalk or ImportTarget.ProgramVillage);
            switch (target.Target)
            {
                case ImportTarget.Program:
                    columns.Add(("kode", "s.kode"));
                    columns.Add(("partner_id", "(SELECT p.id FROM desagis.partner p WHERE p.kode = s.partner_kode)"));
                    foreach (var f in new[] { "nama", "sector", "start_date", "end_date", "status" })
                        if (Has(f)) columns.Add((f, f == "status" ? "COALESCE(s.status, 'active')" : $"s.{Q(f)}"));
                    break;
                case ImportTarget.ProgramVillage:
                    columns.Add(("program_id", "(SELECT p.id FROM desagis.program p WHERE p.kode = s.program_kode)"));
                    columns.Add(("desa_kode", "s.desa_kode"));
                    break;
                default:
                    foreach (var f in target.Fields)
                        if ((Has(f.Name) || f.Key || f.Name == "jenis" || (f.Name == "level" && target.Target == ImportTarget.CodeCrosswalk))
                            && f.Kind != FieldKind.CodeList && f.Name != "area_km2")
                            columns.Add((f.Name, $"s.{Q(f.Name)}"));
                    if (target.Fields.Any(f => f.Name == "area_km2"))
                    {
                        // Areas are computed on the ellipsoid when the file has geometry but no area.
                        bool geographyArea = hasGeometry && target.Level is not null;
                        if (Has("area_km2") && geographyArea) columns.Add(("area_km2", "COALESCE(s.area_km2, ST_Area(s.geom::geography) / 1e6)"));
                        else if (Has("area_km2")) columns.Add(("area_km2", "s.area_km2"));
                        else if (geographyArea) columns.Add(("area_km2", "ST_Area(s.geom::geography) / 1e6"));
                    }
                    break;
            }
            if (hasGeometry) columns.Add(("geom", "s.geom"));

            var keys = target.Target == ImportTarget.ProgramVillage ? ["program_id", "desa_kode"] : target.Keys.Select(k => k.Name).ToArray();
            var updates = columns.Where(c => !keys.Contains(c.Column)).ToList();
            var sql = $"INSERT INTO {Table} AS t ({string.Join(", ", columns.Select(c => Q(c.Column)))}) " +
                      $"SELECT {string.Join(", ", columns.Select(c => c.Expression))} FROM {Stage} s ORDER BY s.ord " +
                      $"ON CONFLICT ({string.Join(", ", keys.Select(Q))}) ";
            if (updates.Count == 0) return sql + "DO NOTHING RETURNING true";
            // Rows whose values did not change are left alone (no new updated_at, not counted as updated).
            return sql + "DO UPDATE SET " +
                   string.Join(", ", updates.Select(c => $"{Q(c.Column)} = EXCLUDED.{Q(c.Column)}")) +
                   (updatedAt ? ", updated_at = now()" : "") +
                   $" WHERE ({string.Join(", ", updates.Select(c => "t." + Q(c.Column)))}, NULL::int) IS DISTINCT FROM " +
                   $"({string.Join(", ", updates.Select(c => "EXCLUDED." + Q(c.Column)))}, NULL::int) RETURNING (xmax = 0)";
        }
    }

    /// <summary>
    /// The former indicator tables are views over the indicator catalog (migration 0070): each provided figure of a
    /// row becomes one value with the row's source; an empty figure removes the value, as it cleared the column before.
    /// One boolean per row that changed: true when the area had no figures for that year before.
    /// </summary>
    private string IndicatorUpsert
    {
        get
        {
            bool village = target.Target == ImportTarget.VillageIndicator;
            string level = village ? "desa" : "kabupaten";
            string key = village ? "desa_kode" : "kabupaten_kode";
            string[] all = village
                ? ["population", "poverty_rate", "extreme_poor_people", "extreme_poor_households", "idm_score", "idm_status"]
                : ["population", "poverty_rate", "extreme_poor_people", "extreme_poor_households", "area_km2"];
            var written = all.Where(Has).ToList();
            string codes = string.Join(", ", all.Select(c => $"'{c}'"));
            string values = written.Count == 0 ? "(NULL::text, NULL::double precision, NULL::text)" : string.Join(", ", written.Select(c => c == "idm_status"
                ? "('idm_status', NULL::double precision, s.idm_status)"
                : $"('{c}', s.{Q(c)}::double precision, NULL::text)"));
            string cleared = written.Count == 0 ? "false" : string.Join(" OR ", written.Select(c => $"(v.indicator_code = '{c}' AND s.{Q(c)} IS NULL)"));
            return $"""
                WITH before AS (
                    SELECT s.ord, EXISTS (SELECT 1 FROM desagis.indicator_value v WHERE v.level = '{level}' AND v.area_kode = s.{key}
                                             AND v.year = s.year AND v.indicator_code IN ({codes})) AS existed
                      FROM {Stage} s),
                cleared AS (
                    DELETE FROM desagis.indicator_value v USING {Stage} s
                     WHERE v.level = '{level}' AND v.area_kode = s.{key} AND v.year = s.year AND ({cleared})
                    RETURNING s.ord),
                written AS (
                    INSERT INTO desagis.indicator_value AS t (indicator_code, level, area_kode, year, value, value_text, source)
                    SELECT c.code, '{level}', s.{key}, s.year, c.value, c.value_text, s.source
                      FROM {Stage} s CROSS JOIN LATERAL (VALUES {values}) AS c(code, value, value_text)
                     WHERE c.code IS NOT NULL AND (c.value IS NOT NULL OR c.value_text IS NOT NULL)
                     ORDER BY s.ord
                    ON CONFLICT (indicator_code, area_kode, year) DO UPDATE
                       SET value = EXCLUDED.value, value_text = EXCLUDED.value_text, source = EXCLUDED.source, updated_at = now()
                     WHERE (t.value, t.value_text, t.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.value_text, EXCLUDED.source)
                    RETURNING t.area_kode, t.year)
                SELECT NOT b.existed FROM before b JOIN {Stage} s ON s.ord = b.ord
                 WHERE EXISTS (SELECT 1 FROM written w WHERE w.area_kode = s.{key} AND w.year = s.year)
                    OR EXISTS (SELECT 1 FROM cleared c WHERE c.ord = s.ord)
                 ORDER BY s.ord
                """;
        }
    }

    /// <summary>Village codes whose summary may change, read before the links are replaced.</summary>
    public string? AffectedVillagesBefore => target.Target switch
    {
        ImportTarget.TransmigrationArea =>
            $"SELECT DISTINCT v.desa_kode FROM desagis.transmigration_area_village v JOIN desagis.transmigration_area a ON a.id = v.area_id JOIN {Stage} s ON s.kode = a.kode",
        ImportTarget.Program =>
            $"SELECT DISTINCT v.desa_kode FROM desagis.program_village v JOIN desagis.program p ON p.id = v.program_id JOIN {Stage} s ON s.kode = p.kode",
        _ => null,
    };

    /// <summary>Statements run after the upsert: replacing the village links of areas and programmes that list villages.</summary>
    public IEnumerable<string> AfterUpsert()
    {
        if (target.Target == ImportTarget.TransmigrationArea && Has("desa_kodes"))
        {
            yield return "DELETE FROM desagis.transmigration_area_village v USING desagis.transmigration_area a, " + Stage +
                         " s WHERE v.area_id = a.id AND a.kode = s.kode AND s.desa_kodes IS NOT NULL";
            yield return "INSERT INTO desagis.transmigration_area_village (area_id, desa_kode) SELECT DISTINCT a.id, c.kode FROM " + Stage +
                         " s JOIN desagis.transmigration_area a ON a.kode = s.kode CROSS JOIN LATERAL unnest(s.desa_kodes) AS c(kode) ON CONFLICT DO NOTHING";
            // An area given only as a list of villages gets their union as its geometry.
            yield return "UPDATE desagis.transmigration_area a SET geom = u.geom, updated_at = now() FROM (" +
                         "SELECT v.area_id, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(d.geom)), 3)) AS geom " +
                         "FROM desagis.transmigration_area_village v JOIN desagis.desa d ON d.kode = v.desa_kode GROUP BY v.area_id) u, " + Stage +
                         " s WHERE a.id = u.area_id AND a.kode = s.kode AND a.geom IS NULL AND u.geom IS NOT NULL";
        }
        if (target.Target == ImportTarget.Program && Has("desa_kodes"))
        {
            yield return "DELETE FROM desagis.program_village v USING desagis.program p, " + Stage +
                         " s WHERE v.program_id = p.id AND p.kode = s.kode AND s.desa_kodes IS NOT NULL";
            yield return "INSERT INTO desagis.program_village (program_id, desa_kode) SELECT DISTINCT p.id, c.kode FROM " + Stage +
                         " s JOIN desagis.program p ON p.kode = s.kode CROSS JOIN LATERAL unnest(s.desa_kodes) AS c(kode) ON CONFLICT DO NOTHING";
        }
    }

    /// <summary>The programme ids whose footprint must be recomputed, or null when the target has none.</summary>
    public string? ProgramIds => target.Target switch
    {
        ImportTarget.Program => $"SELECT p.id FROM desagis.program p JOIN {Stage} s ON s.kode = p.kode",
        ImportTarget.ProgramVillage => $"SELECT DISTINCT p.id FROM desagis.program p JOIN {Stage} s ON s.program_kode = p.kode",
        _ => null,
    };

    /// <summary>The village codes whose summary must be refreshed after the write (with those read before).</summary>
    public string? AffectedVillagesAfter => target.Target switch
    {
        ImportTarget.Desa => $"SELECT s.kode FROM {Stage} s",
        ImportTarget.Kecamatan => $"SELECT d.kode FROM desagis.desa d JOIN {Stage} s ON d.kecamatan_kode = s.kode",
        ImportTarget.Kabupaten => $"SELECT d.kode FROM desagis.desa d JOIN {Stage} s ON d.kabupaten_kode = s.kode",
        ImportTarget.Provinsi => $"SELECT d.kode FROM desagis.desa d JOIN {Stage} s ON d.provinsi_kode = s.kode",
        ImportTarget.VillageIndicator or ImportTarget.ProgramVillage => $"SELECT DISTINCT s.desa_kode FROM {Stage} s",
        ImportTarget.TransmigrationArea =>
            $"SELECT DISTINCT v.desa_kode FROM desagis.transmigration_area_village v JOIN desagis.transmigration_area a ON a.id = v.area_id JOIN {Stage} s ON s.kode = a.kode",
        ImportTarget.Program =>
            $"SELECT DISTINCT v.desa_kode FROM desagis.program_village v JOIN desagis.program p ON p.id = v.program_id JOIN {Stage} s ON s.kode = p.kode",
        ImportTarget.Partner =>
            $"SELECT DISTINCT v.desa_kode FROM desagis.program_village v JOIN desagis.program p ON p.id = v.program_id JOIN desagis.partner pa ON pa.id = p.partner_id JOIN {Stage} s ON s.kode = pa.kode",
        _ => null,
    };
}
