-- How far each relay has published: the global position of the last event the broker acknowledged.
CREATE TABLE IF NOT EXISTS relay_positions (
    relay      text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
