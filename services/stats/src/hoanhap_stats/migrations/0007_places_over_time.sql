-- Figures by the place at the time of each fact (docs/disclosure-control.md, "What the registry's figures count"):
-- where each person lived, as spells from each day on (the place of release from the release date, then each move)
-- to the day before the next (until; NULL while there), and the day an erasure ended their management. releases
-- keeps the place of release from now on.
CREATE TABLE residences (
    person_id     uuid    NOT NULL,
    since         date    NOT NULL,
    until         date,
    first         boolean NOT NULL,   -- the first spell also places what happened before its day
    province_code text    NOT NULL,
    commune_code  text    NOT NULL,
    PRIMARY KEY (person_id, since)
);
CREATE INDEX residences_by_place ON residences (province_code, commune_code);
ALTER TABLE releases ADD COLUMN erased_on date;

-- Rows projected before this migration know only the person's current place, taken as their place since release,
-- and not the day of an erasure; `hoanhap-stats rebuild` recovers both from the topics.
INSERT INTO residences (person_id, since, until, first, province_code, commune_code)
SELECT person_id, release_date, NULL, true, province_code, commune_code FROM releases;

-- The running totals recounted by the rules above: erased people are not managed, withdrawn arrests count nowhere.
DELETE FROM commune_totals WHERE figure IN ('people_managed', 'reoffences');
INSERT INTO commune_totals (figure, province_code, commune_code, value)
SELECT 'people_managed', province_code, commune_code, count(*) FROM releases WHERE closed_on IS NULL AND NOT erased
GROUP BY province_code, commune_code;
INSERT INTO commune_totals (figure, province_code, commune_code, value)
SELECT 'reoffences', r.province_code, r.commune_code, count(*) FROM reoffences o JOIN releases r USING (person_id)
WHERE o.status <> 'arrest_withdrawn' GROUP BY r.province_code, r.commune_code;
