"""Request bodies are held to their endpoint's limit as they arrive, before the token is checked and before
anything parses them: a declared length above it is refused unread, a body sent without one is refused once the
bytes received pass it."""

import asyncio

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from pydantic import BaseModel

from hoanhap.auth import Agency, AuthSettings, Jurisdiction, Principal, Role, mint_token
from hoanhap.auth.policy import AccessPolicy, Where, allow
from hoanhap.auth.settings import service_audience
from hoanhap.service.app import create_service_app
from hoanhap.service.request_limits import (
    JSON_BODY_BYTES,
    UPLOAD_BODY_BYTES,
    BodyTooLarge,
    body_limit,
    counting_receiver,
)
from hoanhap.service.settings import ServiceSettings

OFFICERS = allow([Agency.POLICE], [Role.OFFICER], Where.NOWHERE)


class Note(BaseModel):
    text: str


def limited_app():
    app = create_service_app("test", ServiceSettings(), AccessPolicy("test", {"POST /v1/notes": OFFICERS,
                                                                              "POST /v1/files": OFFICERS}))
    app.state.handled = []

    @app.post("/v1/notes")
    async def notes(note: Note) -> dict[str, int]:
        app.state.handled.append("note")
        return {"characters": len(note.text)}

    @app.post("/v1/files", openapi_extra=body_limit(UPLOAD_BODY_BYTES))
    async def files(request: Request) -> dict[str, int]:
        app.state.handled.append("file")
        return {"bytes": len(await request.body())}

    return app


def officer() -> dict[str, str]:
    principal = Principal(sub="someone", agency=Agency.POLICE, role=Role.OFFICER,
                          jurisdiction=Jurisdiction(province="01"))
    return {"Authorization": f"Bearer {mint_token(AuthSettings(), principal, 60, [service_audience('test')])}"}


def test_a_json_body_above_its_limit_is_refused_with_413_naming_the_limit_and_no_handler_runs():
    app = limited_app()
    answer = TestClient(app).post("/v1/notes", content=b'{"text": "' + b"x" * JSON_BODY_BYTES + b'"}',
                                  headers={**officer(), "Content-Type": "application/json"})
    assert answer.status_code == 413
    assert f"at most {JSON_BODY_BYTES:,} bytes" in answer.json()["detail"]
    assert answer.headers["connection"] == "close"
    assert app.state.handled == []


def test_a_large_body_without_a_token_is_refused_as_too_large_before_the_token_is_asked_for():
    answer = TestClient(limited_app()).post("/v1/notes", content=b"x" * (JSON_BODY_BYTES + 1))
    assert answer.status_code == 413


def test_a_body_larger_than_any_endpoint_takes_is_refused_before_routing():
    answer = TestClient(limited_app()).post("/v1/nowhere", content=b"x" * (UPLOAD_BODY_BYTES + 1))
    assert answer.status_code == 413 and "no endpoint of this service" in answer.json()["detail"]


def test_an_upload_endpoint_takes_a_body_above_the_json_limit_up_to_its_own():
    client = TestClient(limited_app())
    taken = client.post("/v1/files", content=b"x" * (2 * JSON_BODY_BYTES), headers=officer())
    assert taken.status_code == 200 and taken.json() == {"bytes": 2 * JSON_BODY_BYTES}
    refused = client.post("/v1/files", content=b"x" * (UPLOAD_BODY_BYTES + 1), headers=officer())
    assert refused.status_code == 413


def test_a_body_sent_without_its_length_is_refused_once_it_passes_the_limit_without_reading_the_rest():
    chunks = [{"type": "http.request", "body": b"x" * 65536, "more_body": True}] * 100
    read = []

    async def receive():
        read.append(chunks[len(read)])
        return read[-1]

    receiver = counting_receiver({"type": "http", "headers": []}, receive, None)

    async def read_all():
        while True:
            await receiver()

    with pytest.raises(BodyTooLarge):
        asyncio.run(read_all())
    assert len(read) == JSON_BODY_BYTES // 65536 + 1


def test_a_declared_length_above_the_endpoints_limit_is_refused_before_any_byte_is_read():
    read = []

    async def receive():
        read.append(1)
        return {"type": "http.request", "body": b"", "more_body": False}

    receiver = counting_receiver({"type": "http", "headers": []}, receive, JSON_BODY_BYTES + 1)
    with pytest.raises(BodyTooLarge, match="is 1,048,577 bytes"):
        asyncio.run(receiver())
    assert read == []
