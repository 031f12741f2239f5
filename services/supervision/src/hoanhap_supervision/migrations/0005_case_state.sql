-- Each case's whole current state (the domain's SupervisionCase as JSON, with its version and landmarks), written
-- by the statement that appends its events, so a write loads the case in one read instead of replaying its stream.
-- The stream stays the truth: a row without it (written before this migration), or of another shape, is replayed.
-- It holds no free text (the reasons and notes stay sealed in the events).
ALTER TABLE cases ADD COLUMN state jsonb;
