-- The live feed: one row per projected change (what changed and the new value), written in the projection's
-- transaction, so a client resuming with Last-Event-ID misses nothing and sees nothing twice.
CREATE TABLE feed (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    figure        text        NOT NULL,
    province_code text        NOT NULL,
    commune_code  text        NOT NULL,
    value         bigint      NOT NULL
);
