-- The DesaGis data model: Indonesia's administrative hierarchy with Kemendagri codes, the BPS crosswalk,
-- indicators, transmigration areas, partners and their programmes.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS desagis;

-- Administrative hierarchy. The dotted Kemendagri code is the key; the 10-digit form and the parent codes are
-- derived from it, so the hierarchy can never disagree with the codes.
CREATE TABLE desagis.provinsi (
    kode        text PRIMARY KEY CHECK (kode ~ '^\d{2}$'),
    kode10      text GENERATED ALWAYS AS (kode) STORED,
    nama        text NOT NULL,
    area_km2    double precision,
    geom        geometry(MultiPolygon, 4326),
    geom_3857   geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desagis.kabupaten (
    kode          text PRIMARY KEY CHECK (kode ~ '^\d{2}\.\d{2}$'),
    kode10        text GENERATED ALWAYS AS (replace(kode, '.', '')) STORED,
    provinsi_kode text GENERATED ALWAYS AS (left(kode, 2)) STORED,
    nama          text NOT NULL,
    jenis         text NOT NULL DEFAULT 'kabupaten' CHECK (jenis IN ('kabupaten', 'kota')),
    area_km2      double precision,
    geom          geometry(MultiPolygon, 4326),
    geom_3857     geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desagis.kecamatan (
    kode           text PRIMARY KEY CHECK (kode ~ '^\d{2}\.\d{2}\.\d{2}$'),
    kode10         text GENERATED ALWAYS AS (replace(kode, '.', '')) STORED,
    kabupaten_kode text GENERATED ALWAYS AS (left(kode, 5)) STORED,
    provinsi_kode  text GENERATED ALWAYS AS (left(kode, 2)) STORED,
    nama           text NOT NULL,
    area_km2       double precision,
    geom           geometry(MultiPolygon, 4326),
    geom_3857      geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desagis.desa (
    kode           text PRIMARY KEY CHECK (kode ~ '^\d{2}\.\d{2}\.\d{2}\.\d{4}$'),
    kode10         text GENERATED ALWAYS AS (replace(kode, '.', '')) STORED,
    kecamatan_kode text GENERATED ALWAYS AS (left(kode, 8)) STORED,
    kabupaten_kode text GENERATED ALWAYS AS (left(kode, 5)) STORED,
    provinsi_kode  text GENERATED ALWAYS AS (left(kode, 2)) STORED,
    nama           text NOT NULL,
    -- Kemendagri numbers kelurahan 1xxx and desa 2xxx; an import may still say otherwise explicitly.
    jenis          text NOT NULL CHECK (jenis IN ('desa', 'kelurahan')),
    area_km2       double precision,
    geom           geometry(MultiPolygon, 4326),
    geom_3857      geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    centroid       geometry(Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface(geom)) STORED,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ON desagis.kabupaten (kode10);
CREATE UNIQUE INDEX ON desagis.kecamatan (kode10);
CREATE UNIQUE INDEX ON desagis.desa (kode10);
CREATE INDEX ON desagis.kecamatan (kabupaten_kode);
CREATE INDEX ON desagis.desa (kecamatan_kode);
CREATE INDEX ON desagis.desa (kabupaten_kode);
CREATE INDEX ON desagis.desa (lower(nama) text_pattern_ops);
CREATE INDEX ON desagis.provinsi USING gist (geom);
CREATE INDEX ON desagis.provinsi USING gist (geom_3857);
CREATE INDEX ON desagis.kabupaten USING gist (geom);
CREATE INDEX ON desagis.kabupaten USING gist (geom_3857);
CREATE INDEX ON desagis.kecamatan USING gist (geom);
CREATE INDEX ON desagis.kecamatan USING gist (geom_3857);
CREATE INDEX ON desagis.desa USING gist (geom);
CREATE INDEX ON desagis.desa USING gist (geom_3857);
CREATE INDEX ON desagis.desa USING gist (centroid);

-- BPS and Kemendagri number regions differently (Kapuas Hulu: Kemendagri 61.06, BPS 6108). Indicator tables keyed
-- by BPS codes are joined through this crosswalk, never by assuming the codes agree.
CREATE TABLE desagis.code_crosswalk (
    level           text NOT NULL CHECK (level IN ('provinsi', 'kabupaten', 'kecamatan', 'desa')),
    kode_bps        text NOT NULL,
    kode_kemendagri text NOT NULL,
    nama_bps        text,
    nama_kemendagri text,
    year            integer NOT NULL,
    PRIMARY KEY (level, kode_bps, year)
);
CREATE INDEX ON desagis.code_crosswalk (kode_kemendagri);

-- Indicators per village and per kabupaten per year. Different sources fill different columns of the same
-- (code, year) row; each value keeps the source that supplied it in `source`.
CREATE TABLE desagis.village_indicator (
    desa_kode               text NOT NULL CHECK (desa_kode ~ '^\d{2}\.\d{2}\.\d{2}\.\d{4}$'),
    year                    integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    population              integer CHECK (population >= 0),
    poverty_rate            double precision CHECK (poverty_rate BETWEEN 0 AND 100),
    extreme_poor_people     integer CHECK (extreme_poor_people >= 0),
    extreme_poor_households integer CHECK (extreme_poor_households >= 0),
    idm_score               double precision CHECK (idm_score BETWEEN 0 AND 1),
    idm_status              text CHECK (idm_status IN ('MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT_TERTINGGAL')),
    source                  text NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (desa_kode, year)
);

CREATE TABLE desagis.kabupaten_indicator (
    kabupaten_kode          text NOT NULL CHECK (kabupaten_kode ~ '^\d{2}\.\d{2}$'),
    year                    integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    population              bigint CHECK (population >= 0),
    poverty_rate            double precision CHECK (poverty_rate BETWEEN 0 AND 100),
    extreme_poor_people     integer CHECK (extreme_poor_people >= 0),
    extreme_poor_households integer CHECK (extreme_poor_households >= 0),
    area_km2                double precision,
    source                  text NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kabupaten_kode, year)
);

-- Transmigration areas (kawasan transmigrasi): SKP, KPB, WPT or single settlement units (UPT/SP).
CREATE TABLE desagis.transmigration_area (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode       text NOT NULL UNIQUE,
    nama       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('SKP', 'KPB', 'WPT', 'LPT', 'UPT', 'SP')),
    status     text,
    year       integer,
    geom       geometry(MultiPolygon, 4326),
    geom_3857  geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON desagis.transmigration_area USING gist (geom);
CREATE INDEX ON desagis.transmigration_area USING gist (geom_3857);

CREATE TABLE desagis.transmigration_area_village (
    area_id   bigint NOT NULL REFERENCES desagis.transmigration_area (id) ON DELETE CASCADE,
    desa_kode text NOT NULL,
    PRIMARY KEY (area_id, desa_kode)
);
CREATE INDEX ON desagis.transmigration_area_village (desa_kode);

-- Partners and their programmes. A programme's footprint is either drawn (geom) or derived from the villages it
-- covers (footprint, kept current by refresh_program_footprint).
CREATE TABLE desagis.partner (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode       text NOT NULL UNIQUE,
    nama       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('government', 'ngo', 'donor', 'private')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desagis.program (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode          text NOT NULL UNIQUE,
    nama          text NOT NULL,
    partner_id    bigint NOT NULL REFERENCES desagis.partner (id),
    sector        text NOT NULL,
    start_date    date,
    end_date      date,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'completed', 'suspended')),
    geom          geometry(MultiPolygon, 4326),
    footprint     geometry(MultiPolygon, 4326),
    footprint_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(footprint, 3857)) STORED,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX ON desagis.program (partner_id);
CREATE INDEX ON desagis.program USING gist (footprint);
CREATE INDEX ON desagis.program USING gist (footprint_3857);

CREATE TABLE desagis.program_village (
    program_id bigint NOT NULL REFERENCES desagis.program (id) ON DELETE CASCADE,
    desa_kode  text NOT NULL,
    PRIMARY KEY (program_id, desa_kode)
);
CREATE INDEX ON desagis.program_village (desa_kode);

-- Recomputes derived footprints: the drawn geometry when there is one, else the union of covered villages.
CREATE FUNCTION desagis.refresh_program_footprint(p_program_ids bigint[] DEFAULT NULL)
RETURNS integer LANGUAGE sql AS $$
    WITH target AS (
        SELECT p.id,
               COALESCE(p.geom,
                        (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(d.geom)), 3))
                           FROM desagis.program_village pv JOIN desagis.desa d ON d.kode = pv.desa_kode
                          WHERE pv.program_id = p.id)) AS footprint
          FROM desagis.program p
         WHERE p_program_ids IS NULL OR p.id = ANY (p_program_ids)
    ), changed AS (
        UPDATE desagis.program p SET footprint = t.footprint, updated_at = now()
          FROM target t
         WHERE p.id = t.id AND p.footprint IS DISTINCT FROM t.footprint
        RETURNING 1
    )
    SELECT count(*)::integer FROM changed;
$$;

-- A record of every import, for the audit trail and for "nothing unchanged is reloaded".
CREATE TABLE desagis.import_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target        text NOT NULL,
    source_name   text NOT NULL,
    source_sha256 text,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    rows_read     integer NOT NULL DEFAULT 0,
    inserted      integer NOT NULL DEFAULT 0,
    updated       integer NOT NULL DEFAULT 0,
    repaired      integer NOT NULL DEFAULT 0,
    rejected      integer NOT NULL DEFAULT 0,
    actor         text
);
CREATE INDEX ON desagis.import_run (target, source_sha256);
