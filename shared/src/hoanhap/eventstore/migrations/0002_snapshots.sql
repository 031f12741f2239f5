-- The newest snapshot of each stream; an older one never replaces a newer one.
CREATE TABLE snapshots (
    stream_id      text        PRIMARY KEY,
    stream_version integer     NOT NULL CHECK (stream_version >= 1),
    state          jsonb       NOT NULL,
    taken_at       timestamptz NOT NULL
);
