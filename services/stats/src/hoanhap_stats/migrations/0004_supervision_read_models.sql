-- Read models fed by the supervision service's events. A person is only a random id here: no names, no ID numbers.
-- Rows about a case copy the case's place, so each figure filters on one table.

-- One row per supervision case: where it is, how it started, its latest risk group and how it ended.
CREATE TABLE supervision_cases (
    case_id           uuid    PRIMARY KEY,
    person_id         uuid    NOT NULL,
    province_code     text    NOT NULL,
    commune_code      text    NOT NULL,
    opened_on         date    NOT NULL,
    commitment_signed boolean NOT NULL,
    ends_on           date,             -- end of a probation or supervision period, when there is one
    closed_on         date,
    closure_reason    text,
    risk_group        text,             -- A, B, C or D from the latest assessment; NULL until assessed
    risk_assessed_on  date
);
CREATE INDEX supervision_cases_by_place ON supervision_cases (province_code, commune_code, opened_on);
CREATE INDEX supervision_cases_by_person ON supervision_cases (person_id);

-- One row per visit (a corrected visit keeps its id and replaces the row).
CREATE TABLE supervision_visits (
    visit_id      uuid PRIMARY KEY,
    case_id       uuid NOT NULL,
    person_id     uuid NOT NULL,
    province_code text NOT NULL,
    commune_code  text NOT NULL,
    kind          text NOT NULL,
    visited_on    date NOT NULL
);
CREATE INDEX supervision_visits_by_place ON supervision_visits (province_code, commune_code, visited_on);
CREATE INDEX supervision_visits_by_case ON supervision_visits (case_id, visited_on);

-- One row per support given; value_vnd is the value of material aid in whole VND, when it was counted.
CREATE TABLE supervision_support (
    support_id    uuid   PRIMARY KEY,
    case_id       uuid   NOT NULL,
    person_id     uuid   NOT NULL,
    province_code text   NOT NULL,
    commune_code  text   NOT NULL,
    kind          text   NOT NULL,
    provided_on   date   NOT NULL,
    value_vnd     bigint,
    model_id      uuid
);
CREATE INDEX supervision_support_by_place ON supervision_support (province_code, commune_code, provided_on);

-- One row per sponsorship taken on; the event carries no id of its own, so its event id keys the row. Who the
-- sponsor is stays with the supervision service: only the kind of sponsor reaches stats.
CREATE TABLE supervision_sponsors (
    assignment_id uuid PRIMARY KEY,
    case_id       uuid NOT NULL,
    person_id     uuid NOT NULL,
    province_code text NOT NULL,
    commune_code  text NOT NULL,
    sponsor_kind  text NOT NULL,
    assigned_on   date NOT NULL,
    model_id      uuid
);
CREATE INDEX supervision_sponsors_by_place ON supervision_sponsors (province_code, commune_code, assigned_on);

-- Local support models (mô hình) a commune, or before 2025-07-01 a district, launched; about no person.
CREATE TABLE local_models (
    model_id              uuid PRIMARY KEY,
    title                 text NOT NULL,
    level                 text NOT NULL,
    province_code         text NOT NULL,
    commune_code          text NOT NULL,
    former_district_name  text,
    launched_on           date NOT NULL
);
CREATE INDEX local_models_by_place ON local_models (province_code, commune_code, launched_on);

-- Outreach a commune ran: how many broadcasts, items, sessions, banners or leaflets, and who attended sessions.
CREATE TABLE outreach (
    outreach_id   uuid    PRIMARY KEY,
    activity      text    NOT NULL,
    quantity      integer NOT NULL,
    attendance    integer,
    province_code text    NOT NULL,
    commune_code  text    NOT NULL,
    held_on       date    NOT NULL,
    model_id      uuid
);
CREATE INDEX outreach_by_place ON outreach (province_code, commune_code, held_on);
