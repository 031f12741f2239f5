-- A business is registered once per registration number (the same-purpose debt rule counts one business's loans
-- under one id): registration_key is the number normalised (letters and digits only, upper case), unique; NULL for a
-- business with no number, which may be registered more than once. A business number is not personal data.
ALTER TABLE businesses ADD COLUMN registration_key text;
UPDATE businesses SET registration_key = numbered.registration_key
FROM (SELECT DISTINCT ON (registration_key) business_id, registration_key
      FROM (SELECT business_id, registered_at, upper(regexp_replace(registration, '[^[:alnum:]]', '', 'g'))
                   AS registration_key FROM businesses WHERE registration IS NOT NULL) AS keyed
      WHERE registration_key <> ''
      ORDER BY registration_key, registered_at, business_id) AS numbered
WHERE businesses.business_id = numbered.business_id;
CREATE UNIQUE INDEX businesses_by_registration ON businesses (registration_key);
