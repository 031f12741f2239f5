-- ReleaseRegistered v2 carries the exact age at release instead of the birth year. Rows projected before keep
-- the release year less the birth year, as the age bands read them until now.
ALTER TABLE releases ADD COLUMN age_at_release integer;
UPDATE releases SET age_at_release = extract(year FROM release_date)::int - birth_year WHERE birth_year IS NOT NULL;
ALTER TABLE releases DROP COLUMN birth_year;
