"""Every request gets a correlation id, one access line without query strings, and a latency observation."""

import json
import logging
import uuid

import pytest
import structlog
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hoanhap.observability import configure_logging, install_observability


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()
    install_observability(app)

    @app.get("/people/{person_id}")
    def person(person_id: str) -> dict[str, str]:
        structlog.get_logger("test").info("inside the request")
        return {"person_id": person_id}

    return TestClient(app)


@pytest.fixture
def log_lines(capsys):
    """Call it once to start JSON logging (inside the test, where pytest leaves the root logger alone), then
    again to read the lines written since."""
    started = False

    def lines() -> list[dict]:
        nonlocal started
        if not started:
            configure_logging("registry", as_json=True)
            started = True
        return [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]

    yield lines
    logging.getLogger().handlers = []


def test_response_carries_a_new_correlation_id_when_none_was_sent(client):
    assert uuid.UUID(client.get("/people/1").headers["x-correlation-id"])


def test_valid_incoming_correlation_id_is_reused_and_an_invalid_one_replaced(client):
    given = str(uuid.uuid4())
    assert client.get("/people/1", headers={"X-Correlation-ID": given}).headers["x-correlation-id"] == given
    replaced = client.get("/people/1", headers={"X-Correlation-ID": "not-a-uuid"}).headers["x-correlation-id"]
    assert uuid.UUID(replaced) and replaced != "not-a-uuid"


def test_log_lines_inside_a_request_are_json_with_its_correlation_id_and_service(client, log_lines):
    log_lines()
    correlation_id = client.get("/people/1").headers["x-correlation-id"]
    lines = log_lines()
    inside = next(line for line in lines if line["event"] == "inside the request")
    assert inside["correlation_id"] == correlation_id
    assert inside["service"] == "registry"
    assert inside["timestamp"].endswith("Z")


def test_access_line_names_the_route_template_never_the_query_string(client, log_lines):
    log_lines()
    client.get("/people/079090001234?name=Nguyen%20Van%20A")
    access = [line for line in log_lines() if line["event"] == "request"]
    assert access and access[-1]["route"] == "/people/{person_id}"
    assert "079090001234" not in json.dumps(access) and "Nguyen" not in json.dumps(access)


def test_metrics_endpoint_serves_the_request_latency_histogram(client):
    client.get("/people/1")
    body = client.get("/metrics").text
    assert 'hoanhap_http_request_duration_seconds_count{method="GET",route="/people/{person_id}",status="200"}' in body
