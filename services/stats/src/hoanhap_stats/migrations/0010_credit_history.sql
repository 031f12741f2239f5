-- Credit's figures over periods (issue 14 item 11). A loan's row gains what the v2 contract tells (its agent
-- organisation, the day of each decision and end, its arrears' debt group, the principal written off) and the day
-- of its latest change; loan_days keeps each loan's state at the end of every day it changed, so a stock
-- (outstanding, overdue by debt group) can be read as it stood on any past day, and a flow (disbursed, repaid) as
-- the change between two days. The status now also takes withdrawn and written_off.
ALTER TABLE loans ADD COLUMN agent_organisation        text;    -- individuals' only; none: not recorded
ALTER TABLE loans ADD COLUMN approved_on               date;
ALTER TABLE loans ADD COLUMN rejected_on               date;
ALTER TABLE loans ADD COLUMN withdrawn_on              date;
ALTER TABLE loans ADD COLUMN written_off_on            date;
ALTER TABLE loans ADD COLUMN principal_written_off_vnd bigint NOT NULL DEFAULT 0;
ALTER TABLE loans ADD COLUMN days_past_due             integer NOT NULL DEFAULT 0;
ALTER TABLE loans ADD COLUMN debt_group                integer;  -- 1..5 while outstanding, else none
ALTER TABLE loans ADD COLUMN changed_on                date;     -- the day of its latest row in loan_days

CREATE TABLE loan_days (
    loan_id                   uuid    NOT NULL,
    on_day                    date    NOT NULL,
    status                    text    NOT NULL,
    disbursed_vnd             bigint  NOT NULL,  -- paid out by the end of the day, in all
    repaid_principal_vnd      bigint  NOT NULL,  -- repaid by the end of the day, in all
    outstanding_principal_vnd bigint  NOT NULL,
    overdue_principal_vnd     bigint  NOT NULL,
    debt_group                integer,
    PRIMARY KEY (loan_id, on_day)
);

-- Loans projected before this migration: their decisions dated as far as the old row tells, and their state as it
-- stands now, from the latest day the row knows of; `hoanhap-stats rebuild` replays their whole history.
UPDATE loans SET approved_on = CASE WHEN amount_approved_vnd IS NOT NULL THEN decided_on END,
                 rejected_on = CASE WHEN status = 'rejected' THEN decided_on END,
                 debt_group = CASE WHEN status IN ('disbursed', 'overdue') THEN 1 END,
                 changed_on = greatest(applied_on, decided_on, first_disbursed_on, overdue_since, settled_on);
INSERT INTO loan_days (loan_id, on_day, status, disbursed_vnd, repaid_principal_vnd, outstanding_principal_vnd,
                       overdue_principal_vnd, debt_group)
    SELECT loan_id, changed_on, status, disbursed_vnd, repaid_principal_vnd, outstanding_principal_vnd,
           overdue_principal_vnd, debt_group FROM loans;
