"""Servers named in the environment are used as they are: the devstack starts nothing for them."""

from hoanhap_devstack.stack import LocalStack


def test_given_kafka_and_postgres_are_returned_and_nothing_is_started(tmp_path, monkeypatch):
    monkeypatch.setenv("HOANHAP_CACHE", str(tmp_path))
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092")
    monkeypatch.setenv("POSTGRES_URL", "postgresql://app@db.example:5432/postgres")
    monkeypatch.setenv("PATH", str(tmp_path))  # no java, no postgres: starting anything would fail

    stack = LocalStack("given")
    endpoints = stack.start()
    stack.stop()

    assert endpoints.kafka_bootstrap_servers == "kafka.example:9092"
    assert endpoints.database_url("hoanhap_credit") == "postgresql://app@db.example:5432/hoanhap_credit"
    assert list(tmp_path.rglob("*.pid")) == []
