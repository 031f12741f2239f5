"""A second run reuses the Kafka jars the first one fetched: no Maven, no download."""

import os

import pytest

from hoanhap_devstack.kafka_jars import ensure_kafka_jars, kafka_home


def test_session_broker_jars_are_reused_with_maven_absent(endpoints, monkeypatch, capsys, tmp_path):
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS") or os.environ.get("STACK") == "containers":
        pytest.skip("the broker is not the devstack's: it fetched no jars")
    assert endpoints.kafka_bootstrap_servers
    monkeypatch.setenv("PATH", str(tmp_path))  # no mvn, no java: any fetch would fail loudly

    libs = ensure_kafka_jars()

    assert libs == kafka_home() / "libs"
    assert "fetching" not in capsys.readouterr().out
