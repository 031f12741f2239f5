-- Each person's own key, wrapped with the master key: it seals every free text about them (assessment reasons,
-- contact notes) in the event store; deleting the row on erasure makes those texts unreadable for good.
CREATE TABLE person_keys (
    person_id   uuid  PRIMARY KEY,
    wrapped_key bytea NOT NULL
);

-- What the registry said about each person (its topic, consumed by a tracked consumer): no name, no free text.
CREATE TABLE registry_people (
    person_id           uuid        PRIMARY KEY,
    province_code       text        NOT NULL,
    commune_code        text        NOT NULL,
    release_type        text        NOT NULL,
    release_date        date        NOT NULL,
    supervision_ends_on date,
    notified_on         date        NOT NULL,
    confirmed_on        date,
    reoffences          integer     NOT NULL DEFAULT 0,
    intake_on           date,
    closed_on           date,
    erased              boolean     NOT NULL DEFAULT false,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- The current state of every supervision case, written in the same statement as its events, for the caseload.
CREATE TABLE cases (
    case_id                     uuid        PRIMARY KEY,
    person_id                   uuid        NOT NULL UNIQUE,
    version                     integer     NOT NULL,
    province_code               text        NOT NULL,
    commune_code                text        NOT NULL,
    opened_on                   date        NOT NULL,
    release_type                text        NOT NULL,
    release_date                date        NOT NULL,
    supervision_ends_on         date,
    risk_group                  text,
    assessed_on                 date,
    reassessment_due_on         date        NOT NULL,
    last_home_visit_on          date,
    last_reported_at_commune_on date,
    last_phone_call_on          date,
    closed_on                   date,
    closure_reason              text,
    notes_erased                boolean     NOT NULL DEFAULT false,
    officer                     text,
    updated_at                  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open_cases_by_commune ON cases (province_code, commune_code) WHERE closed_on IS NULL;
CREATE INDEX open_cases_by_officer ON cases (province_code, officer) WHERE closed_on IS NULL;

-- Who read whose case history, and as of when.
CREATE TABLE history_reads (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id uuid        NOT NULL,
    reader    text        NOT NULL,
    agency    text        NOT NULL,
    as_of     timestamptz,
    read_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_reads_by_person ON history_reads (person_id, read_at);

-- The reoffences the registry recorded, by id (a conviction settling an arrest keeps the arrest's id).
CREATE TABLE registry_reoffences (
    reoffence_id uuid PRIMARY KEY,
    person_id    uuid NOT NULL,
    committed_on date NOT NULL,
    status       text NOT NULL
);
CREATE INDEX registry_reoffences_by_person ON registry_reoffences (person_id);
