-- Household-level extreme-poverty records (P3KE-style). They name heads of household, so the layer built on this
-- table is restricted: never listed, served or exported to callers without the planner role.
CREATE TABLE desagis.extreme_poor_household (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode            text NOT NULL UNIQUE,
    desa_kode       text NOT NULL CHECK (desa_kode ~ '^\d{2}\.\d{2}\.\d{2}\.\d{4}$'),
    head_of_household text NOT NULL,
    members         integer NOT NULL CHECK (members > 0),
    welfare_decile  integer NOT NULL CHECK (welfare_decile BETWEEN 1 AND 10),
    year            integer NOT NULL,
    geom            geometry(Point, 4326),
    geom_3857       geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON desagis.extreme_poor_household (desa_kode);
CREATE INDEX ON desagis.extreme_poor_household USING gist (geom);
CREATE INDEX ON desagis.extreme_poor_household USING gist (geom_3857);
