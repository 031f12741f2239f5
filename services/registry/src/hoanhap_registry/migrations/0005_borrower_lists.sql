-- A commune's lists of people who may borrow under Decision 22/2023/QĐ-TTg (Form 01), written alongside the events
-- of the list's stream: drawn up by the commune police, certified once by the commune People's Committee. The
-- signatory (certified_by) stays here and in the list's events, never on Kafka.
CREATE TABLE borrower_lists (
    list_id                   uuid        PRIMARY KEY,
    province_code             text        NOT NULL,
    commune_code              text        NOT NULL,
    drawn_on                  date        NOT NULL,
    drawn_by                  text        NOT NULL,
    certified_on              date,
    certified_by              text,
    certification_recorded_by text,
    version                   integer     NOT NULL,
    updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX borrower_lists_by_commune ON borrower_lists (province_code, commune_code, drawn_on);

-- The rows as they were when the list was drawn; no name here: a row is shown with the person's sealed identity
-- from the people table while their key exists (an erased person's row shows no name).
CREATE TABLE borrower_list_rows (
    list_id      uuid    NOT NULL,
    row_number   integer NOT NULL,
    person_id    uuid    NOT NULL,
    birth_year   integer NOT NULL,
    village      text,
    release_type text    NOT NULL,
    completed_on date    NOT NULL,
    PRIMARY KEY (list_id, row_number)
);
