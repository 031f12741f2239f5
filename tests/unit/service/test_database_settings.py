"""A service and its audit commands read their database from the same variables, declared once."""

import pytest
from pydantic import ValidationError

from hoanhap.eventstore.audit.settings import AuditSettings
from hoanhap.service.settings import DatabaseSettings, ServiceSettings


@pytest.mark.parametrize("settings_class", [ServiceSettings, AuditSettings])
def test_database_url_and_schema_come_from_the_one_declaration(settings_class, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.example/hoanhap_registry")
    monkeypatch.setenv("DATABASE_SCHEMA", "audited")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092")
    settings = settings_class()
    assert issubclass(settings_class, DatabaseSettings)
    assert (settings.database_url, settings.database_schema) == ("postgresql://db.example/hoanhap_registry", "audited")


@pytest.mark.parametrize("settings_class", [ServiceSettings, AuditSettings])
def test_a_schema_that_is_no_plain_identifier_is_refused(settings_class):
    with pytest.raises(ValidationError, match="database_schema"):
        settings_class(database_url="postgresql://db.example/x", kafka_bootstrap_servers="k:9092",
                       database_schema="public; drop table events")
