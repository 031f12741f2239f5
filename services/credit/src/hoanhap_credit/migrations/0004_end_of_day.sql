-- The end of day (issue 14 item 9). closed_through: the last business day whose end-of-day steps a loan has had,
-- set in the transaction that appends that day's events, so a run killed midway and run again closes each loan's
-- day once. end_of_day_runs: one row per business day, begun when a run starts on it, finished when every open loan
-- is closed through it; loans and events count what the day's closes did.
ALTER TABLE loans ADD COLUMN closed_through date;
CREATE INDEX loans_to_close ON loans (loan_id) WHERE status = 'disbursed';

CREATE TABLE end_of_day_runs (
    business_day date        PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    loans        integer     NOT NULL DEFAULT 0,
    events       integer     NOT NULL DEFAULT 0
);
