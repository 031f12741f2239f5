-- Idempotency keys and imports belong to a caller's scope (issuer, subject, agency, jurisdiction), not to a
-- subject alone; an idempotency record names the person it answered about, so erasure can forget it.
ALTER TABLE idempotency_keys ADD COLUMN person_id uuid;
CREATE INDEX idempotency_keys_by_person ON idempotency_keys (person_id) WHERE person_id IS NOT NULL;

-- A row whose person is already a case of another jurisdiction becomes a transfer request, not an answer.
ALTER TABLE import_rows DROP CONSTRAINT import_rows_outcome_check;
ALTER TABLE import_rows ADD CONSTRAINT import_rows_outcome_check
    CHECK (outcome IN ('registered', 'already_registered', 'transfer_requested', 'rejected'));

-- A registration that finds the person already a case elsewhere asks the holding jurisdiction to transfer the
-- case to the requesting commune; the holding commune lists the requests and answers with a residence change.
CREATE TABLE transfer_requests (
    request_id    uuid        PRIMARY KEY,
    person_id     uuid        NOT NULL,
    province_code text        NOT NULL,
    commune_code  text        NOT NULL,
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (person_id, province_code, commune_code)
);
