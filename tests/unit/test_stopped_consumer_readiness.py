"""A tracked consumer whose batch failed beyond retrying stops: no later batch commits past it, and the service
reports itself not ready, naming the consumer and the cause."""

from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hoanhap.consumers import TrackedConsumer
from hoanhap.service import health
from hoanhap.service.runtime import Runtime


class AnsweringPool:
    async def fetchval(self, query: str) -> int:
        return 1


class AnsweringBroker:
    async def ping(self, timeout: float) -> bool:
        return True


def stopped_consumer() -> TrackedConsumer:
    consumer = TrackedConsumer("stats-registry", ["topic"], handle=None, pool=None, producer=None)  # type: ignore[arg-type]

    async def dead_letter_topic_unreachable(batch: list) -> None:
        raise RuntimeError("dead-letter topic unreachable")

    consumer._process_batch = dead_letter_topic_unreachable  # type: ignore[method-assign]
    return consumer


async def test_a_batch_failing_beyond_retrying_stops_the_consumer_for_every_later_batch() -> None:
    consumer = stopped_consumer()
    assert consumer.failure is None
    await consumer.hand_over([])
    with pytest.raises(RuntimeError):
        await consumer.settled()
    with pytest.raises(RuntimeError):
        await consumer.hand_over([])
    assert isinstance(consumer.failure, RuntimeError)


async def test_a_stopped_consumer_makes_the_service_not_ready_naming_it() -> None:
    consumer = stopped_consumer()
    await consumer.hand_over([])
    with pytest.raises(RuntimeError):
        await consumer.settled()
    app = FastAPI()
    app.include_router(health.router)
    app.state.runtime = Runtime(pool=AnsweringPool(), broker=AnsweringBroker(),  # type: ignore[arg-type]
                                consumers=[consumer])
    answer = TestClient(app).get("/health/ready")
    assert answer.status_code == 503
    assert "stats-registry stopped" in answer.json()["checks"]["consumers"]
    app.state.runtime = SimpleNamespace(pool=AnsweringPool(), broker=AnsweringBroker(), consumers=[], relays=[])
    assert TestClient(app).get("/health/ready").status_code == 200
