"""Settings of the stats service, read from the environment."""

from pydantic import Field

from hoanhap.service.settings import ServiceSettings


class StatsSettings(ServiceSettings):
    """The shared service settings, the stats service's default port and its small-cell threshold."""

    http_port: int = 8004
    database_schema: str | None = Field(default="stats", pattern=r"^[a-z_][a-z0-9_]{0,62}$",
                                        description="schema of the read models; a rebuild swaps it whole")
    suppression_threshold: int = Field(default=5, ge=1, description="public counts below this are withheld")
    public_feed_seconds: float = Field(default=30.0, gt=0, le=3600,
                                       description="the public feed says at most once per this many seconds that "
                                                   "figures may have changed")
    feed_clients_max: int = Field(default=400, ge=1, le=10_000,
                                  description="live-feed clients (both feeds) one HTTP process serves at a time; "
                                              "more get 503 with Retry-After")
    public_table_seconds: float = Field(default=30.0, ge=0, le=3600,
                                        description="a public province table (a query per commune) is reused, while "
                                                    "nothing new is projected, for at most this many seconds; "
                                                    "0 computes every answer anew")
    consumer_group: str = Field(default="stats", pattern=r"^[a-z0-9][a-z0-9-]{0,60}$",
                                description="names this deployment's consumers (and Kafka groups); instances of "
                                            "one deployment share it, a second deployment needs its own")
    rebuild_processes: int = Field(default=3, ge=1, le=64,
                                   description="processes a rebuild replays in, each taking a share of the topics' "
                                               "partitions (more than there are partitions sit idle)")
