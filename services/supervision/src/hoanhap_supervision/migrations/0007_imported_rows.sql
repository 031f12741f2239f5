-- Every row a spreadsheet import of local models or outreach recorded, by the fingerprint of its content (sha256
-- of its kind and values, no personal data: models and outreach carry none), written in the transaction that
-- records it; a list sent again records none of these rows twice (application/community_import.py).
CREATE TABLE imported_rows (
    province_code text        NOT NULL,
    fingerprint   text        NOT NULL,
    record_id     uuid        NOT NULL,
    imported_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, fingerprint)
);
