namespace DesaGis.Data.Demo;

/// <summary>
/// The SQL of a demo load, run against the staging tables inside the load's transaction. Upserts change a row only
/// when a value differs, so loading the same files again changes nothing. The demo owns its provinces: rows under a
/// loaded province code (and its KT-/PRG- area and programme codes) that the files no longer hold are deleted.
/// </summary>
internal static class DemoLoadSql
{
    /// <summary>Staging derived from the copied files: the area–village links listed in each area's desa_kodes.</summary>
    public const string DeriveStaging =
        """
        CREATE TEMP TABLE s_transmigration_area_village ON COMMIT DROP AS
        SELECT DISTINCT s.kode AS area_kode, btrim(k) AS desa_kode
          FROM s_transmigration_area s, unnest(string_to_array(s.desa_kodes, ';')) AS k
         WHERE btrim(k) <> ''
        """;

    /// <summary>Checks before writing: what would be wrong, and a query listing the offending codes.</summary>
    public static readonly (string Problem, string Sql)[] Checks =
    [
        ($"{DemoFiles.Kabupaten}: kabupaten whose provinsi is in neither the files nor the database",
            "SELECT s.kode FROM s_kabupaten s WHERE NOT EXISTS (SELECT 1 FROM s_provinsi p WHERE p.kode = left(s.kode, 2)) AND NOT EXISTS (SELECT 1 FROM desagis.provinsi p WHERE p.kode = left(s.kode, 2))"),
        ($"{DemoFiles.Kecamatan}: kecamatan whose kabupaten is in neither the files nor the database",
            "SELECT s.kode FROM s_kecamatan s WHERE NOT EXISTS (SELECT 1 FROM s_kabupaten p WHERE p.kode = left(s.kode, 5)) AND NOT EXISTS (SELECT 1 FROM desagis.kabupaten p WHERE p.kode = left(s.kode, 5))"),
        ($"{DemoFiles.Desa}: villages whose kecamatan is in neither the files nor the database",
            "SELECT s.kode FROM s_desa s WHERE NOT EXISTS (SELECT 1 FROM s_kecamatan p WHERE p.kode = left(s.kode, 8)) AND NOT EXISTS (SELECT 1 FROM desagis.kecamatan p WHERE p.kode = left(s.kode, 8))"),
        ($"{DemoFiles.VillageIndicator}: indicators of villages that do not exist",
            "SELECT s.desa_kode FROM s_village_indicator s WHERE NOT EXISTS (SELECT 1 FROM s_desa d WHERE d.kode = s.desa_kode) AND NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = s.desa_kode)"),
        ($"{DemoFiles.TransmigrationArea}: areas whose desa_kodes name villages that do not exist",
            "SELECT s.desa_kode FROM s_transmigration_area_village s WHERE NOT EXISTS (SELECT 1 FROM s_desa d WHERE d.kode = s.desa_kode) AND NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = s.desa_kode)"),
        ($"{DemoFiles.Program}: programmes of a partner that does not exist",
            "SELECT s.partner_kode FROM s_program s WHERE NOT EXISTS (SELECT 1 FROM s_partner p WHERE p.kode = s.partner_kode) AND NOT EXISTS (SELECT 1 FROM desagis.partner p WHERE p.kode = s.partner_kode)"),
        ($"{DemoFiles.ProgramVillage}: links to a programme not in {DemoFiles.Program}",
            "SELECT s.program_kode FROM s_program_village s WHERE NOT EXISTS (SELECT 1 FROM s_program p WHERE p.kode = s.program_kode)"),
        ($"{DemoFiles.ProgramVillage}: links to villages that do not exist",
            "SELECT s.desa_kode FROM s_program_village s WHERE NOT EXISTS (SELECT 1 FROM s_desa d WHERE d.kode = s.desa_kode) AND NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = s.desa_kode)"),
        ($"{DemoFiles.ExtremePoorHousehold}: households of villages that do not exist",
            "SELECT s.desa_kode FROM s_extreme_poor_household s WHERE NOT EXISTS (SELECT 1 FROM s_desa d WHERE d.kode = s.desa_kode) AND NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = s.desa_kode)"),
        // Synthetic villages are never drawn over real land: refuse a load that would cover villages of another province.
        ($"{DemoFiles.Desa}: synthetic villages would lie over villages already loaded from another source (load the demo into a database of its own, or move it with 'demo generate'); first overlap",
            "SELECT s.kode || ' over ' || d.kode || ' ' || d.nama FROM s_desa s JOIN desagis.desa d ON d.geom && ST_SetSRID(s.geom, 4326) " +
            "WHERE d.provinsi_kode NOT IN (SELECT kode FROM s_provinsi) AND ST_Relate(d.geom, ST_SetSRID(s.geom, 4326), 'T********')"),
        ($"{DemoFiles.ExtremePoorHousehold}: households without a point (lon and lat are required)",
            "SELECT s.kode FROM s_extreme_poor_household s WHERE s.lon IS NULL OR s.lat IS NULL"),
    ];

    /// <summary>Upserts: each returns one boolean per written row, true when it was inserted.</summary>
    public static readonly string[] Upserts =
    [
        """
        INSERT INTO desagis.provinsi AS t (kode, nama, area_km2, geom)
        SELECT kode, nama, area_km2, ST_Multi(ST_SetSRID(geom, 4326)) FROM s_provinsi
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, area_km2 = EXCLUDED.area_km2, geom = EXCLUDED.geom, updated_at = now()
        WHERE (t.nama, t.area_km2, t.geom) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.area_km2, EXCLUDED.geom)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.kabupaten AS t (kode, nama, jenis, area_km2, geom)
        SELECT kode, nama, jenis, area_km2, ST_Multi(ST_SetSRID(geom, 4326)) FROM s_kabupaten
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, jenis = EXCLUDED.jenis, area_km2 = EXCLUDED.area_km2, geom = EXCLUDED.geom, updated_at = now()
        WHERE (t.nama, t.jenis, t.area_km2, t.geom) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.jenis, EXCLUDED.area_km2, EXCLUDED.geom)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.kecamatan AS t (kode, nama, area_km2, geom)
        SELECT kode, nama, area_km2, ST_Multi(ST_SetSRID(geom, 4326)) FROM s_kecamatan
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, area_km2 = EXCLUDED.area_km2, geom = EXCLUDED.geom, updated_at = now()
        WHERE (t.nama, t.area_km2, t.geom) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.area_km2, EXCLUDED.geom)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.desa AS t (kode, nama, jenis, area_km2, geom)
        SELECT kode, nama, jenis, area_km2, ST_Multi(ST_SetSRID(geom, 4326)) FROM s_desa
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, jenis = EXCLUDED.jenis, area_km2 = EXCLUDED.area_km2, geom = EXCLUDED.geom, updated_at = now()
        WHERE (t.nama, t.jenis, t.area_km2, t.geom) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.jenis, EXCLUDED.area_km2, EXCLUDED.geom)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.indicator_value AS t (indicator_code, level, area_kode, year, value, value_text, source)
        SELECT c.code, 'desa', s.desa_kode, s.year, c.value, c.value_text, s.source
          FROM s_village_indicator s
         CROSS JOIN LATERAL (VALUES
                ('population', s.population::double precision, NULL::text),
                ('poverty_rate', s.poverty_rate, NULL),
                ('extreme_poor_people', s.extreme_poor_people::double precision, NULL),
                ('extreme_poor_households', s.extreme_poor_households::double precision, NULL),
                ('idm_score', s.idm_score, NULL),
                ('idm_status', NULL, s.idm_status)) AS c(code, value, value_text)
         WHERE c.value IS NOT NULL OR c.value_text IS NOT NULL
        ON CONFLICT (indicator_code, area_kode, year) DO UPDATE SET value = EXCLUDED.value, value_text = EXCLUDED.value_text,
            source = EXCLUDED.source, updated_at = now()
        WHERE (t.value, t.value_text, t.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.value_text, EXCLUDED.source)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.indicator_value AS t (indicator_code, level, area_kode, year, value, source)
        SELECT c.code, 'kabupaten', s.kabupaten_kode, s.year, c.value, s.source
          FROM s_kabupaten_indicator s
         CROSS JOIN LATERAL (VALUES
                ('population', s.population::double precision),
                ('poverty_rate', s.poverty_rate),
                ('extreme_poor_people', s.extreme_poor_people::double precision),
                ('extreme_poor_households', s.extreme_poor_households::double precision),
                ('area_km2', s.area_km2)) AS c(code, value)
         WHERE c.value IS NOT NULL
        ON CONFLICT (indicator_code, area_kode, year) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, updated_at = now()
        WHERE (t.value, t.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.transmigration_area AS t (kode, nama, kind, status, year, geom)
        SELECT kode, nama, kind, status, year, ST_Multi(ST_SetSRID(geom, 4326)) FROM s_transmigration_area
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, kind = EXCLUDED.kind, status = EXCLUDED.status, year = EXCLUDED.year,
            geom = EXCLUDED.geom, updated_at = now()
        WHERE (t.nama, t.kind, t.status, t.year, t.geom) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.kind, EXCLUDED.status, EXCLUDED.year, EXCLUDED.geom)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.transmigration_area_village (area_id, desa_kode)
        SELECT t.id, s.desa_kode FROM s_transmigration_area_village s JOIN desagis.transmigration_area t ON t.kode = s.area_kode
        ON CONFLICT DO NOTHING
        RETURNING true
        """,
        """
        INSERT INTO desagis.partner AS t (kode, nama, kind)
        SELECT kode, nama, kind FROM s_partner
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, kind = EXCLUDED.kind, updated_at = now()
        WHERE (t.nama, t.kind) IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.kind)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.program AS t (kode, nama, partner_id, sector, start_date, end_date, status)
        SELECT s.kode, s.nama, p.id, s.sector, s.start_date, s.end_date, s.status FROM s_program s JOIN desagis.partner p ON p.kode = s.partner_kode
        ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, partner_id = EXCLUDED.partner_id, sector = EXCLUDED.sector,
            start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, status = EXCLUDED.status, updated_at = now()
        WHERE (t.nama, t.partner_id, t.sector, t.start_date, t.end_date, t.status)
              IS DISTINCT FROM (EXCLUDED.nama, EXCLUDED.partner_id, EXCLUDED.sector, EXCLUDED.start_date, EXCLUDED.end_date, EXCLUDED.status)
        RETURNING xmax = 0
        """,
        """
        INSERT INTO desagis.program_village (program_id, desa_kode)
        SELECT p.id, s.desa_kode FROM s_program_village s JOIN desagis.program p ON p.kode = s.program_kode
        ON CONFLICT DO NOTHING
        RETURNING true
        """,
        """
        INSERT INTO desagis.extreme_poor_household AS t (kode, desa_kode, head_of_household, members, welfare_decile, year, geom)
        SELECT kode, desa_kode, head_of_household, members, welfare_decile, year, ST_SetSRID(ST_MakePoint(lon, lat), 4326) FROM s_extreme_poor_household
        ON CONFLICT (kode) DO UPDATE SET desa_kode = EXCLUDED.desa_kode, head_of_household = EXCLUDED.head_of_household,
            members = EXCLUDED.members, welfare_decile = EXCLUDED.welfare_decile, year = EXCLUDED.year, geom = EXCLUDED.geom, updated_at = now()
        WHERE (t.desa_kode, t.head_of_household, t.members, t.welfare_decile, t.year, t.geom)
              IS DISTINCT FROM (EXCLUDED.desa_kode, EXCLUDED.head_of_household, EXCLUDED.members, EXCLUDED.welfare_decile, EXCLUDED.year, EXCLUDED.geom)
        RETURNING xmax = 0
        """,
    ];

    /// <summary>Deletions of what the files no longer hold, children before parents.</summary>
    public static readonly string[] Deletes =
    [
        """
        DELETE FROM desagis.extreme_poor_household h
         WHERE left(h.desa_kode, 2) IN (SELECT kode FROM s_provinsi)
           AND NOT EXISTS (SELECT 1 FROM s_extreme_poor_household s WHERE s.kode = h.kode)
        """,
        """
        DELETE FROM desagis.program_village pv USING desagis.program p
         WHERE pv.program_id = p.id AND p.kode IN (SELECT kode FROM s_program)
           AND NOT EXISTS (SELECT 1 FROM s_program_village s WHERE s.program_kode = p.kode AND s.desa_kode = pv.desa_kode)
        """,
        """
        DELETE FROM desagis.program p
         WHERE EXISTS (SELECT 1 FROM s_provinsi s WHERE p.kode LIKE 'PRG-' || s.kode || '-%')
           AND NOT EXISTS (SELECT 1 FROM s_program s WHERE s.kode = p.kode)
        """,
        """
        DELETE FROM desagis.transmigration_area_village tv USING desagis.transmigration_area t
         WHERE tv.area_id = t.id AND t.kode IN (SELECT kode FROM s_transmigration_area)
           AND NOT EXISTS (SELECT 1 FROM s_transmigration_area_village s WHERE s.area_kode = t.kode AND s.desa_kode = tv.desa_kode)
        """,
        """
        DELETE FROM desagis.transmigration_area t
         WHERE EXISTS (SELECT 1 FROM s_provinsi s WHERE t.kode LIKE 'KT-' || s.kode || '-%')
           AND NOT EXISTS (SELECT 1 FROM s_transmigration_area s WHERE s.kode = t.kode)
        """,
        """
        DELETE FROM desagis.indicator_value v
         WHERE v.level = 'desa' AND left(v.area_kode, 2) IN (SELECT kode FROM s_provinsi)
           AND v.indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'idm_score', 'idm_status')
           AND NOT EXISTS (SELECT 1 FROM s_village_indicator s WHERE s.desa_kode = v.area_kode AND s.year = v.year
                              AND CASE v.indicator_code WHEN 'population' THEN s.population IS NOT NULL
                                                        WHEN 'poverty_rate' THEN s.poverty_rate IS NOT NULL
                                                        WHEN 'extreme_poor_people' THEN s.extreme_poor_people IS NOT NULL
                                                        WHEN 'extreme_poor_households' THEN s.extreme_poor_households IS NOT NULL
                                                        WHEN 'idm_score' THEN s.idm_score IS NOT NULL
                                                        ELSE s.idm_status IS NOT NULL END)
        """,
        """
        DELETE FROM desagis.indicator_value v
         WHERE v.level = 'kabupaten' AND left(v.area_kode, 2) IN (SELECT kode FROM s_provinsi)
           AND v.indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'area_km2')
           AND NOT EXISTS (SELECT 1 FROM s_kabupaten_indicator s WHERE s.kabupaten_kode = v.area_kode AND s.year = v.year
                              AND CASE v.indicator_code WHEN 'population' THEN s.population IS NOT NULL
                                                        WHEN 'poverty_rate' THEN s.poverty_rate IS NOT NULL
                                                        WHEN 'extreme_poor_people' THEN s.extreme_poor_people IS NOT NULL
                                                        WHEN 'extreme_poor_households' THEN s.extreme_poor_households IS NOT NULL
                                                        ELSE s.area_km2 IS NOT NULL END)
        """,
        "DELETE FROM desagis.desa d WHERE d.provinsi_kode IN (SELECT kode FROM s_provinsi) AND NOT EXISTS (SELECT 1 FROM s_desa s WHERE s.kode = d.kode)",
        "DELETE FROM desagis.kecamatan d WHERE d.provinsi_kode IN (SELECT kode FROM s_provinsi) AND NOT EXISTS (SELECT 1 FROM s_kecamatan s WHERE s.kode = d.kode)",
        "DELETE FROM desagis.kabupaten d WHERE d.provinsi_kode IN (SELECT kode FROM s_provinsi) AND NOT EXISTS (SELECT 1 FROM s_kabupaten s WHERE s.kode = d.kode)",
    ];
}
