"""Snapshots freeze the Kafka message of one example of every event version: topic, key, headers, value.

A change here changes what other services receive. If it is intended (a new event or version), rerun with
HOANHAP_UPDATE_SNAPSHOTS=1 to rewrite the snapshot files, and commit them with the change.
"""

import json
import os
from pathlib import Path

import pytest

from hoanhap.contracts import to_kafka_message
from hoanhap.contracts.versions.schemas import schema_path

from .event_examples import ALL_VERSIONS, envelope_of, example_of

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATING = os.environ.get("HOANHAP_UPDATE_SNAPSHOTS") == "1"


def wire_shape(event_class) -> dict:
    """What Kafka carries for the example of one event version, as readable JSON."""
    message = to_kafka_message(envelope_of(example_of(event_class)))
    return {
        "topic": message.topic,
        "key": message.key.decode(),
        "headers": {name: value.decode() for name, value in message.headers},
        "value": json.loads(message.value),
    }


@pytest.mark.parametrize("event_class", ALL_VERSIONS, ids=schema_path)
def test_the_serialised_shape_of_each_event_version_is_unchanged(event_class):
    snapshot = SNAPSHOTS / schema_path(event_class)
    shape = wire_shape(event_class)
    if UPDATING:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(json.dumps(shape, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot of {schema_path(event_class)}: run with HOANHAP_UPDATE_SNAPSHOTS=1"
    assert shape == json.loads(snapshot.read_text(encoding="utf-8"))


def test_every_snapshot_belongs_to_an_event_version_the_code_knows():
    known = {schema_path(event_class) for event_class in ALL_VERSIONS}
    assert {path.relative_to(SNAPSHOTS).as_posix() for path in SNAPSHOTS.rglob("*.json")} <= known
