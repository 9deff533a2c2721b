-- The village layer (village_indicators: features, exports, WMS/WFS, print) names where its figures come from: the
-- source of the poverty figures and of the IDM, beside the years it already carried. Columns are appended, so
-- every reader of the former columns reads them as before.

CREATE OR REPLACE VIEW desagis.village_latest_indicator AS
SELECT d.kode AS desa_kode,
       pov.year AS poverty_year, pov.population, pov.poverty_rate, pov.extreme_poor_people,
       pov.extreme_poor_households,
       idm.year AS idm_year, idm.idm_score, idm.idm_status,
       pov.source AS poverty_source, idm.source AS idm_source
  FROM desagis.desa d
  LEFT JOIN LATERAL (
        SELECT vi.year, vi.population, vi.poverty_rate, vi.extreme_poor_people, vi.extreme_poor_households, vi.source
          FROM desagis.village_indicator vi
         WHERE vi.desa_kode = d.kode
           AND (vi.poverty_rate IS NOT NULL OR vi.population IS NOT NULL OR vi.extreme_poor_people IS NOT NULL)
         ORDER BY vi.year DESC LIMIT 1) pov ON true
  LEFT JOIN LATERAL (
        SELECT vi.year, vi.idm_score, vi.idm_status, vi.source
          FROM desagis.village_indicator vi
         WHERE vi.desa_kode = d.kode AND (vi.idm_score IS NOT NULL OR vi.idm_status IS NOT NULL)
         ORDER BY vi.year DESC LIMIT 1) idm ON true;

ALTER TABLE desagis.village_summary ADD COLUMN poverty_source text, ADD COLUMN idm_source text;

CREATE OR REPLACE FUNCTION desagis.refresh_village_summary(p_kodes text[] DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM desagis.village_summary s
     WHERE (p_kodes IS NULL OR s.kode = ANY (p_kodes))
       AND NOT EXISTS (SELECT 1 FROM desagis.desa d WHERE d.kode = s.kode);
    WITH fresh AS (
        SELECT d.kode, kc.nama AS kecamatan_nama, kb.nama AS kabupaten_nama, pr.nama AS provinsi_nama,
               li.poverty_year AS indicator_year, li.population, li.poverty_rate,
               li.extreme_poor_people AS extreme_poor, li.extreme_poor_households,
               li.idm_year, li.idm_score, li.idm_status,
               COALESCE(c.program_count, 0) AS program_count, COALESCE(c.partner_count, 0) AS partner_count,
               c.partner_names, c.sectors,
               (t.desa_kode IS NOT NULL) AS in_transmigration_area, t.transmigration_area,
               li.poverty_source, li.idm_source
          FROM desagis.desa d
          LEFT JOIN desagis.kecamatan kc ON kc.kode = d.kecamatan_kode
          LEFT JOIN desagis.kabupaten kb ON kb.kode = d.kabupaten_kode
          LEFT JOIN desagis.provinsi pr ON pr.kode = d.provinsi_kode
          LEFT JOIN desagis.village_latest_indicator li ON li.desa_kode = d.kode
          LEFT JOIN desagis.village_coverage c ON c.desa_kode = d.kode
          LEFT JOIN desagis.village_transmigration t ON t.desa_kode = d.kode
         WHERE p_kodes IS NULL OR d.kode = ANY (p_kodes)
    )
    INSERT INTO desagis.village_summary AS s
    SELECT * FROM fresh
    ON CONFLICT (kode) DO UPDATE SET
        kecamatan_nama = EXCLUDED.kecamatan_nama, kabupaten_nama = EXCLUDED.kabupaten_nama,
        provinsi_nama = EXCLUDED.provinsi_nama, indicator_year = EXCLUDED.indicator_year,
        population = EXCLUDED.population, poverty_rate = EXCLUDED.poverty_rate,
        extreme_poor = EXCLUDED.extreme_poor, extreme_poor_households = EXCLUDED.extreme_poor_households,
        idm_year = EXCLUDED.idm_year, idm_score = EXCLUDED.idm_score, idm_status = EXCLUDED.idm_status,
        program_count = EXCLUDED.program_count, partner_count = EXCLUDED.partner_count,
        partner_names = EXCLUDED.partner_names, sectors = EXCLUDED.sectors,
        in_transmigration_area = EXCLUDED.in_transmigration_area, transmigration_area = EXCLUDED.transmigration_area,
        poverty_source = EXCLUDED.poverty_source, idm_source = EXCLUDED.idm_source
    WHERE (s.*) IS DISTINCT FROM (EXCLUDED.*);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

CREATE OR REPLACE VIEW desagis.village_indicators AS
SELECT d.kode, d.kode10, d.nama, d.jenis, d.kecamatan_kode, s.kecamatan_nama, d.kabupaten_kode, s.kabupaten_nama,
       d.provinsi_kode, d.area_km2, s.indicator_year, s.population, s.poverty_rate, s.extreme_poor,
       s.extreme_poor_households, s.idm_year, s.idm_score, s.idm_status, s.program_count, s.partner_count,
       s.partner_names, s.sectors, s.in_transmigration_area, s.transmigration_area,
       d.geom, d.geom_3857, s.poverty_source, s.idm_source
  FROM desagis.desa d
  LEFT JOIN desagis.village_summary s ON s.kode = d.kode;

SELECT desagis.refresh_village_summary(NULL);
