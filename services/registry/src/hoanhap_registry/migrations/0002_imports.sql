-- Bulk imports of an officer's existing list: progress, and what became of each row.
CREATE TABLE imports (
    import_id   uuid        PRIMARY KEY,
    caller      text        NOT NULL,
    filename    text        NOT NULL,
    sha256      text        NOT NULL,
    total_rows  integer     NOT NULL,
    status      text        NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    failure     text,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

CREATE TABLE import_rows (
    import_id  uuid    NOT NULL REFERENCES imports ON DELETE CASCADE,
    row_number integer NOT NULL,
    outcome    text    NOT NULL CHECK (outcome IN ('registered', 'already_registered', 'rejected')),
    person_id  uuid,
    reasons    jsonb,
    PRIMARY KEY (import_id, row_number)
);
