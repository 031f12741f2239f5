-- ModelLaunched v2 lists every commune a local model covers, ModelEnded ends a model, and OutreachLogged v2 may be
-- a province's as a whole. local_models.commune_code stays the commune running the model (the first it covers).

-- The communes each model covers: a commune's figures count the models covering it, a province's each model once.
CREATE TABLE local_model_communes (
    model_id     uuid NOT NULL,
    commune_code text NOT NULL,
    PRIMARY KEY (model_id, commune_code)
);
CREATE INDEX local_model_communes_by_commune ON local_model_communes (commune_code, model_id);
INSERT INTO local_model_communes (model_id, commune_code) SELECT model_id, commune_code FROM local_models;

-- The day a model stopped running; a model with no row here still runs.
CREATE TABLE local_model_ends (
    model_id uuid PRIMARY KEY,
    ended_on date NOT NULL
);

-- A province-wide outreach report has no commune: it counts in its province's figures and in no commune's.
ALTER TABLE outreach ALTER COLUMN commune_code DROP NOT NULL;

-- One row per sponsorship ended; like its taking on, the event carries no id of the sponsorship, so its event id
-- keys the row, and who the sponsor was stays with the supervision service. Each sponsorship ends once, after it
-- was taken on: a place's sponsorships in force on a day are those taken on by then less those ended by then.
CREATE TABLE supervision_sponsorship_ends (
    end_id        uuid PRIMARY KEY,
    case_id       uuid NOT NULL,
    person_id     uuid NOT NULL,
    province_code text NOT NULL,
    commune_code  text NOT NULL,
    ended_on      date NOT NULL
);
CREATE INDEX supervision_sponsorship_ends_by_place ON supervision_sponsorship_ends (province_code, commune_code,
                                                                                    ended_on);
