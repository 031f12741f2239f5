-- Running totals per figure and commune, moved by the projections in the same transaction as the events they
-- count, so the feed's new values and the commune table never recount the read models.
CREATE TABLE commune_totals (
    figure        text   NOT NULL,
    province_code text   NOT NULL,
    commune_code  text   NOT NULL,
    value         bigint NOT NULL,
    PRIMARY KEY (figure, province_code, commune_code)
);

-- Read models projected before this migration get their totals counted once here.
INSERT INTO commune_totals (figure, province_code, commune_code, value)
SELECT 'people_managed', province_code, commune_code, count(*) FROM releases WHERE closed_on IS NULL
GROUP BY province_code, commune_code;
INSERT INTO commune_totals (figure, province_code, commune_code, value)
SELECT 'reoffences', r.province_code, r.commune_code, count(*) FROM reoffences o JOIN releases r USING (person_id)
GROUP BY r.province_code, r.commune_code;
