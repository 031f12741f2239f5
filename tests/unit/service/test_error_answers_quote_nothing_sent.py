"""A 422 never quotes what was sent: every request body of every service, sent with a name, a citizen-ID-like
number or an over-long name in every field (and a field it does not know), is refused naming the fields without
any of those values (a refused place check answered with the whole body, citizen ID and name included)."""

import uuid
from itertools import product
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hoanhap.auth import Jurisdiction, Principal
from tests.support.services import bearer_headers
from tests.unit.service.test_openapi_error_answers import operations, service_apps

ROUNDS = {"name": "Mẫu{:03d} Nguyễn Thị Bình", "citizen_id": "079{:09d}",
          "long_name": "Mẫu{:03d} Nguyễn Văn Bình " + "Nguyễn Văn Bình " * 14}
COMMUNE = "00004"


def body_properties(schema: dict[str, Any], operation: dict[str, Any]) -> list[str]:
    """The names of the fields of an operation's JSON body."""
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in body:
        body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    return list(body.get("properties", {}))


def path_value(part: str) -> str:
    """A path's part as sent: the caller's commune for a commune, a new UUID for another parameter."""
    if part.startswith("{"):
        return COMMUNE if "commune" in part else str(uuid.uuid4())
    return part


def bodied_operations(app: FastAPI) -> list[tuple[str, str, str, list[str]]]:
    """Each operation taking a JSON body: its method, its path template, the path with every parameter a UUID,
    its fields."""
    schema = app.openapi()
    found = []
    for name, operation in operations(schema):
        if "application/json" in operation.get("requestBody", {}).get("content", {}):
            method, path = name.split(" ", 1)
            concrete = "/".join(path_value(part) for part in path.split("/"))
            found.append((method, path, concrete, body_properties(schema, operation)))
    return found


def allowed_caller(app: FastAPI, method: str, template: str) -> dict[str, str]:
    """A token of an agency and role the operation's rule admits, in Hà Nội's commune COMMUNE."""
    rule = app.state.access_policy.rules[f"{method} {template}"]
    principal = Principal(sub="sweeper", agency=min(rule.agencies), role=min(rule.roles),
                          jurisdiction=Jurisdiction(province="01", communes=(COMMUNE,)))
    return bearer_headers(principal)


def faults_of_the_answer(app: FastAPI, method: str, path: str, template: str, sent: dict[str, str]) -> list[str]:
    """What is wrong with the answer to a refused body: not a 422, a value sent quoted, a problem naming no field."""
    answer = TestClient(app).request(method, path, json=sent, headers=allowed_caller(app, method, template))
    if answer.status_code != 422:
        return [f"{method} {template}: {answer.status_code}"]
    faults = [f"{method} {template} quotes {value[:12]!r}" for value in sent.values() if value[:12] in answer.text]
    located = [problem["loc"] for problem in answer.json()["detail"] if problem["loc"][0] == "body"]
    return faults + [f"{method} {template} names no field: {location}" for location in located if len(location) < 2]


@pytest.mark.parametrize("service", range(3), ids=["registry", "supervision", "credit"])
def test_a_refused_body_is_answered_naming_its_fields_and_quoting_none_of_its_values(service):
    app = [app for app in service_apps() if "stats" not in app.title][service]
    faults = []
    for (method, template, path, fields), form in product(bodied_operations(app), ROUNDS.values()):
        sent = {field: form.format(number) for number, field in enumerate(fields)}
        sent["field_nobody_declared"] = form.format(999)
        faults += faults_of_the_answer(app, method, path, template, sent)
    assert faults == []
