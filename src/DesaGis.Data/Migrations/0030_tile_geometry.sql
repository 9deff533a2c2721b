-- Generalised EPSG:3857 geometry for vector tiles at low zooms. A national view at zoom 5 does not need the
-- vertices of a zoom-14 village; precomputing one simplified copy per zoom band makes low-zoom tiles small and
-- fast. Each band's tolerance is one MVT unit (extent 4096) at the band's first zoom, so the error stays below
-- half a screen pixel at the band's last zoom and shared borders cannot visibly tear apart.

-- One MVT unit (a tile's width / 4096) at a zoom, in EPSG:3857 metres.
CREATE FUNCTION desagis.tile_unit(zoom integer) RETURNS double precision
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$ SELECT 40075016.685578488 / 4096.0 / (2.0 ^ zoom) $$;

-- The geometry a polygon shows at a zoom band. PostGIS 3.3 has no ST_CoverageSimplify (3.4+), so each polygon is
-- simplified on its own with ST_SimplifyPreserveTopology (valid output, rings never collapse). Polygons smaller
-- than a few MVT units would be dropped by ST_AsMVTGeom as degenerate; they are kept as a 2×2-unit square on
-- their point-on-surface, so that no village vanishes from the map at low zooms.
CREATE FUNCTION desagis.tile_generalise(g geometry, zoom integer) RETURNS geometry
IMMUTABLE PARALLEL SAFE LANGUAGE sql AS $$
    SELECT CASE
        WHEN g IS NULL OR ST_IsEmpty(g) THEN NULL
        WHEN ST_Area(g) < 4 * desagis.tile_unit(zoom) ^ 2
            THEN ST_Multi(ST_Expand(ST_PointOnSurface(g), desagis.tile_unit(zoom)))
        ELSE ST_Multi(ST_CollectionExtract(ST_SimplifyPreserveTopology(g, desagis.tile_unit(zoom)), 3))
    END
$$;

-- Villages also keep the few attributes that low-zoom village tiles carry, so that a national tile with ten thousand
-- villages is read from this one table instead of joining desa and village_summary for every village.
CREATE TABLE desagis.desa_tile_geometry (
    kode          text PRIMARY KEY,
    kode10        bigint GENERATED ALWAYS AS (replace(kode, '.', '')::bigint) STORED,
    geom_z5       geometry(MultiPolygon, 3857),
    geom_z8       geometry(MultiPolygon, 3857),
    geom_z11      geometry(MultiPolygon, 3857),
    nama          text,
    poverty_rate  double precision,
    extreme_poor  integer,
    idm_status    text,
    program_count integer
);
CREATE INDEX ON desagis.desa_tile_geometry USING gist (geom_z5);
CREATE INDEX ON desagis.desa_tile_geometry USING gist (geom_z8);
CREATE INDEX ON desagis.desa_tile_geometry USING gist (geom_z11);

CREATE TABLE desagis.kecamatan_tile_geometry (
    kode     text PRIMARY KEY,
    geom_z5  geometry(MultiPolygon, 3857),
    geom_z8  geometry(MultiPolygon, 3857),
    geom_z11 geometry(MultiPolygon, 3857)
);
CREATE INDEX ON desagis.kecamatan_tile_geometry USING gist (geom_z5);
CREATE INDEX ON desagis.kecamatan_tile_geometry USING gist (geom_z8);
CREATE INDEX ON desagis.kecamatan_tile_geometry USING gist (geom_z11);

CREATE TABLE desagis.kabupaten_tile_geometry (
    kode    text PRIMARY KEY,
    geom_z0 geometry(MultiPolygon, 3857),
    geom_z5 geometry(MultiPolygon, 3857),
    geom_z8 geometry(MultiPolygon, 3857)
);
CREATE INDEX ON desagis.kabupaten_tile_geometry USING gist (geom_z0);
CREATE INDEX ON desagis.kabupaten_tile_geometry USING gist (geom_z5);
CREATE INDEX ON desagis.kabupaten_tile_geometry USING gist (geom_z8);

CREATE TABLE desagis.provinsi_tile_geometry (
    kode    text PRIMARY KEY,
    geom_z0 geometry(MultiPolygon, 3857),
    geom_z5 geometry(MultiPolygon, 3857),
    geom_z8 geometry(MultiPolygon, 3857)
);
CREATE INDEX ON desagis.provinsi_tile_geometry USING gist (geom_z0);
CREATE INDEX ON desagis.provinsi_tile_geometry USING gist (geom_z5);
CREATE INDEX ON desagis.provinsi_tile_geometry USING gist (geom_z8);

-- Recomputes the generalised rows of the given codes of one source table (all when p_kodes is NULL). Writers
-- need not call it: the triggers of 0031 do, in the same statement.
CREATE FUNCTION desagis.refresh_tile_geometry(p_source text, p_kodes text[] DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    target text := p_source || '_tile_geometry';
    zooms integer[];
    cols text;
    vals text;
    sets text;
    n integer;
BEGIN
    zooms := CASE p_source
        WHEN 'desa' THEN ARRAY[5, 8, 11]
        WHEN 'kecamatan' THEN ARRAY[5, 8, 11]
        WHEN 'kabupaten' THEN ARRAY[0, 5, 8]
        WHEN 'provinsi' THEN ARRAY[0, 5, 8]
    END;
    IF zooms IS NULL THEN
        RAISE EXCEPTION 'refresh_tile_geometry: unknown source %', p_source;
    END IF;
    SELECT string_agg(format('geom_z%s', z), ', '),
           string_agg(format('desagis.tile_generalise(s.geom_3857, %s)', z), ', '),
           string_agg(format('geom_z%s = EXCLUDED.geom_z%s', z, z), ', ')
      INTO cols, vals, sets
      FROM unnest(zooms) z;
    EXECUTE format('DELETE FROM desagis.%I t WHERE ($1 IS NULL OR t.kode = ANY ($1)) '
                   'AND NOT EXISTS (SELECT 1 FROM desagis.%I s WHERE s.kode = t.kode AND s.geom_3857 IS NOT NULL)',
                   target, p_source) USING p_kodes;
    EXECUTE format('INSERT INTO desagis.%I (kode, %s) SELECT s.kode, %s FROM desagis.%I s '
                   'WHERE s.geom_3857 IS NOT NULL AND ($1 IS NULL OR s.kode = ANY ($1)) '
                   'ON CONFLICT (kode) DO UPDATE SET %s',
                   target, cols, vals, p_source, sets) USING p_kodes;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

-- Copies the low-zoom attributes of the given villages (all when NULL) from desa and village_summary.
CREATE FUNCTION desagis.refresh_desa_tile_attributes(p_kodes text[] DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    n integer;
BEGIN
    UPDATE desagis.desa_tile_geometry g
       SET nama = d.nama, poverty_rate = s.poverty_rate, extreme_poor = s.extreme_poor,
           idm_status = s.idm_status, program_count = s.program_count
      FROM desagis.desa d LEFT JOIN desagis.village_summary s ON s.kode = d.kode
     WHERE g.kode = d.kode AND (p_kodes IS NULL OR g.kode = ANY (p_kodes))
       AND (g.nama, g.poverty_rate, g.extreme_poor, g.idm_status, g.program_count)
           IS DISTINCT FROM (d.nama, s.poverty_rate, s.extreme_poor, s.idm_status, s.program_count);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;

SELECT desagis.refresh_tile_geometry('desa');
SELECT desagis.refresh_desa_tile_attributes(NULL);
SELECT desagis.refresh_tile_geometry('kecamatan');
SELECT desagis.refresh_tile_geometry('kabupaten');
SELECT desagis.refresh_tile_geometry('provinsi');
