-- Gap and overlap analysis of partner programmes: for an area and a year, which villages of high need (by an
-- indicator of the catalog) no active programme reaches, and where programmes of the same sector pile up.

-- Whether a programme runs in a year: its dates meet the year, it is not suspended, and a completed programme has
-- an end date (without one it cannot be placed in time, so it counts nowhere).
CREATE FUNCTION desagis.program_active_in(p_status text, p_start date, p_end date, p_year integer)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT p_status <> 'suspended'
       AND NOT (p_status = 'completed' AND p_end IS NULL)
       AND (p_start IS NULL OR p_start <= make_date(p_year, 12, 31))
       AND (p_end IS NULL OR p_end >= make_date(p_year, 1, 1))
$$;

-- One row per village of the area (a Kemendagri code of any level): its latest value of the indicator up to the
-- year, whether that is high need (at or past p_need; without one, the worst quarter of the area's measured
-- villages), and the programmes active in the year. A village without a value has high_need NULL: unknown need is
-- never counted as low or high.
CREATE FUNCTION desagis.program_gap(p_area text, p_year integer, p_indicator text, p_need double precision DEFAULT NULL)
RETURNS TABLE (desa_kode text, desa_nama text, kecamatan_kode text, kecamatan_nama text, kabupaten_kode text,
               kabupaten_nama text, need_value double precision, need_year integer, need_threshold double precision,
               high_need boolean, program_count integer, partners text[], sectors text[], programs text[],
               overlap_sectors text[])
LANGUAGE sql STABLE AS $$
    WITH ind AS (
        SELECT direction FROM desagis.indicator WHERE code = p_indicator
    ), area AS (
        SELECT d.kode, d.nama, d.kecamatan_kode, d.kabupaten_kode FROM desagis.desa d
         WHERE d.kode = p_area OR d.kode LIKE p_area || '.%'
    ), need AS (
        SELECT DISTINCT ON (v.area_kode) v.area_kode, v.value, v.year
          FROM desagis.indicator_value v
         WHERE v.indicator_code = p_indicator AND v.level = 'desa' AND v.year <= p_year AND v.value IS NOT NULL
           AND v.area_kode IN (SELECT kode FROM area)
         ORDER BY v.area_kode, v.year DESC
    ), cut AS (
        SELECT COALESCE(p_need, CASE (SELECT direction FROM ind)
                                    WHEN 'higher_better' THEN percentile_cont(0.25) WITHIN GROUP (ORDER BY value)
                                    ELSE percentile_cont(0.75) WITHIN GROUP (ORDER BY value) END) AS t
          FROM need
    ), active AS (
        SELECT pv.desa_kode, p.kode, p.sector, pa.nama AS partner
          FROM desagis.program_village pv
          JOIN desagis.program p ON p.id = pv.program_id
          JOIN desagis.partner pa ON pa.id = p.partner_id
         WHERE pv.desa_kode IN (SELECT kode FROM area)
           AND desagis.program_active_in(p.status, p.start_date, p.end_date, p_year)
    ), per AS (
        SELECT a.desa_kode, count(DISTINCT a.kode)::integer AS n,
               array_agg(DISTINCT a.partner ORDER BY a.partner) AS partners,
               array_agg(DISTINCT a.sector ORDER BY a.sector) AS sectors,
               array_agg(DISTINCT a.kode ORDER BY a.kode) AS programs
          FROM active a GROUP BY a.desa_kode
    ), piled AS (
        SELECT x.desa_kode, array_agg(x.sector ORDER BY x.sector) AS sectors
          FROM (SELECT a.desa_kode, a.sector FROM active a GROUP BY a.desa_kode, a.sector HAVING count(DISTINCT a.kode) >= 2) x
         GROUP BY x.desa_kode
    )
    SELECT a.kode, a.nama, a.kecamatan_kode, kc.nama, a.kabupaten_kode, kb.nama, n.value, n.year, cut.t,
           CASE WHEN n.value IS NULL OR cut.t IS NULL THEN NULL
                WHEN (SELECT direction FROM ind) = 'higher_better' THEN n.value <= cut.t
                ELSE n.value >= cut.t END,
           COALESCE(per.n, 0), COALESCE(per.partners, '{}'), COALESCE(per.sectors, '{}'), COALESCE(per.programs, '{}'),
           COALESCE(piled.sectors, '{}')
      FROM area a
     CROSS JOIN cut
      LEFT JOIN need n ON n.area_kode = a.kode
      LEFT JOIN per ON per.desa_kode = a.kode
      LEFT JOIN piled ON piled.desa_kode = a.kode
      LEFT JOIN desagis.kecamatan kc ON kc.kode = a.kecamatan_kode
      LEFT JOIN desagis.kabupaten kb ON kb.kode = a.kabupaten_kode
     ORDER BY a.kode
$$;
