"""Every operation of every service's OpenAPI lists the error answers it can give, each with its body: 401, 413
and 431 everywhere, 400 where a JSON body is parsed, 403 where the access policy restricts the caller; an endpoint
added later gets them without declaring them."""

from typing import Any

from fastapi.testclient import TestClient
from pydantic import BaseModel

from hoanhap.auth.policy import PUBLIC, AccessPolicy, Where, allow
from hoanhap.auth.principal import Agency, Role
from hoanhap.service.app import create_service_app
from hoanhap.service.settings import ServiceSettings

EVERY_OPERATION = {"401", "413", "431"}


def service_apps():
    from hoanhap_credit.app import create_app as credit
    from hoanhap_credit.settings import CreditSettings
    from hoanhap_registry.app import create_app as registry
    from hoanhap_registry.settings import RegistrySettings
    from hoanhap_stats.app import create_app as stats
    from hoanhap_stats.settings import StatsSettings
    from hoanhap_supervision.app import create_app as supervision
    from hoanhap_supervision.settings import SupervisionSettings
    return [registry(RegistrySettings()), stats(StatsSettings()), supervision(SupervisionSettings()),
            credit(CreditSettings())]


def operations(schema: dict[str, Any]):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def missing_error_answers(schema: dict[str, Any], policy: AccessPolicy) -> list[str]:
    """Each operation's error answers that are missing or have no body, as 'METHOD /path: status'."""
    missing = []
    for name, operation in operations(schema):
        expected = set(EVERY_OPERATION)
        if "application/json" in operation.get("requestBody", {}).get("content", {}):
            expected.add("400")
        if not policy.rules[name].public:
            expected.add("403")
        responses = operation["responses"]
        missing += [f"{name}: {status}" for status in sorted(expected - set(responses))]
        missing += [f"{name}: {status} has no body" for status, response in responses.items()
                    if int(status) >= 400 and "schema" not in response.get("content", {}).get("application/json", {})]
    return missing


def test_every_operation_of_every_service_lists_its_error_answers_with_their_bodies():
    for app in service_apps():
        schema = app.openapi()
        assert missing_error_answers(schema, app.state.access_policy) == [], app.title
        assert {"ErrorAnswer", "ProblemsAnswer"} <= set(schema["components"]["schemas"]), app.title


class Note(BaseModel):
    text: str


def test_an_endpoint_added_without_declaring_errors_gets_them_all():
    policy = AccessPolicy("test", {"POST /v1/notes": allow([Agency.POLICE], [Role.OFFICER], Where.NOWHERE),
                                   "GET /v1/open": PUBLIC})
    app = create_service_app("test", ServiceSettings(), policy)

    @app.post("/v1/notes")
    async def notes(note: Note) -> dict[str, str]:
        return {}

    @app.get("/v1/open")
    async def open_to_all() -> dict[str, str]:
        return {}

    schema = TestClient(app).get("/openapi.json").json()
    assert missing_error_answers(schema, policy) == []
    assert set(schema["paths"]["/v1/notes"]["post"]["responses"]) >= {"400", "401", "403", "413", "422", "431"}
    assert "403" not in schema["paths"]["/v1/open"]["get"]["responses"]
    assert schema["paths"]["/v1/notes"]["post"]["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ProblemsAnswer"}


def test_every_operation_says_whether_a_token_is_required_as_its_access_policy_does():
    for app in service_apps():
        policy = app.state.access_policy
        wrong = [name for name, operation in operations(app.openapi())
                 if ({} in operation.get("security", [])) != policy.rules[name].public]
        assert wrong == [], app.title
