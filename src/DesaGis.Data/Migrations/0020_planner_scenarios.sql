-- Saved planner scenarios. Parameters and the full result are kept as JSON; the pilots and covered villages are
-- also rows, so that a scenario is served as collections and tile layers through the same endpoints as all data.
CREATE TABLE desagis.planner_scenario (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    author      text CHECK (author IS NULL OR length(author) <= 200),
    method      text NOT NULL CHECK (method IN ('ranking', 'reach')),
    parameters  jsonb NOT NULL,
    results     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON desagis.planner_scenario (created_at DESC);

-- One row per village of a scenario: a pilot, or a village within reach of one. The village's representative point is
-- copied in, so that a scenario keeps its map even if boundaries are re-imported later.
CREATE TABLE desagis.planner_scenario_village (
    scenario_id  bigint NOT NULL REFERENCES desagis.planner_scenario (id) ON DELETE CASCADE,
    desa_kode    text NOT NULL,
    role         text NOT NULL CHECK (role IN ('pilot', 'covered')),
    rank         integer,
    score        double precision,
    stability    double precision,
    pinned       boolean NOT NULL DEFAULT false,
    reached      integer,
    pilot_kode   text,
    distance_km  double precision,
    point        geometry(Point, 4326),
    point_3857   geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(point, 3857)) STORED,
    PRIMARY KEY (scenario_id, desa_kode)
);
CREATE INDEX ON desagis.planner_scenario_village (desa_kode);
CREATE INDEX ON desagis.planner_scenario_village USING gist (point);
CREATE INDEX ON desagis.planner_scenario_village USING gist (point_3857);

-- Pilots of every scenario as points (filter by scenario_id).
CREATE VIEW desagis.scenario_pilots AS
SELECT sv.scenario_id::text || ':' || sv.desa_kode AS id, sv.scenario_id, s.name AS scenario_name,
       sv.desa_kode AS kode, d.nama, d.kecamatan_kode, d.kabupaten_kode,
       sv.rank, sv.score, sv.stability, sv.pinned, sv.reached,
       sv.point AS geom, sv.point_3857 AS geom_3857
  FROM desagis.planner_scenario_village sv
  JOIN desagis.planner_scenario s ON s.id = sv.scenario_id
  LEFT JOIN desagis.desa d ON d.kode = sv.desa_kode
 WHERE sv.role = 'pilot';

-- Villages within reach of a scenario's pilots, with their boundaries (filter by scenario_id).
CREATE VIEW desagis.scenario_coverage AS
SELECT sv.scenario_id::text || ':' || sv.desa_kode AS id, sv.scenario_id, s.name AS scenario_name,
       sv.desa_kode AS kode, d.nama, d.kecamatan_kode, d.kabupaten_kode,
       sv.pilot_kode, sv.distance_km,
       d.geom, d.geom_3857
  FROM desagis.planner_scenario_village sv
  JOIN desagis.planner_scenario s ON s.id = sv.scenario_id
  JOIN desagis.desa d ON d.kode = sv.desa_kode
 WHERE sv.role = 'covered';
