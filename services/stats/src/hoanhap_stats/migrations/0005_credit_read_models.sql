-- Read model fed by the credit service's (the bank's) events: one row per loan, its life folded into its latest
-- state. Money is whole VND. The borrower is a random person id (an individual, so figures can be broken down by
-- release type, sex, age band and offence group) or only the kind of business; no names, no ID numbers, and
-- no business ids or workforce lists reach stats.
CREATE TABLE loans (
    loan_id                   uuid   PRIMARY KEY,
    province_code             text   NOT NULL,   -- the commune the loan was applied for in
    commune_code              text   NOT NULL,
    purpose                   text   NOT NULL,
    borrower_kind             text   NOT NULL,   -- individual | business
    person_id                 uuid,              -- individual borrowers only
    business_type             text,              -- business borrowers only
    status                    text   NOT NULL,   -- applied, approved, rejected, disbursed, overdue or settled
    amount_requested_vnd      bigint NOT NULL,
    amount_approved_vnd       bigint,
    disbursed_vnd             bigint NOT NULL DEFAULT 0,
    repaid_principal_vnd      bigint NOT NULL DEFAULT 0,
    outstanding_principal_vnd bigint NOT NULL DEFAULT 0,
    overdue_principal_vnd     bigint NOT NULL DEFAULT 0,
    applied_on                date   NOT NULL,
    decided_on                date,              -- approved or rejected on
    first_disbursed_on        date,
    final_due_on              date,
    overdue_since             date,
    settled_on                date
);
CREATE INDEX loans_by_place ON loans (province_code, commune_code, applied_on);
CREATE INDEX loans_by_person ON loans (person_id);
