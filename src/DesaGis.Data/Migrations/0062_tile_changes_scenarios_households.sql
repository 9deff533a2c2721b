-- Saved scenarios and household records are tile layers as well, so writing them must evict the cached tiles they
-- touch, like every other layer (0031): the box of the affected villages and points goes to the change log.
CREATE FUNCTION desagis.tg_scenario_village_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{scenario_pilots,scenario_coverage}', NULL, true);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(g) INTO box FROM (
            SELECT d.geom_3857 AS g FROM new_rows r JOIN desagis.desa d ON d.kode = r.desa_kode
            UNION ALL SELECT r.point_3857 FROM new_rows r) x;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(g) INTO box FROM (
            SELECT d.geom_3857 AS g FROM old_rows r JOIN desagis.desa d ON d.kode = r.desa_kode
            UNION ALL SELECT r.point_3857 FROM old_rows r) x;
    ELSE
        SELECT ST_Extent(g) INTO box FROM (
            SELECT d.geom_3857 AS g FROM desagis.desa d
             WHERE d.kode IN (SELECT desa_kode FROM old_rows UNION SELECT desa_kode FROM new_rows)
            UNION ALL SELECT point_3857 FROM old_rows UNION ALL SELECT point_3857 FROM new_rows) x;
    END IF;
    PERFORM desagis.record_layer_change('{scenario_pilots,scenario_coverage}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.planner_scenario_village REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_scenario_village_tiles();
CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.planner_scenario_village REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_scenario_village_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.planner_scenario_village REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_scenario_village_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.planner_scenario_village
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_scenario_village_tiles();

-- A renamed scenario changes the scenario_name its tiles carry.
CREATE FUNCTION desagis.tg_scenario_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    SELECT ST_Extent(g) INTO box FROM (
        SELECT d.geom_3857 AS g FROM desagis.planner_scenario_village sv JOIN desagis.desa d ON d.kode = sv.desa_kode
         WHERE sv.scenario_id IN (SELECT id FROM new_rows)
        UNION ALL SELECT sv.point_3857 FROM desagis.planner_scenario_village sv WHERE sv.scenario_id IN (SELECT id FROM new_rows)) x;
    PERFORM desagis.record_layer_change('{scenario_pilots,scenario_coverage}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.planner_scenario REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_scenario_tiles();

CREATE FUNCTION desagis.tg_household_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{extreme_poor_households}', NULL, true);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(geom_3857) INTO box FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(geom_3857) INTO box FROM old_rows;
    ELSE
        SELECT ST_Extent(g) INTO box FROM (SELECT geom_3857 AS g FROM old_rows UNION ALL SELECT geom_3857 FROM new_rows) x;
    END IF;
    PERFORM desagis.record_layer_change('{extreme_poor_households}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.extreme_poor_household REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_household_tiles();
CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.extreme_poor_household REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_household_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.extreme_poor_household REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_household_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.extreme_poor_household
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_household_tiles();
