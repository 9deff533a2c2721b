-- The programme registry: partners keep their own programmes through the API (OGC API – Features Part 4), a
-- government reviewer publishes them, and every version is kept.
--
-- desagis.program stays what the public map shows (the published state); the tile triggers of 0031 keep tiles
-- current when a revision is published into it. desagis.program_revision holds every version a partner or
-- reviewer wrote: drafts waiting for review, drafts sent back, and every published version, so the history of a
-- programme survives its end.

-- Partner accounts: a key of role 'partner' belongs to exactly one partner organisation; reviewers see everything.
ALTER TABLE desagis.api_key DROP CONSTRAINT api_key_role_check;
ALTER TABLE desagis.api_key ADD CONSTRAINT api_key_role_check
    CHECK (role IN ('viewer', 'planner', 'admin', 'partner', 'reviewer'));
ALTER TABLE desagis.api_key ADD COLUMN partner_id bigint REFERENCES desagis.partner (id);
ALTER TABLE desagis.api_key ADD CONSTRAINT api_key_partner_bound CHECK ((role = 'partner') = (partner_id IS NOT NULL));

-- A programme's budget (rupiah) when the partner gives one, and the registry revision now on the map (NULL for
-- programmes that came from a file import and were never written through the registry).
ALTER TABLE desagis.program ADD COLUMN budget numeric CHECK (budget IS NULL OR budget >= 0);
ALTER TABLE desagis.program ADD COLUMN revision integer;

CREATE TABLE desagis.program_revision (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_kode   text NOT NULL,
    -- 1, 2, 3 … per programme: the programme's version, and its ETag.
    revision       integer NOT NULL CHECK (revision >= 1),
    partner_id     bigint NOT NULL REFERENCES desagis.partner (id),
    -- baseline: the state a file import left, recorded before the first registry write changes it.
    operation      text NOT NULL CHECK (operation IN ('baseline', 'create', 'replace', 'update', 'delete')),
    -- draft: waiting for review; returned: sent back with a comment; superseded: a draft replaced by a newer one
    -- before review; published: on the map from published_at until a newer revision was published.
    state          text NOT NULL CHECK (state IN ('draft', 'returned', 'superseded', 'published')),
    nama           text NOT NULL,
    sector         text NOT NULL,
    start_date     date,
    end_date       date,
    status         text NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'suspended')),
    budget         numeric CHECK (budget IS NULL OR budget >= 0),
    desa_kodes     text[] NOT NULL DEFAULT '{}',
    -- The polygon the partner drew, if any, and the footprint this version puts on the map.
    geom           geometry(MultiPolygon, 4326),
    footprint      geometry(MultiPolygon, 4326),
    geometry_note  text,
    author         text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    reviewer       text,
    reviewed_at    timestamptz,
    review_comment text,
    published_at   timestamptz,
    UNIQUE (program_kode, revision),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK ((state = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX ON desagis.program_revision (partner_id);
CREATE INDEX ON desagis.program_revision (state) WHERE state = 'draft';
CREATE INDEX ON desagis.program_revision (program_kode, published_at) WHERE published_at IS NOT NULL;

-- The public programme layer shows the budget where a partner gave one.
CREATE OR REPLACE VIEW desagis.program_footprints AS
SELECT p.id, p.kode, p.nama, p.sector, p.status, p.start_date, p.end_date,
       EXTRACT(YEAR FROM p.start_date)::integer AS start_year, EXTRACT(YEAR FROM p.end_date)::integer AS end_year,
       pa.kode AS partner_kode, pa.nama AS partner_nama, pa.kind AS partner_kind,
       (SELECT count(*) FROM desagis.program_village pv WHERE pv.program_id = p.id)::integer AS village_count,
       p.footprint AS geom, p.footprint_3857 AS geom_3857,
       p.budget::double precision AS budget
  FROM desagis.program p
  JOIN desagis.partner pa ON pa.id = p.partner_id;
