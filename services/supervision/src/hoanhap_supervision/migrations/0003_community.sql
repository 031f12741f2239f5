-- The current state of every local model (mô hình), written in the same statement as its events: no personal
-- data but its members' ids (the title and lead organisation are an organisation's, never a person's).
CREATE TABLE local_models (
    model_id             uuid        PRIMARY KEY,
    version              integer     NOT NULL,
    title                text        NOT NULL,
    level                text        NOT NULL,
    province_code        text        NOT NULL,
    commune_codes        text[]      NOT NULL,
    former_district_name text,
    lead_organisation    text        NOT NULL,
    launched_on          date        NOT NULL,
    ended_on             date,
    members              uuid[]      NOT NULL DEFAULT '{}',
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_models_by_province ON local_models (province_code, launched_on);
CREATE INDEX local_models_by_commune ON local_models USING gin (commune_codes);

-- Every outreach report, written with its event (a province-wide one has no commune).
CREATE TABLE outreach_reports (
    outreach_id   uuid        PRIMARY KEY,
    province_code text        NOT NULL,
    commune_code  text,
    activity      text        NOT NULL,
    quantity      integer     NOT NULL,
    attendance    integer,
    held_on       date        NOT NULL,
    reported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outreach_reports_by_place ON outreach_reports (province_code, commune_code, held_on);
