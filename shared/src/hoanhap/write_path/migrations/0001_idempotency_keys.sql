-- A retried POST with the same Idempotency-Key gets the first answer instead of acting twice. Keys belong to the
-- caller's scope; person_id names the person the answer is about (every service's records are a released
-- person's), so erasing the person forgets it.
-- IF NOT EXISTS: the registry created this very table itself before the kit had it, and keeps its rows.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    key         text        NOT NULL,
    caller      text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    body        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    person_id   uuid,
    PRIMARY KEY (caller, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_by_person ON idempotency_keys (person_id) WHERE person_id IS NOT NULL;
