"""A method the path does not serve is answered 405 with every method it does serve in Allow, though GET and POST
of a case's assessments and visits come from two routers."""

import base64

import pytest
from fastapi.testclient import TestClient

from hoanhap_supervision.app import create_app
from hoanhap_supervision.settings import SupervisionSettings

PERSON = "/v1/people/e3e70682-c209-1cac-a29f-6fbed82c07cd"


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nowhere/none")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "nowhere:9")
    monkeypatch.setenv("NOTES_MASTER_KEY", base64.b64encode(b"n" * 32).decode())
    return TestClient(create_app(SupervisionSettings()))  # not entered: no lifespan, no servers


@pytest.mark.parametrize("path", [f"{PERSON}/assessments", f"{PERSON}/visits"])
def test_a_405_lists_get_and_post(client, path):
    answer = client.request("OPTIONS", path)
    assert answer.status_code == 405
    assert answer.headers["Allow"] == "GET, POST"


def test_other_http_errors_keep_their_answer(client):
    assert client.get("/v1/nowhere").status_code == 404
    assert client.request("PUT", "/v1/communes/00004/caseload").headers["Allow"] == "GET"
