-- Label points for kabupaten and kecamatan. A map client that labels a polygon labels each piece of it that a tile
-- holds, so a regency spread over four tiles was named four times. One point inside each area, published as its own
-- layer (kabupaten_labels, kecamatan_labels), names it once. ST_PointOnSurface always lies inside the area, which a
-- centroid of a bent or island-scattered regency need not.
ALTER TABLE desagis.kabupaten
    ADD COLUMN label      geometry(Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface(geom)) STORED,
    ADD COLUMN label_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(ST_PointOnSurface(geom), 3857)) STORED;
ALTER TABLE desagis.kecamatan
    ADD COLUMN label      geometry(Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface(geom)) STORED,
    ADD COLUMN label_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(ST_PointOnSurface(geom), 3857)) STORED;

CREATE INDEX ON desagis.kabupaten USING gist (label);
CREATE INDEX ON desagis.kabupaten USING gist (label_3857);
CREATE INDEX ON desagis.kecamatan USING gist (label);
CREATE INDEX ON desagis.kecamatan USING gist (label_3857);

-- A change to a kabupaten or kecamatan also changes its label layer's tiles (0031 records the layers per table).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('kecamatan', '{kecamatan,kecamatan_labels}'),
        ('kabupaten', '{kabupaten,kabupaten_labels}')) AS v(tbl, layers)
    LOOP
        EXECUTE format('DROP TRIGGER tiles_insert ON desagis.%I', t.tbl);
        EXECUTE format('DROP TRIGGER tiles_update ON desagis.%I', t.tbl);
        EXECUTE format('DROP TRIGGER tiles_delete ON desagis.%I', t.tbl);
        EXECUTE format('DROP TRIGGER tiles_truncate ON desagis.%I', t.tbl);
        EXECUTE format('CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.%I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_admin_tiles(%L)', t.tbl, t.layers);
        EXECUTE format('CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.%I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_admin_tiles(%L)', t.tbl, t.layers);
        EXECUTE format('CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.%I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_admin_tiles(%L)', t.tbl, t.layers);
        EXECUTE format('CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_admin_tiles(%L)', t.tbl, t.layers);
    END LOOP;
END;
$$;
