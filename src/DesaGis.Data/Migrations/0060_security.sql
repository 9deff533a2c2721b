-- API keys (only their SHA-256 hashes are stored) and the audit trail of every write.
CREATE TABLE desagis.api_key (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    prefix     text NOT NULL,
    key_hash   text NOT NULL UNIQUE,
    role       text NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE TABLE desagis.audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text NOT NULL,
    action    text NOT NULL,
    target    text NOT NULL,
    counts    jsonb NOT NULL DEFAULT '{}'::jsonb,
    details   jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ON desagis.audit_log (at);
