-- The global chain: each event's global_hash is sha256(global_hash of the event before it in position order
-- || its own stream hash), from the empty string (hoanhap.eventstore.hash_chain). Events stored before this
-- migration get theirs here, once, in position order, so a store upgrades in place.
ALTER TABLE events ADD COLUMN global_hash bytea;

ALTER TABLE events DISABLE TRIGGER events_are_immutable;

DO $$
DECLARE
    tip bytea := '\x';
    event record;
BEGIN
    FOR event IN SELECT position, hash FROM events ORDER BY position LOOP
        tip := sha256(tip || event.hash);
        UPDATE events SET global_hash = tip WHERE position = event.position;
    END LOOP;
END
$$;

ALTER TABLE events ENABLE TRIGGER events_are_immutable;

ALTER TABLE events
    ALTER COLUMN global_hash SET NOT NULL,
    ADD CONSTRAINT events_global_hash_length CHECK (length(global_hash) = 32);

-- The global hash of the store's newest event ('' when empty), for an append that holds the append lock.
-- VOLATILE, so under READ COMMITTED its query takes a fresh snapshot: it sees an append that committed while
-- the calling statement waited for the lock. Other isolation levels keep the transaction's snapshot, which
-- could fork the chain, so they are refused.
CREATE FUNCTION events_feed_tip() RETURNS bytea LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'events are appended under READ COMMITTED, not %', current_setting('transaction_isolation')
            USING HINT = 'append outside any transaction, or in a READ COMMITTED one (the default)';
    END IF;
    RETURN coalesce((SELECT global_hash FROM events ORDER BY position DESC LIMIT 1), '\x'::bytea);
END
$$;
