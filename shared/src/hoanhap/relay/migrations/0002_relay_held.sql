-- Events a relay could not turn into their integration message, and the later events of the same stream, held
-- back so one person's events keep their order while everyone else's are published. An operator retries them
-- (after a fix) or sets the bad one aside (never published); both are recorded.
CREATE TABLE IF NOT EXISTS relay_held (
    relay             text        NOT NULL,
    position          bigint      NOT NULL,
    stream_id         text        NOT NULL,
    event_type        text        NOT NULL,
    reason            text        NOT NULL,
    held_at           timestamptz NOT NULL DEFAULT now(),
    retry_requested   boolean     NOT NULL DEFAULT false,
    outcome           text        CHECK (outcome IN ('published', 'set_aside')),
    settled_at        timestamptz,
    settled_by        text,
    PRIMARY KEY (relay, position)
);
CREATE INDEX IF NOT EXISTS relay_held_unsettled ON relay_held (relay, stream_id) WHERE outcome IS NULL;
