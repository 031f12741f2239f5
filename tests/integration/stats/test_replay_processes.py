"""The rebuild's replay processes against the real Kafka and PostgreSQL: a process that fails fails the replay."""

import time

import pytest

from hoanhap_stats.projecting.tracked_consumers import Projection
from hoanhap_stats.rebuild.replay import Replay, ReplayFailed, replay_until
from hoanhap_stats.registry.projection import project_registry_events


async def test_a_replay_process_that_fails_fails_the_replay_instead_of_waiting_for_its_deadline(
        database_url, kafka_bootstrap_servers, topic):
    missing_database = database_url.rsplit("/", 1)[0] + "/no_such_database"
    replay = Replay(missing_database, "replay_test", kafka_bootstrap_servers, "replay-test", processes=3,
                    projections=(Projection("registry", topic, project_registry_events),), log_level="CRITICAL")

    async def never_done(partitions) -> bool:
        assert len(partitions) == 3, "every partition of the topic is dealt out"
        return False

    started = time.monotonic()
    with pytest.raises(ReplayFailed, match="replay-"):
        await replay_until(replay, never_done, deadline=started + 300)
    assert time.monotonic() - started < 60
