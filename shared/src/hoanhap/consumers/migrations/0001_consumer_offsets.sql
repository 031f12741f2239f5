-- Where each tracked consumer has got to, per topic partition. Updated in the same transaction as the effects
-- of the messages before next_offset, so a redelivered message is recognised and skipped.
CREATE TABLE IF NOT EXISTS consumer_offsets (
    consumer    text   NOT NULL,
    topic       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition)
);

-- Event ids a consumer has applied: the relay may republish an event at a new offset after a crash, and this is
-- what makes its effects happen once. Rows are written in the effects' transaction.
CREATE TABLE IF NOT EXISTS processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
