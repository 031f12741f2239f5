-- Read models fed by the registry's events. No names or ID numbers ever reach stats: a person is a random id with
-- coarse attributes, and an erased person's birth year and sex are forgotten too.
CREATE TABLE releases (
    person_id      uuid    PRIMARY KEY,
    province_code  text    NOT NULL,
    commune_code   text    NOT NULL,
    release_type   text    NOT NULL,
    release_date   date    NOT NULL,
    birth_year     integer,
    sex            text,
    offence_articles integer[] NOT NULL,
    closed_on      date,
    erased         boolean NOT NULL DEFAULT false
);
CREATE INDEX releases_by_place_and_date ON releases (province_code, commune_code, release_date);

-- One row per reoffence; a conviction replaces the arrest it settles (same reoffence id).
CREATE TABLE reoffences (
    reoffence_id uuid PRIMARY KEY,
    person_id    uuid NOT NULL,
    committed_on date NOT NULL,
    status       text NOT NULL
);
CREATE INDEX reoffences_by_person ON reoffences (person_id, committed_on);
