-- Each borrower's and business's own key, wrapped with credit's master key: it seals the borrower's identity and
-- the free text about their loans (reasons) in the event store; deleting the row makes them unreadable for good.
CREATE TABLE person_keys (
    person_id   uuid  PRIMARY KEY,
    wrapped_key bytea NOT NULL
);

-- The bank's borrowers (people): found by the bank's own keyed digest of the citizen ID; the identity itself is
-- sealed in the borrower's stream. person_id is the registry's person, NULL when the registry has none.
CREATE TABLE borrowers (
    borrower_id   uuid        PRIMARY KEY,
    lookup_digest text        NOT NULL UNIQUE,
    person_id     uuid,
    province_code text        NOT NULL,
    commune_code  text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX borrowers_by_person ON borrowers (person_id);

-- Businesses that borrow directly (kept in credit only, never on Kafka).
CREATE TABLE businesses (
    business_id   uuid        PRIMARY KEY,
    kind          text        NOT NULL,
    name          text        NOT NULL,
    registration  text,
    province_code text        NOT NULL,
    commune_code  text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now()
);

-- Every loan's current state, written by the statement that appends its events: columns for the lists and the
-- same-purpose debt, and `state` whole (the domain's LoanRecord as JSON with its shape) for the next write, so a
-- write or the end of day loads a loan in one read instead of replaying its stream. No free text.
CREATE TABLE loans (
    loan_id          uuid        PRIMARY KEY,
    version          integer     NOT NULL,
    status           text        NOT NULL,
    borrower_id      uuid,
    person_id        uuid,
    business_id      uuid,
    province_code    text        NOT NULL,
    commune_code     text        NOT NULL,
    purpose          text        NOT NULL,
    amount_requested bigint      NOT NULL,
    applied_on       date        NOT NULL,
    disbursed        bigint      NOT NULL DEFAULT 0,
    principal_repaid bigint      NOT NULL DEFAULT 0,
    state            jsonb       NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((borrower_id IS NULL) <> (business_id IS NULL))
);
CREATE INDEX loans_by_borrower ON loans (borrower_id) WHERE borrower_id IS NOT NULL;
CREATE INDEX loans_by_business ON loans (business_id) WHERE business_id IS NOT NULL;
CREATE INDEX loans_by_status ON loans (status);
