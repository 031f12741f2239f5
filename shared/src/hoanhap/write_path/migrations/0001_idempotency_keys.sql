-- A retried POST with the same Idempotency-Key gets the first answer instead of acting twice. Keys belong to the
-- caller's scope; subject_id names the record the answer is about, so erasing that record can forget it.
-- IF NOT EXISTS: a service that created this table itself before the kit had it keeps its rows (the registry).
CREATE TABLE IF NOT EXISTS idempotency_keys (
    key         text        NOT NULL,
    caller      text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    body        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    subject_id  uuid,
    PRIMARY KEY (caller, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_by_subject ON idempotency_keys (subject_id) WHERE subject_id IS NOT NULL;
