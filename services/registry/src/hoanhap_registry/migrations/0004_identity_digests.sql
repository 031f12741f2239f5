-- The identity digest the bank finds people by is published on a compacted Kafka topic keyed by person, computed
-- off the request path (0.13 s of a core each): a registration queues its publication, an erasure its withdrawal
-- (a tombstone), in the same statement as their events. A row leaves the queue once the broker has the message.
CREATE TABLE identity_digest_queue (
    person_id uuid        PRIMARY KEY,
    action    text        NOT NULL CHECK (action IN ('publish', 'withdraw')),
    queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts  integer     NOT NULL DEFAULT 0
);

-- The lookup digest no longer comes from the events and is keyed by a key derived from the master key, which no
-- other service holds: the old digests go, and the service computes each again from the sealed identity at its
-- next start (identity/lookup_backfill.py).
UPDATE people SET national_id_digest = NULL;
INSERT INTO identity_digest_queue (person_id, action) SELECT person_id, 'publish' FROM people WHERE status <> 'erased';
