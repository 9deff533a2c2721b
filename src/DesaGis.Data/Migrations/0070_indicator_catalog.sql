-- Indicators are data, not columns. A catalog names each indicator (in Bahasa Indonesia and English), its unit, the
-- levels it exists at, whether higher is better or worse and its official class breaks; every value is stored with
-- its area code and level, its year (or period), its source and an optional note. A new indicator is a new catalog
-- row: no code change, no restart.
--
-- The figures held so far in the fixed columns of village_indicator and kabupaten_indicator move into the catalog
-- with their data. The two tables become views of the same names, writable through INSTEAD OF triggers, so that
-- the planner, tiles, features, exports, WMS/WFS and print read what they read before.

CREATE TABLE desagis.indicator (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    -- The order indicators are listed in: the built-in figures first, then in the order they were added.
    position       integer GENERATED ALWAYS AS IDENTITY UNIQUE,
    name_id        text NOT NULL CHECK (btrim(name_id) <> ''),
    name_en        text NOT NULL CHECK (btrim(name_en) <> ''),
    unit           text,
    -- The levels the indicator exists at (desa, kecamatan, kabupaten, provinsi).
    levels         text[] NOT NULL CHECK (cardinality(levels) > 0
                                          AND levels <@ ARRAY['desa', 'kecamatan', 'kabupaten', 'provinsi']),
    direction      text NOT NULL CHECK (direction IN ('higher_better', 'higher_worse', 'neutral')),
    -- number: value holds the figure; category: value_text holds one of categories (listed worst to best).
    kind           text NOT NULL DEFAULT 'number' CHECK (kind IN ('number', 'category')),
    categories     text[],
    -- Official class breaks, ascending (the IDM status cut-offs), and the names of the classes they make
    -- (one more than the breaks), lowest first.
    breaks         double precision[],
    break_labels   text[],
    min_value      double precision,
    max_value      double precision,
    integer_values boolean NOT NULL DEFAULT false,
    description    text,
    description_en text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (kind = 'number' OR cardinality(categories) > 0),
    CHECK (breaks IS NULL OR break_labels IS NULL OR cardinality(break_labels) = cardinality(breaks) + 1),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

CREATE TABLE desagis.indicator_value (
    indicator_code text NOT NULL REFERENCES desagis.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    level          text NOT NULL CHECK (level IN ('desa', 'kecamatan', 'kabupaten', 'provinsi')),
    area_kode      text NOT NULL,
    year           integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    -- A finer period when the source gives one (e.g. 'Maret 2023'); the year stays the key.
    period         text,
    value          double precision,
    value_text     text,
    source         text NOT NULL CHECK (btrim(source) <> ''),
    note           text,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_code, area_kode, year),
    CHECK (value IS NOT NULL OR value_text IS NOT NULL),
    CHECK (area_kode ~ CASE level WHEN 'desa' THEN '^\d{2}\.\d{2}\.\d{2}\.\d{4}$'
                                  WHEN 'kecamatan' THEN '^\d{2}\.\d{2}\.\d{2}$'
                                  WHEN 'kabupaten' THEN '^\d{2}\.\d{2}$'
                                  ELSE '^\d{2}$' END)
);
CREATE INDEX ON desagis.indicator_value (area_kode, year);
CREATE INDEX ON desagis.indicator_value (indicator_code, level, year);

-- A value must fit its indicator: a level it exists at, a number in range (whole where the indicator counts), or
-- one of its categories. The importer says so row by row first; this guards every other writer.
CREATE FUNCTION desagis.tg_indicator_value_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    i desagis.indicator;
BEGIN
    SELECT * INTO i FROM desagis.indicator WHERE code = NEW.indicator_code;
    IF NOT NEW.level = ANY (i.levels) THEN
        RAISE EXCEPTION 'indicator % has no values at level % (its levels: %)', i.code, NEW.level, array_to_string(i.levels, ', ')
            USING ERRCODE = 'check_violation';
    END IF;
    IF i.kind = 'category' THEN
        IF NEW.value_text IS NULL OR NOT NEW.value_text = ANY (i.categories) THEN
            RAISE EXCEPTION 'indicator %: % is not one of %', i.code, coalesce(NEW.value_text, 'NULL'), array_to_string(i.categories, ', ')
                USING ERRCODE = 'check_violation';
        END IF;
    ELSE
        IF NEW.value IS NULL OR NEW.value = 'NaN'::double precision OR NEW.value IN ('Infinity', '-Infinity')
           OR NEW.value < i.min_value OR NEW.value > i.max_value
           OR (i.integer_values AND NEW.value <> trunc(NEW.value)) THEN
            RAISE EXCEPTION 'indicator %: % is not allowed (from % to %, whole numbers only: %)', i.code,
                coalesce(NEW.value::text, 'NULL'), coalesce(i.min_value::text, '-inf'), coalesce(i.max_value::text, 'inf'),
                i.integer_values
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER check_value BEFORE INSERT OR UPDATE ON desagis.indicator_value
    FOR EACH ROW EXECUTE FUNCTION desagis.tg_indicator_value_check();

-- The figures DesaGis held as fixed columns.
INSERT INTO desagis.indicator (code, name_id, name_en, unit, levels, direction, kind, categories, breaks, break_labels,
                               min_value, max_value, integer_values, description, description_en) VALUES
    ('population', 'Jumlah penduduk', 'Population', 'jiwa', '{desa,kecamatan,kabupaten,provinsi}', 'neutral', 'number', NULL, NULL, NULL,
     0, NULL, true, 'Jumlah penduduk.', 'Number of inhabitants.'),
    ('area_km2', 'Luas wilayah', 'Area', 'km²', '{kabupaten}', 'neutral', 'number', NULL, NULL, NULL,
     0, NULL, false, 'Luas wilayah menurut sumbernya (bukan dihitung dari batas).', 'Area as stated by the source (not computed from the boundary).'),
    ('poverty_rate', 'Persentase penduduk miskin (P0)', 'Poverty rate (P0)', '%', '{desa,kecamatan,kabupaten,provinsi}', 'higher_worse', 'number', NULL, NULL, NULL,
     0, 100, false, 'Persentase penduduk di bawah garis kemiskinan (P0).', 'Share of people below the poverty line (P0), percent.'),
    ('extreme_poor_people', 'Penduduk miskin ekstrem', 'People in extreme poverty', 'jiwa', '{desa,kecamatan,kabupaten,provinsi}', 'higher_worse', 'number', NULL, NULL, NULL,
     0, NULL, true, 'Jumlah penduduk miskin ekstrem (P3KE/DTSEN).', 'Individuals in extreme poverty (P3KE/DTSEN).'),
    ('extreme_poor_households', 'Rumah tangga miskin ekstrem', 'Households in extreme poverty', 'rumah tangga', '{desa,kecamatan,kabupaten,provinsi}', 'higher_worse', 'number', NULL, NULL, NULL,
     0, NULL, true, 'Jumlah rumah tangga miskin ekstrem (P3KE/DTSEN).', 'Households in extreme poverty (P3KE/DTSEN).'),
    ('idm_score', 'Skor Indeks Desa Membangun', 'Village Development Index score', 'skor 0–1', '{desa}', 'higher_better', 'number', NULL,
     '{0.4907,0.5989,0.7072,0.8155}', '{SANGAT_TERTINGGAL,TERTINGGAL,BERKEMBANG,MAJU,MANDIRI}',
     0, 1, false, 'Skor IDM Kemendesa; batas status resmi 0,4907 / 0,5989 / 0,7072 / 0,8155.',
     'Kemendesa IDM score; official status cut-offs 0.4907 / 0.5989 / 0.7072 / 0.8155.'),
    ('idm_status', 'Status Indeks Desa Membangun', 'Village Development Index status', NULL, '{desa}', 'higher_better', 'category',
     '{SANGAT_TERTINGGAL,TERTINGGAL,BERKEMBANG,MAJU,MANDIRI}', NULL, NULL,
     NULL, NULL, false, 'Status IDM Kemendesa, dari sangat tertinggal sampai mandiri.', 'Kemendesa IDM status, from very underdeveloped to independent.');

-- Move the figures, each value with the source and time of its row.
INSERT INTO desagis.indicator_value (indicator_code, level, area_kode, year, value, value_text, source, updated_at)
SELECT c.code, 'desa', vi.desa_kode, vi.year, c.value, c.value_text, vi.source, vi.updated_at
  FROM desagis.village_indicator vi
 CROSS JOIN LATERAL (VALUES
        ('population', vi.population::double precision, NULL::text),
        ('poverty_rate', vi.poverty_rate, NULL),
        ('extreme_poor_people', vi.extreme_poor_people::double precision, NULL),
        ('extreme_poor_households', vi.extreme_poor_households::double precision, NULL),
        ('idm_score', vi.idm_score, NULL),
        ('idm_status', NULL, vi.idm_status)) AS c(code, value, value_text)
 WHERE c.value IS NOT NULL OR c.value_text IS NOT NULL;

INSERT INTO desagis.indicator_value (indicator_code, level, area_kode, year, value, source, updated_at)
SELECT c.code, 'kabupaten', ki.kabupaten_kode, ki.year, c.value, ki.source, ki.updated_at
  FROM desagis.kabupaten_indicator ki
 CROSS JOIN LATERAL (VALUES
        ('population', ki.population::double precision),
        ('poverty_rate', ki.poverty_rate),
        ('extreme_poor_people', ki.extreme_poor_people::double precision),
        ('extreme_poor_households', ki.extreme_poor_households::double precision),
        ('area_km2', ki.area_km2)) AS c(code, value)
 WHERE c.value IS NOT NULL;

-- A row that held only a source (every figure empty) would vanish in the move; keep it as a note so nothing is lost.
CREATE TABLE desagis.indicator_legacy_empty_row (
    level     text NOT NULL,
    area_kode text NOT NULL,
    year      integer NOT NULL,
    source    text NOT NULL,
    PRIMARY KEY (level, area_kode, year)
);
INSERT INTO desagis.indicator_legacy_empty_row
SELECT 'desa', desa_kode, year, source FROM desagis.village_indicator
 WHERE num_nulls(population, poverty_rate, extreme_poor_people, extreme_poor_households, idm_score, idm_status) = 6
UNION ALL
SELECT 'kabupaten', kabupaten_kode, year, source FROM desagis.kabupaten_indicator
 WHERE num_nulls(population, poverty_rate, extreme_poor_people, extreme_poor_households, area_km2) = 5;

ALTER TABLE desagis.village_indicator RENAME TO village_indicator_moved;
ALTER TABLE desagis.kabupaten_indicator RENAME TO kabupaten_indicator_moved;

-- The former tables, now views over the catalog's values. Where one (area, year) holds values of several sources,
-- source lists them.
CREATE VIEW desagis.village_indicator AS
SELECT v.area_kode AS desa_kode, v.year,
       (max(v.value) FILTER (WHERE v.indicator_code = 'population'))::integer AS population,
       max(v.value) FILTER (WHERE v.indicator_code = 'poverty_rate') AS poverty_rate,
       (max(v.value) FILTER (WHERE v.indicator_code = 'extreme_poor_people'))::integer AS extreme_poor_people,
       (max(v.value) FILTER (WHERE v.indicator_code = 'extreme_poor_households'))::integer AS extreme_poor_households,
       max(v.value) FILTER (WHERE v.indicator_code = 'idm_score') AS idm_score,
       max(v.value_text) FILTER (WHERE v.indicator_code = 'idm_status') AS idm_status,
       string_agg(DISTINCT v.source, '; ') AS source,
       max(v.updated_at) AS updated_at
  FROM desagis.indicator_value v
 WHERE v.level = 'desa'
   AND v.indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'idm_score', 'idm_status')
 GROUP BY v.area_kode, v.year;

CREATE VIEW desagis.kabupaten_indicator AS
SELECT v.area_kode AS kabupaten_kode, v.year,
       (max(v.value) FILTER (WHERE v.indicator_code = 'population'))::bigint AS population,
       max(v.value) FILTER (WHERE v.indicator_code = 'poverty_rate') AS poverty_rate,
       (max(v.value) FILTER (WHERE v.indicator_code = 'extreme_poor_people'))::integer AS extreme_poor_people,
       (max(v.value) FILTER (WHERE v.indicator_code = 'extreme_poor_households'))::integer AS extreme_poor_households,
       max(v.value) FILTER (WHERE v.indicator_code = 'area_km2') AS area_km2,
       string_agg(DISTINCT v.source, '; ') AS source,
       max(v.updated_at) AS updated_at
  FROM desagis.indicator_value v
 WHERE v.level = 'kabupaten'
   AND v.indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'area_km2')
 GROUP BY v.area_kode, v.year;

-- Writes one former column of a row into the catalog: NULL removes the value, a new value or source replaces it.
-- p_source_changed: the row's source was written too (else a changed value keeps the source it had).
CREATE FUNCTION desagis.put_indicator_value(p_code text, p_level text, p_kode text, p_year integer,
                                            p_value double precision, p_value_text text, p_source text, p_source_changed boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_value IS NULL AND p_value_text IS NULL THEN
        DELETE FROM desagis.indicator_value WHERE indicator_code = p_code AND area_kode = p_kode AND year = p_year;
        RETURN;
    END IF;
    IF p_source IS NULL THEN
        RAISE EXCEPTION 'null value in column "source" violates not-null constraint' USING ERRCODE = 'not_null_violation';
    END IF;
    INSERT INTO desagis.indicator_value AS t (indicator_code, level, area_kode, year, value, value_text, source)
    VALUES (p_code, p_level, p_kode, p_year, p_value, p_value_text, p_source)
    ON CONFLICT (indicator_code, area_kode, year) DO UPDATE
       SET value = EXCLUDED.value, value_text = EXCLUDED.value_text,
           source = CASE WHEN p_source_changed THEN EXCLUDED.source ELSE t.source END, updated_at = now()
     WHERE (t.value, t.value_text) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.value_text)
        OR (p_source_changed AND t.source IS DISTINCT FROM EXCLUDED.source);
END;
$$;

CREATE FUNCTION desagis.tg_village_indicator_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM desagis.indicator_value
         WHERE level = 'desa' AND area_kode = OLD.desa_kode AND year = OLD.year
           AND indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'idm_score', 'idm_status');
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.desa_kode, NEW.year) IS DISTINCT FROM (OLD.desa_kode, OLD.year) THEN
        DELETE FROM desagis.indicator_value
         WHERE level = 'desa' AND area_kode = OLD.desa_kode AND year = OLD.year
           AND indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'idm_score', 'idm_status');
    END IF;
    changed := TG_OP = 'INSERT' OR NEW.source IS DISTINCT FROM OLD.source
               OR (NEW.desa_kode, NEW.year) IS DISTINCT FROM (OLD.desa_kode, OLD.year);
    IF changed OR NEW.population IS DISTINCT FROM OLD.population THEN
        PERFORM desagis.put_indicator_value('population', 'desa', NEW.desa_kode, NEW.year, NEW.population, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.poverty_rate IS DISTINCT FROM OLD.poverty_rate THEN
        PERFORM desagis.put_indicator_value('poverty_rate', 'desa', NEW.desa_kode, NEW.year, NEW.poverty_rate, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.extreme_poor_people IS DISTINCT FROM OLD.extreme_poor_people THEN
        PERFORM desagis.put_indicator_value('extreme_poor_people', 'desa', NEW.desa_kode, NEW.year, NEW.extreme_poor_people, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.extreme_poor_households IS DISTINCT FROM OLD.extreme_poor_households THEN
        PERFORM desagis.put_indicator_value('extreme_poor_households', 'desa', NEW.desa_kode, NEW.year, NEW.extreme_poor_households, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.idm_score IS DISTINCT FROM OLD.idm_score THEN
        PERFORM desagis.put_indicator_value('idm_score', 'desa', NEW.desa_kode, NEW.year, NEW.idm_score, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.idm_status IS DISTINCT FROM OLD.idm_status THEN
        PERFORM desagis.put_indicator_value('idm_status', 'desa', NEW.desa_kode, NEW.year, NULL, NEW.idm_status, NEW.source, changed);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER write_values INSTEAD OF INSERT OR UPDATE OR DELETE ON desagis.village_indicator
    FOR EACH ROW EXECUTE FUNCTION desagis.tg_village_indicator_write();

CREATE FUNCTION desagis.tg_kabupaten_indicator_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM desagis.indicator_value
         WHERE level = 'kabupaten' AND area_kode = OLD.kabupaten_kode AND year = OLD.year
           AND indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'area_km2');
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.kabupaten_kode, NEW.year) IS DISTINCT FROM (OLD.kabupaten_kode, OLD.year) THEN
        DELETE FROM desagis.indicator_value
         WHERE level = 'kabupaten' AND area_kode = OLD.kabupaten_kode AND year = OLD.year
           AND indicator_code IN ('population', 'poverty_rate', 'extreme_poor_people', 'extreme_poor_households', 'area_km2');
    END IF;
    changed := TG_OP = 'INSERT' OR NEW.source IS DISTINCT FROM OLD.source
               OR (NEW.kabupaten_kode, NEW.year) IS DISTINCT FROM (OLD.kabupaten_kode, OLD.year);
    IF changed OR NEW.population IS DISTINCT FROM OLD.population THEN
        PERFORM desagis.put_indicator_value('population', 'kabupaten', NEW.kabupaten_kode, NEW.year, NEW.population, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.poverty_rate IS DISTINCT FROM OLD.poverty_rate THEN
        PERFORM desagis.put_indicator_value('poverty_rate', 'kabupaten', NEW.kabupaten_kode, NEW.year, NEW.poverty_rate, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.extreme_poor_people IS DISTINCT FROM OLD.extreme_poor_people THEN
        PERFORM desagis.put_indicator_value('extreme_poor_people', 'kabupaten', NEW.kabupaten_kode, NEW.year, NEW.extreme_poor_people, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.extreme_poor_households IS DISTINCT FROM OLD.extreme_poor_households THEN
        PERFORM desagis.put_indicator_value('extreme_poor_households', 'kabupaten', NEW.kabupaten_kode, NEW.year, NEW.extreme_poor_households, NULL, NEW.source, changed);
    END IF;
    IF changed OR NEW.area_km2 IS DISTINCT FROM OLD.area_km2 THEN
        PERFORM desagis.put_indicator_value('area_km2', 'kabupaten', NEW.kabupaten_kode, NEW.year, NEW.area_km2, NULL, NEW.source, changed);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER write_values INSTEAD OF INSERT OR UPDATE OR DELETE ON desagis.kabupaten_indicator
    FOR EACH ROW EXECUTE FUNCTION desagis.tg_kabupaten_indicator_write();

-- Latest village figures, as before: poverty figures and IDM each take their own latest year.
CREATE OR REPLACE VIEW desagis.village_latest_indicator AS
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

DROP TABLE desagis.village_indicator_moved;
DROP TABLE desagis.kabupaten_indicator_moved;

-- Every village figure resolved: the village's own value where it has one (latest year), else its kecamatan's,
-- kabupaten's or province's. inherited says the figure is really the wider area's, from_kode which area it is.
CREATE VIEW desagis.village_indicator_resolved AS
SELECT d.kode AS desa_kode, r.indicator_code, r.level, r.from_kode, (r.level <> 'desa') AS inherited,
       r.year, r.period, r.value, r.value_text, r.source, r.note
  FROM desagis.desa d
 CROSS JOIN LATERAL (
        SELECT DISTINCT ON (v.indicator_code) v.indicator_code, v.level, v.area_kode AS from_kode, v.year, v.period,
               v.value, v.value_text, v.source, v.note
          FROM desagis.indicator_value v
         WHERE v.area_kode IN (d.kode, d.kecamatan_kode, d.kabupaten_kode, d.provinsi_kode)
         ORDER BY v.indicator_code,
                  CASE v.level WHEN 'desa' THEN 0 WHEN 'kecamatan' THEN 1 WHEN 'kabupaten' THEN 2 ELSE 3 END,
                  v.year DESC) r;

-- Each value with its area's name and geometry: the indicator_values collection and its tiles.
CREATE VIEW desagis.indicator_area AS
SELECT 'desa'::text AS level, kode, nama, geom, geom_3857 FROM desagis.desa
UNION ALL SELECT 'kecamatan', kode, nama, geom, geom_3857 FROM desagis.kecamatan
UNION ALL SELECT 'kabupaten', kode, nama, geom, geom_3857 FROM desagis.kabupaten
UNION ALL SELECT 'provinsi', kode, nama, geom, geom_3857 FROM desagis.provinsi;

CREATE VIEW desagis.indicator_values AS
SELECT v.indicator_code || ':' || v.area_kode || ':' || v.year AS id, v.indicator_code AS indicator,
       i.name_id AS indicator_name, i.unit, v.level, v.area_kode AS kode, a.nama, v.year, v.period, v.value,
       v.value_text, v.source, v.note, a.geom, a.geom_3857
  FROM desagis.indicator_value v
  JOIN desagis.indicator i ON i.code = v.indicator_code
  JOIN desagis.indicator_area a ON a.level = v.level AND a.kode = v.area_kode;

-- Tiles of indicator_values change with the values and with the areas' geometry.
CREATE FUNCTION desagis.tg_indicator_value_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    box box2d;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM desagis.record_layer_change('{indicator_values}', NULL, true);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT ST_Extent(a.geom_3857) INTO box FROM new_rows r JOIN desagis.indicator_area a ON a.level = r.level AND a.kode = r.area_kode;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT ST_Extent(a.geom_3857) INTO box FROM old_rows r JOIN desagis.indicator_area a ON a.level = r.level AND a.kode = r.area_kode;
    ELSE
        SELECT ST_Extent(a.geom_3857) INTO box FROM (SELECT level, area_kode FROM old_rows UNION SELECT level, area_kode FROM new_rows) r
          JOIN desagis.indicator_area a ON a.level = r.level AND a.kode = r.area_kode;
    END IF;
    PERFORM desagis.record_layer_change('{indicator_values}', box);
    RETURN NULL;
END;
$$;

CREATE TRIGGER tiles_insert AFTER INSERT ON desagis.indicator_value REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_indicator_value_tiles();
CREATE TRIGGER tiles_update AFTER UPDATE ON desagis.indicator_value REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_indicator_value_tiles();
CREATE TRIGGER tiles_delete AFTER DELETE ON desagis.indicator_value REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_indicator_value_tiles();
CREATE TRIGGER tiles_truncate AFTER TRUNCATE ON desagis.indicator_value
    FOR EACH STATEMENT EXECUTE FUNCTION desagis.tg_indicator_value_tiles();

-- The administrative tables' tile triggers (0031) also evict the indicator_values tiles drawn on their geometry.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('desa', '{villages,village_indicators,program_coverage,indicator_values}'),
        ('kecamatan', '{kecamatan,kecamatan_labels,indicator_values}'),
        ('kabupaten', '{kabupaten,kabupaten_labels,indicator_values}'),
        ('provinsi', '{provinsi,indicator_values}')) AS v(tbl, layers)
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
