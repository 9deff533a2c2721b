-- Published views. Each answers one collection/tile layer; the catalog (LayerCatalog) names their columns.

-- Latest indicators per village: poverty figures and IDM come from different sources and years, so each group
-- takes its own latest year.
CREATE VIEW desagis.village_latest_indicator AS
SELECT d.kode AS desa_kode,
       pov.year AS poverty_year, pov.population, pov.poverty_rate, pov.extreme_poor_people,
       pov.extreme_poor_households,
       idm.year AS idm_year, idm.idm_score, idm.idm_status
  FROM desagis.desa d
  LEFT JOIN LATERAL (
        SELECT vi.year, vi.population, vi.poverty_rate, vi.extreme_poor_people, vi.extreme_poor_households
          FROM desagis.village_indicator vi
         WHERE vi.desa_kode = d.kode
           AND (vi.poverty_rate IS NOT NULL OR vi.population IS NOT NULL OR vi.extreme_poor_people IS NOT NULL)
         ORDER BY vi.year DESC LIMIT 1) pov ON true
  LEFT JOIN LATERAL (
        SELECT vi.year, vi.idm_score, vi.idm_status
          FROM desagis.village_indicator vi
         WHERE vi.desa_kode = d.kode AND (vi.idm_score IS NOT NULL OR vi.idm_status IS NOT NULL)
         ORDER BY vi.year DESC LIMIT 1) idm ON true;

CREATE VIEW desagis.village_coverage AS
SELECT pv.desa_kode,
       count(DISTINCT pv.program_id)::integer AS program_count,
       count(DISTINCT p.partner_id)::integer AS partner_count,
       string_agg(DISTINCT pa.nama, ', ') AS partner_names,
       string_agg(DISTINCT p.sector, ', ') AS sectors
  FROM desagis.program_village pv
  JOIN desagis.program p ON p.id = pv.program_id
  JOIN desagis.partner pa ON pa.id = p.partner_id
 WHERE p.status IN ('active', 'planned')
 GROUP BY pv.desa_kode;

CREATE VIEW desagis.village_transmigration AS
SELECT tv.desa_kode, string_agg(DISTINCT t.nama, ', ') AS transmigration_area
  FROM desagis.transmigration_area_village tv
  JOIN desagis.transmigration_area t ON t.id = tv.area_id
 GROUP BY tv.desa_kode;

-- village_summary holds each village's published attributes, kept current by refresh_village_summary() after
-- every write, so that tiles and feature pages join one row per village instead of aggregating per request.
CREATE TABLE desagis.village_summary (
    kode                    text PRIMARY KEY,
    kecamatan_nama          text,
    kabupaten_nama          text,
    provinsi_nama           text,
    indicator_year          integer,
    population              integer,
    poverty_rate            double precision,
    extreme_poor            integer,
    extreme_poor_households integer,
    idm_year                integer,
    idm_score               double precision,
    idm_status              text,
    program_count           integer NOT NULL DEFAULT 0,
    partner_count           integer NOT NULL DEFAULT 0,
    partner_names           text,
    sectors                 text,
    in_transmigration_area  boolean NOT NULL DEFAULT false,
    transmigration_area     text
);

-- Refreshes the summary of the given villages (all when NULL); returns how many rows changed.
CREATE FUNCTION desagis.refresh_village_summary(p_kodes text[] DEFAULT NULL)
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
               (t.desa_kode IS NOT NULL) AS in_transmigration_area, t.transmigration_area
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
        in_transmigration_area = EXCLUDED.in_transmigration_area, transmigration_area = EXCLUDED.transmigration_area
    WHERE (s.*) IS DISTINCT FROM (EXCLUDED.*);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

-- The village-indicators layer: one row per village with its geometry and latest indicators.
CREATE VIEW desagis.village_indicators AS
SELECT d.kode, d.kode10, d.nama, d.jenis, d.kecamatan_kode, s.kecamatan_nama, d.kabupaten_kode, s.kabupaten_nama,
       d.provinsi_kode, d.area_km2, s.indicator_year, s.population, s.poverty_rate, s.extreme_poor,
       s.extreme_poor_households, s.idm_year, s.idm_score, s.idm_status, s.program_count, s.partner_count,
       s.partner_names, s.sectors, s.in_transmigration_area, s.transmigration_area,
       d.geom, d.geom_3857
  FROM desagis.desa d
  LEFT JOIN desagis.village_summary s ON s.kode = d.kode;

-- Programme footprints with their partner, for the program-coverage layer.
CREATE VIEW desagis.program_footprints AS
SELECT p.id, p.kode, p.nama, p.sector, p.status, p.start_date, p.end_date,
       EXTRACT(YEAR FROM p.start_date)::integer AS start_year, EXTRACT(YEAR FROM p.end_date)::integer AS end_year,
       pa.kode AS partner_kode, pa.nama AS partner_nama, pa.kind AS partner_kind,
       (SELECT count(*) FROM desagis.program_village pv WHERE pv.program_id = p.id)::integer AS village_count,
       p.footprint AS geom, p.footprint_3857 AS geom_3857
  FROM desagis.program p
  JOIN desagis.partner pa ON pa.id = p.partner_id;

-- Transmigration areas with the number of villages they contain.
CREATE VIEW desagis.transmigration_areas AS
SELECT t.id, t.kode, t.nama, t.kind, t.status, t.year,
       (SELECT count(*) FROM desagis.transmigration_area_village tv WHERE tv.area_id = t.id)::integer AS village_count,
       t.geom, t.geom_3857
  FROM desagis.transmigration_area t;

-- One row per programme and covered village, with the village's geometry: which partner works where.
CREATE VIEW desagis.program_coverage AS
SELECT p.kode || ':' || d.kode AS id, p.kode AS program_kode, p.nama AS program_nama, p.sector, p.status,
       EXTRACT(YEAR FROM p.start_date)::integer AS start_year, EXTRACT(YEAR FROM p.end_date)::integer AS end_year,
       pa.nama AS partner_nama, pa.kind AS partner_kind, d.kode AS desa_kode, d.nama AS desa_nama,
       d.kecamatan_kode, d.kabupaten_kode, d.geom, d.geom_3857
  FROM desagis.program_village pv
  JOIN desagis.program p ON p.id = pv.program_id
  JOIN desagis.partner pa ON pa.id = p.partner_id
  JOIN desagis.desa d ON d.kode = pv.desa_kode;
