-- Offline field sync: every operation a device recorded, keyed by its client-generated id, with its first answer,
-- written in the same transaction as its effect (so a resent operation is answered again, never applied twice).
-- No free text here: the answer names versions and reasons only; the content is kept as a keyed fingerprint.
CREATE TABLE sync_operations (
    operation_id          uuid        PRIMARY KEY,
    fingerprint           text        NOT NULL,
    actor                 text        NOT NULL,
    person_id             uuid        NOT NULL,
    kind                  text        NOT NULL,
    based_on_version      integer     NOT NULL,
    device_at             timestamptz NOT NULL,
    sent_at               timestamptz NOT NULL,
    received_at           timestamptz NOT NULL,
    clock_skew_seconds    integer     NOT NULL,
    clock_flag            text,
    answer                jsonb
);
CREATE INDEX sync_operations_by_person ON sync_operations (person_id);

-- Operations kept for a supervisor instead of applied: the same id with other content, or a stale version over a
-- risk group changed meanwhile. The body is sealed with the person's key (unreadable once they are erased).
CREATE TABLE sync_conflicts (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operation_id      uuid        NOT NULL,
    fingerprint       text        NOT NULL,
    person_id         uuid        NOT NULL,
    province_code     text        NOT NULL,
    commune_code      text        NOT NULL,
    kind              text        NOT NULL,
    reason            text        NOT NULL,
    based_on_version  integer     NOT NULL,
    current_version   integer     NOT NULL,
    actor             text        NOT NULL,
    device_at         timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    sealed_body       text,
    UNIQUE (operation_id, fingerprint)
);
CREATE INDEX sync_conflicts_by_commune ON sync_conflicts (province_code, commune_code, id);
