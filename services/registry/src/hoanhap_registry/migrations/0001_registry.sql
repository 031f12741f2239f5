-- One wrapped key per person; deleting the row erases the person (their sealed identity can no longer be read).
CREATE TABLE person_keys (
    person_id   uuid  PRIMARY KEY,
    wrapped_key bytea NOT NULL
);

-- The current state of every case, written in the same transaction as its events, for lists and lookups.
-- Names and ID numbers are not here: only the sealed identity and the keyed digest of the citizen ID.
CREATE TABLE people (
    person_id           uuid        PRIMARY KEY,
    version             integer     NOT NULL,
    national_id_digest  text,
    sealed_identity     text,
    province_code       text        NOT NULL,
    commune_code        text        NOT NULL,
    village             text,
    birth_year          integer     NOT NULL,
    sex                 text        NOT NULL,
    offence_articles    integer[]   NOT NULL,
    release_type        text        NOT NULL,
    release_date        date        NOT NULL,
    notified_on         date        NOT NULL,
    confirmation_due_on date        NOT NULL,
    confirmed_on        date,
    intake_done         boolean     NOT NULL DEFAULT false,
    reoffences          integer     NOT NULL DEFAULT 0,
    status              text        NOT NULL CHECK (status IN ('open', 'closed', 'erased')),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- The same citizen ID released on the same date is one registration.
CREATE UNIQUE INDEX people_one_registration ON people (national_id_digest, release_date)
    WHERE national_id_digest IS NOT NULL;
CREATE INDEX people_by_commune ON people (province_code, commune_code, status, release_date DESC, person_id);

-- A retried POST with the same Idempotency-Key gets the first answer instead of acting twice.
CREATE TABLE idempotency_keys (
    key         text        NOT NULL,
    caller      text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    body        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);

-- Who read whose case history, and when: reading a history is itself recorded.
CREATE TABLE history_reads (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id uuid        NOT NULL,
    reader    text        NOT NULL,
    agency    text        NOT NULL,
    as_of     timestamptz,
    read_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_reads_by_person ON history_reads (person_id, read_at);
