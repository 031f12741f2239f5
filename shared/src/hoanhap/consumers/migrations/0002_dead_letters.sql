-- The messages each tracked consumer sent to its dead-letter topic, by where it read them, recorded with the
-- offsets that move past them. A consumer meeting one of them again (Kafka delivering it anew, or a stats rebuild
-- replaying from offset 0 with these rows carried over) skips it instead of writing a second letter.
CREATE TABLE IF NOT EXISTS dead_letters (
    consumer         text        NOT NULL,
    topic            text        NOT NULL,
    partition        int         NOT NULL,
    "offset"         bigint      NOT NULL,
    reason           text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, partition, "offset")
);
