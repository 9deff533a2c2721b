-- Tile leases: how a tile server serves cached tiles from memory without reading the change log per request and
-- still never serves a tile older than a committed change.
--
-- A tile server holds a shared, session-level advisory lock (the lease) while it answers from memory. Every
-- transaction that records a layer change takes the same lock exclusively before its change is recorded and keeps
-- it until it ends, so no change can commit while any server holds a lease. A writer that finds leases held asks
-- their holders to let go by cancelling their wait statement (desagis.renew_tile_lease below, which also reports
-- waiting writers in case a cancel arrives between two statements); a server lets go within milliseconds, reads
-- the change log the normal way until the writer has committed, takes a new lease and reads the log once more.
-- A server that does not let go within desagis.tile_lease_timeout (5 s unless set) is presumed hung, and its
-- session is ended, which releases its lease; a server never trusts a lease it has not renewed for far less than
-- that (TileOptions in the server), so it stops serving from memory before a writer could get past it.
--
-- The lock key is (1145525331, 1): 1145525331 is 'DGTS' in ASCII. Advisory locks are per database, so servers on
-- other databases of the same cluster do not interfere.

-- The backends of this database holding a lease (a shared hold of the key), except the caller.
CREATE FUNCTION desagis.tile_lease_holders() RETURNS SETOF integer LANGUAGE sql STABLE AS $$
    SELECT l.pid FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = 1145525331 AND l.objid = 1 AND l.objsubid = 2
       AND l.granted AND l.mode = 'ShareLock' AND l.pid <> pg_backend_pid()
$$;

-- A server takes a lease; false while a writer holds or waits for the key.
CREATE FUNCTION desagis.take_tile_lease() RETURNS boolean LANGUAGE sql AS $$
    SELECT pg_try_advisory_lock_shared(1145525331, 1)
$$;

-- A server gives its lease back. Its lease connection holds no other session lock, so releasing them all makes
-- the call safe to repeat (a cancel may interrupt it after the release happened).
CREATE FUNCTION desagis.release_tile_lease() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_unlock_all()
$$;

-- A server's renewal: waits p_seconds (the statement a writer cancels to be let in), then says whether a writer
-- is waiting for the key.
CREATE FUNCTION desagis.renew_tile_lease(p_seconds double precision) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_sleep(p_seconds);
    RETURN EXISTS (
        SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND l.classid = 1145525331 AND l.objid = 1 AND l.objsubid = 2 AND NOT l.granted);
END;
$$;

-- A writer waits until no server holds a lease, and keeps every new lease out until its transaction ends.
CREATE FUNCTION desagis.await_tile_lease() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    saved text;
    holder integer;
BEGIN
    IF pg_try_advisory_xact_lock(1145525331, 1) THEN
        RETURN;
    END IF;
    -- Held: by servers' leases, or by another writer (which this transaction would wait for anyway, on the version
    -- row). Ask the servers to let go; a holder without the right to be cancelled sees the wait on its next renewal.
    FOR holder IN SELECT desagis.tile_lease_holders() LOOP
        BEGIN
            PERFORM pg_cancel_backend(holder);
        EXCEPTION WHEN insufficient_privilege THEN
            NULL;
        END;
    END LOOP;
    saved := current_setting('lock_timeout');
    PERFORM set_config('lock_timeout', coalesce(nullif(current_setting('desagis.tile_lease_timeout', true), ''), '5s'), true);
    BEGIN
        PERFORM pg_advisory_xact_lock(1145525331, 1);
    EXCEPTION WHEN lock_not_available THEN
        -- A server that neither answered the cancel nor renewed its lease in all that time is hung: end its session.
        FOR holder IN SELECT desagis.tile_lease_holders() LOOP
            RAISE WARNING 'ending tile server session % that held its tile lease past desagis.tile_lease_timeout', holder;
            PERFORM pg_terminate_backend(holder, 5000);
        END LOOP;
        PERFORM set_config('lock_timeout', saved, true);
        PERFORM pg_advisory_xact_lock(1145525331, 1);
    END;
    PERFORM set_config('lock_timeout', saved, true);
END;
$$;

CREATE OR REPLACE FUNCTION desagis.record_layer_change(p_layers text[], p_box box2d, p_whole boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v bigint;
BEGIN
    IF p_box IS NULL AND NOT p_whole THEN
        RETURN;
    END IF;
    -- No change commits while a tile server serves from memory (see above).
    PERFORM desagis.await_tile_lease();
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
