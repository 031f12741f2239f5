-- Signed checkpoints of the global chain (hoanhap.eventstore.audit): the store held `events` events up to
-- `position`, whose global hash was `global_hash`, at `taken_at`. The Ed25519 signature covers those and the
-- store's name; its key is never in the database. Deleting rows here hides nothing from an auditor who kept the
-- copies written outside the database.
CREATE TABLE event_checkpoints (
    position    bigint      PRIMARY KEY CHECK (position >= 1),
    global_hash bytea       NOT NULL CHECK (length(global_hash) = 32),
    events      bigint      NOT NULL CHECK (events >= 1),
    taken_at    timestamptz NOT NULL,
    signature   bytea       NOT NULL CHECK (length(signature) = 64)
);

CREATE INDEX event_checkpoints_taken_at ON event_checkpoints (taken_at);

CREATE FUNCTION event_checkpoints_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'checkpoints are kept as signed: % on event_checkpoints is refused', TG_OP;
END
$$;

CREATE TRIGGER event_checkpoints_are_immutable BEFORE UPDATE OR DELETE ON event_checkpoints
    FOR EACH ROW EXECUTE FUNCTION event_checkpoints_refuse_change();
