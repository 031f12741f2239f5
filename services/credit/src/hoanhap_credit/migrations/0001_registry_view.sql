-- What the registry said of each person (its topic, consumed by a tracked consumer): no name, no ID, no free text.
-- Erasure deletes the person's rows: credit's view forgets every registry fact of them (docs/credit.md).
CREATE TABLE registry_people (
    person_id           uuid        PRIMARY KEY,
    province_code       text        NOT NULL,
    commune_code        text        NOT NULL,
    release_type        text        NOT NULL,
    release_date        date        NOT NULL,
    supervision_ends_on date,
    closed_on           date,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry_reoffences (
    reoffence_id uuid PRIMARY KEY,
    person_id    uuid NOT NULL REFERENCES registry_people (person_id) ON DELETE CASCADE,
    committed_on date NOT NULL,
    status       text NOT NULL
);
CREATE INDEX registry_reoffences_by_person ON registry_reoffences (person_id);

-- The registry's identity digests (its compacted topic): the latest per person; a tombstone deletes the row.
CREATE TABLE identity_digests (
    person_id       uuid        PRIMARY KEY,
    identity_digest text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_digests_by_digest ON identity_digests (identity_digest);
