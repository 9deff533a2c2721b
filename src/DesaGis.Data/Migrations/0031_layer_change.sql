-- Which tile layers changed where. Statement-level triggers on the base tables record, per statement, the layers
-- that depend on the table and the EPSG:3857 box of the rows before and after the change. A tile server keeps
-- its cache exact by reading the changes newer than the version it has seen and evicting the tiles whose
-- envelope meets a changed box; tiles elsewhere stay cached.
--
-- The version lives in one row that every recording transaction updates: the row lock orders writers, so
-- versions become visible in commit order and "I have seen version V" means every change up to V is known.

CREATE TABLE desagis.tile_version (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO desagis.tile_version DEFAULT VALUES;

CREATE TABLE desagis.layer_change (
    version    bigint NOT NULL,
    layer      text NOT NULL,
    -- NULL box: the whole layer changed (TRUNCATE).
    minx       double precision,
    miny       double precision,
    maxx       double precision,
    maxy       double precision,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (version, layer)
);

-- Records that the given layers changed inside a box (or entirely, when whole). A statement that touched no row
-- with a geometry records nothing.
CREATE FUNCTION desagis.record_layer_change(p_layers text[], p_box box2d, p_whole boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    IF p_box IS NULL AND NOT p_whole THEN
        RETURN;
    END IF;
    UPDATE desagis.tile_version SET version = version + 1, changed_at = now() RETURNING version INTO v;
    INSERT INTO desagis.layer_change (version, layer, minx, miny, maxx, maxy)
    SELECT v, l,
           CASE WHEN p_whole THEN NULL ELSE ST_XMin(p_box) END, CASE WHEN p_whole THEN NULL ELSE ST_YMin(p_box) END,
           CASE WHEN p_whole THEN NULL ELSE ST_XMax(p_box) END, CASE WHEN p_whole THEN NULL ELSE ST_YMax(p_box) END
      FROM unnest(p_layers) l;
    -- The log only has to reach back as far as a running server may lag; a server that finds a gap flushes.
    DELETE FROM desagis.layer_change WHERE version < v - 100000;
    PERFORM pg_notify('desagis_tiles', v::text);
END;
$$;

-- The box of a set of programmes: their footprints and the villages they cover.
CREATE FUNCTION desagis.program_box_3857(p_ids bigint[]) RETURNS box2d LANGUAGE sql STABLE AS $$
    SELECT ST_Extent(g) FROM (
        SELECT p.footprint_3857 AS g FROM desagis.program p WHERE p.id = ANY (p_ids)
        UNION ALL
        SELECT d.geom_3857 FROM desagis.program_village pv JOIN desagis.desa d ON d.kode = pv.desa_kode
         WHERE pv.program_id = ANY (p_ids)) u
$$;

-- Administrative tables: keep the generalised tile geometry current and record the change.
-- TG_ARGV[0] = the layers that depend on the table, as a text[] literal.
CREATE FUNCTION desagis.tg_admin_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    layers text[] := TG_ARGV[0]::text[];
    box box2d;
    kodes text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('TRUNCATE desagis.%I', TG_TABLE_NAME || '_tile_geometry');
        PERFORM desagis.record_layer_change(layers, NULL, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(geom_3857), array_agg(kode) INTO box, kodes FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(geom_3857), array_agg(kode) INTO box, kodes FROM old_rows;
    ELSE
        SELECT ST_Extent(g) INTO box FROM (SELECT geom_3857 AS g FROM old_rows UNION ALL SELECT geom_3857 FROM new_rows) u;
        -- Only rows whose geometry (or code) changed need new generalised geometry; a renamed village does not.
        SELECT array_agg(k) INTO kodes FROM (
            SELECT o.kode AS k FROM old_rows o
             WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.kode = o.kode AND n.geom_3857 IS NOT DISTINCT FROM o.geom_3857)
            UNION
            SELECT n.kode FROM new_rows n
             WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.kode = n.kode AND o.geom_3857 IS NOT DISTINCT FROM n.geom_3857)) c;
    END IF;
    IF kodes IS NOT NULL THEN
        PERFORM desagis.refresh_tile_geometry(TG_TABLE_NAME, kodes);
    END IF;
    IF TG_TABLE_NAME = 'desa' AND TG_OP <> 'DELETE' THEN
        -- A renamed village keeps its geometry but shows its new name in low-zoom tiles.
        PERFORM desagis.refresh_desa_tile_attributes(ARRAY(SELECT kode FROM new_rows));
    END IF;
    PERFORM desagis.record_layer_change(layers, box);
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('desa', '{villages,village_indicators,program_coverage}'),
        ('kecamatan', '{kecamatan}'),
        ('kabupaten', '{kabupaten}'),
        ('provinsi', '{provinsi}')) AS v(tbl, layers)
    LOOP
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

-- village_summary carries every attribute of village_indicators that is not in desa (indicators, programmes,
-- partners, transmigration), and refresh_village_summary() is called after every such write.
CREATE FUNCTION desagis.tg_village_summary_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.refresh_desa_tile_attributes(NULL);
        PERFORM desagis.record_layer_change('{village_indicators}', NULL, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(d.geom_3857) INTO box FROM new_rows r JOIN desagis.desa d ON d.kode = r.kode;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(d.geom_3857) INTO box FROM old_rows r JOIN desagis.desa d ON d.kode = r.kode;
    ELSE
        SELECT ST_Extent(d.geom_3857) INTO box FROM desagis.desa d
         WHERE d.kode IN (SELECT kode FROM old_rows UNION SELECT kode FROM new_rows);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM desagis.refresh_desa_tile_attributes(ARRAY(SELECT kode FROM new_rows));
    END IF;
    PERFORM desagis.record_layer_change('{village_indicators}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.village_summary REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_village_summary_tiles();
CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.village_summary REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_village_summary_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.village_summary REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_village_summary_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.village_summary
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_village_summary_tiles();

-- Programmes: their footprint (programs) and the villages they cover (program_coverage). The box is taken after
-- the change and, for the old footprints, from the old rows, so a moved programme evicts both places.
CREATE FUNCTION desagis.tg_program_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
    old_box box2d;
    ids bigint[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{programs,program_coverage}', NULL, true);
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT ST_Extent(footprint_3857), array_agg(id) INTO old_box, ids FROM old_rows;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        SELECT array_agg(id) INTO ids FROM (SELECT unnest(ids) AS id UNION SELECT id FROM new_rows) u;
    END IF;
    box := desagis.program_box_3857(ids);
    IF old_box IS NOT NULL THEN
        SELECT ST_Extent(g) INTO box FROM (VALUES (box::geometry), (old_box::geometry)) v(g);
    END IF;
    PERFORM desagis.record_layer_change('{programs,program_coverage}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.program REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_tiles();
CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.program REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.program REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.program
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_tiles();

-- Covered villages: program_coverage rows appear or vanish, and the programme's village_count changes.
CREATE FUNCTION desagis.tg_program_village_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    kodes text[];
    box box2d;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{programs,program_coverage}', NULL, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(program_id), array_agg(desa_kode) INTO ids, kodes FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(program_id), array_agg(desa_kode) INTO ids, kodes FROM old_rows;
    ELSE
        SELECT array_agg(program_id), array_agg(desa_kode) INTO ids, kodes
          FROM (SELECT program_id, desa_kode FROM old_rows UNION ALL SELECT program_id, desa_kode FROM new_rows) u;
    END IF;
    SELECT ST_Extent(g) INTO box FROM (
        SELECT d.geom_3857 AS g FROM desagis.desa d WHERE d.kode = ANY (kodes)
        UNION ALL
        SELECT p.footprint_3857 FROM desagis.program p WHERE p.id = ANY (ids)) u;
    PERFORM desagis.record_layer_change('{programs,program_coverage}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.program_village REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_village_tiles();
CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.program_village REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_village_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.program_village REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_village_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.program_village
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_program_village_tiles();

-- Partners: their names appear on every footprint and coverage feature of their programmes.
CREATE FUNCTION desagis.tg_partner_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{programs,program_coverage}', NULL, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        -- A new partner has no programmes yet: nothing on the map changes.
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(p.id) INTO ids FROM desagis.program p WHERE p.partner_id IN (SELECT id FROM old_rows);
    ELSE
        SELECT array_agg(p.id) INTO ids FROM desagis.program p WHERE p.partner_id IN (SELECT id FROM new_rows);
    END IF;
    PERFORM desagis.record_layer_change('{programs,program_coverage}', desagis.program_box_3857(ids));
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.partner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_partner_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.partner REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_partner_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.partner
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_partner_tiles();

-- Transmigration areas and the villages they contain (village_count).
CREATE FUNCTION desagis.tg_transmigration_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{transmigration_areas}', NULL, true);
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'transmigration_area' THEN
        IF TG_OP = 'INSERT' THEN
            SELECT ST_Extent(geom_3857) INTO box FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
            SELECT ST_Extent(geom_3857) INTO box FROM old_rows;
        ELSE
            SELECT ST_Extent(g) INTO box FROM (SELECT geom_3857 AS g FROM old_rows UNION ALL SELECT geom_3857 FROM new_rows) u;
        END IF;
    ELSE
        IF TG_OP = 'INSERT' THEN
            SELECT ST_Extent(t.geom_3857) INTO box FROM desagis.transmigration_area t WHERE t.id IN (SELECT area_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
            SELECT ST_Extent(t.geom_3857) INTO box FROM desagis.transmigration_area t WHERE t.id IN (SELECT area_id FROM old_rows);
        ELSE
            SELECT ST_Extent(t.geom_3857) INTO box FROM desagis.transmigration_area t
             WHERE t.id IN (SELECT area_id FROM old_rows UNION SELECT area_id FROM new_rows);
        END IF;
    END IF;
    PERFORM desagis.record_layer_change('{transmigration_areas}', box);
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['transmigration_area', 'transmigration_area_village']
    LOOP
        EXECUTE format('CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.%I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_transmigration_tiles()', tbl);
        EXECUTE format('CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.%I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_transmigration_tiles()', tbl);
        EXECUTE format('CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.%I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_transmigration_tiles()', tbl);
        EXECUTE format('CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_transmigration_tiles()', tbl);
    END LOOP;
END;
$$;
