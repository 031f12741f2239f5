-- Snapshots served no service (a case's stream holds tens of events, replayed in well under a millisecond), so the
-- store no longer keeps them; their table goes.
DROP TABLE IF EXISTS snapshots;
