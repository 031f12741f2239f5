-- One row per event. The table is also the outbox: the relay reads it in position order.
-- position comes from an identity sequence with CACHE 1, so positions are handed out in the order appends
-- ask for them; appends are serialised by an advisory lock (see hoanhap.eventstore.postgres.append_statement),
-- so that order is also the commit order and a reader of "position > N" never skips a late commit.
CREATE TABLE events (
    position       bigint      GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
    stream_id      text        NOT NULL CHECK (stream_id <> ''),
    stream_version integer     NOT NULL CHECK (stream_version >= 1),
    event_id       uuid        NOT NULL,
    type           text        NOT NULL CHECK (type <> ''),
    schema_version integer     NOT NULL CHECK (schema_version >= 1),
    payload        jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    recorded_at    timestamptz NOT NULL,
    hash           bytea       NOT NULL CHECK (length(hash) = 32),
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
    CONSTRAINT events_event_id_key UNIQUE (event_id)
);

-- Stored events never change. This stops mistakes, not an intruder with the rights to drop the trigger:
-- the hash chain is what makes such tampering evident.
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stored events are immutable: % on events is refused', TG_OP
        USING HINT = 'append a new event that corrects or supersedes the old one';
END
$$;

CREATE TRIGGER events_are_immutable BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_refuse_change();

CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
