"""Every request gets a correlation id (in its log lines and its response), one access line by route template
without the path's values or the query string, and a latency observation served at /metrics."""

import uuid

import pytest
import structlog
from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from hoanhap.observability import install_observability


def observed_app(service: str | None = "registry") -> FastAPI:
    app = FastAPI()
    install_observability(app, service)

    @app.get("/people/{person_id}")
    async def person(person_id: str) -> dict[str, str]:
        structlog.get_logger("test").info("inside the request")
        return {"person_id": person_id}

    @app.get("/failing")
    async def failing() -> None:
        raise RuntimeError("database unreachable")

    return app


@pytest.fixture
def client() -> TestClient:
    return TestClient(observed_app(), raise_server_exceptions=False)


def test_response_carries_a_new_correlation_id_when_none_was_sent(client):
    assert uuid.UUID(client.get("/people/1").headers["x-correlation-id"])


def test_valid_incoming_correlation_id_is_reused(client):
    given = str(uuid.uuid4())
    assert client.get("/people/1", headers={"X-Correlation-ID": given}).headers["x-correlation-id"] == given


def test_invalid_incoming_correlation_id_is_replaced_by_a_new_uuid(client):
    replaced = client.get("/people/1", headers={"X-Correlation-ID": "Nguyen Van A"}).headers["x-correlation-id"]
    assert uuid.UUID(replaced)


def test_lines_logged_inside_a_request_carry_its_correlation_id(client, json_lines):
    correlation_id = client.get("/people/1").headers["x-correlation-id"]

    inside = next(line for line in json_lines() if line["event"] == "inside the request")
    assert inside["correlation_id"] == correlation_id and inside["service"] == "registry"


def test_access_line_names_method_route_template_status_and_duration_but_no_values(client, json_lines):
    client.get("/people/079090001234?name=Nguyen%20Van%20A")

    [access] = [line for line in json_lines() if line["event"] == "request"]
    assert (access["method"], access["route"], access["status"]) == ("GET", "/people/{person_id}", 200)
    assert access["duration_ms"] >= 0 and access["correlation_id"]
    assert "079090001234" not in str(access) and "Nguyen" not in str(access)


def test_failing_request_is_logged_as_an_error_with_status_500(client, json_lines):
    assert client.get("/failing").status_code == 500

    [access] = [line for line in json_lines() if line["event"] == "request"]
    assert (access["level"], access["status"], access["route"]) == ("error", 500, "/failing")


def test_health_checks_and_scrapes_write_no_access_line(json_lines):
    app = observed_app()
    app.add_api_route("/health/live", lambda: {"status": "live"})
    client = TestClient(app)
    client.get("/health/live")
    client.get("/metrics")

    assert [line for line in json_lines() if line["event"] == "request"] == []


def test_request_latency_is_observed_by_method_route_template_and_status(client):
    labels = {"method": "GET", "route": "/people/{person_id}", "status": "200"}
    before = REGISTRY.get_sample_value("hoanhap_http_request_duration_seconds_count", labels) or 0
    client.get("/people/1")

    assert REGISTRY.get_sample_value("hoanhap_http_request_duration_seconds_count", labels) == before + 1


def test_requests_to_no_route_are_counted_as_unmatched_never_by_their_path(client):
    client.get("/no/such/079090001234")
    body = client.get("/metrics").text

    assert 'route="unmatched",status="404"' in body and "079090001234" not in body
