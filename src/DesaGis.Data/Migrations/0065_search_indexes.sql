-- Indexes for the village search (0040): a name fragment is found through trigrams of the folded name, a name start
-- and a code prefix through pattern indexes (LIKE 'x%' uses a plain index only under the C collation). Without them
-- every search read all villages: 0.17 s for "sungai" over 83,000.
CREATE INDEX ON desagis.desa (desagis.search_key(nama) text_pattern_ops);
CREATE INDEX ON desagis.desa (kode10 text_pattern_ops);

-- pg_trgm ships with PostgreSQL's contrib modules and database owners may install it. A server without it, or a role
-- that may not install it, still searches correctly, only without the trigram index.
DO $$
DECLARE
    ops_schema name;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
            RAISE NOTICE 'pg_trgm could not be installed (%); village search works without its index', SQLERRM;
        END;
    END IF;
    -- Wherever the extension lives (public, or a schema of its own on a shared server).
    SELECT n.nspname INTO ops_schema FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace
     JOIN pg_am a ON a.oid = c.opcmethod WHERE c.opcname = 'gin_trgm_ops' AND a.amname = 'gin' LIMIT 1;
    IF ops_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX desa_search_key_trgm ON desagis.desa USING gin (desagis.search_key(nama) %I.gin_trgm_ops)', ops_schema);
    END IF;
END;
$$;
