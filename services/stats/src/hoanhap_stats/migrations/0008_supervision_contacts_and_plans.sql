-- What supervision tells stats about contact compliance and reintegration plans; a person is only a random id here.
-- Rows about a case copy the case's place, as in 0004.

-- Each case's earliest next-due contact day as supervision computed it (its contact standard stays there), by the
-- day of the fact it followed (opened, assessed, met); the last event of a case and day wins. NULL: none is due.
CREATE TABLE supervision_contact_due (
    case_id       uuid NOT NULL,
    person_id     uuid NOT NULL,
    province_code text NOT NULL,
    commune_code  text NOT NULL,
    as_of         date NOT NULL,
    next_due_on   date,
    PRIMARY KEY (case_id, as_of)
);

-- Each case's status of a need area of its reintegration plan, by the day it changed; the last change of a case,
-- area and day wins. Never a case note.
CREATE TABLE supervision_plan_areas (
    case_id       uuid NOT NULL,
    person_id     uuid NOT NULL,
    province_code text NOT NULL,
    commune_code  text NOT NULL,
    area          text NOT NULL,
    changed_on    date NOT NULL,
    status        text NOT NULL,
    PRIMARY KEY (case_id, area, changed_on)
);
