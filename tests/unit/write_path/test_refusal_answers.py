"""The kit's refusals answer 404, 403, 409 (with the current version and its ETag when stale) and 422 at the
field, in the shape of every error answer; a service's own domain errors are answered as the refusal they map to."""

from fastapi import FastAPI

from hoanhap.write_path import errors as kit
from tests.unit.write_path.kit_apps import client_of


class CaseClosedAlready(Exception):
    """A domain error, free of the kit."""


def app_raising() -> FastAPI:
    app = FastAPI()
    refusals = {"missing": kit.NotFound("no such person"), "elsewhere": kit.Forbidden("outside your jurisdiction"),
                "conflict": kit.Conflict("already confirmed"), "stale": kit.StaleVersion(4),
                "rule": kit.RuleViolation("confirmed_on", "is before the notification")}

    @app.get("/{kind}")
    async def refuse(kind: str) -> None:
        if kind == "domain":
            raise CaseClosedAlready("the case is closed")
        raise refusals[kind]

    return app


def test_each_refusal_has_its_status_and_says_why():
    client = client_of(app_raising())
    assert client.get("/missing").status_code == 404 and client.get("/missing").json() == {
        "detail": "no such person"}
    assert client.get("/elsewhere").status_code == 403
    assert client.get("/conflict").json() == {"detail": "already confirmed"}


def test_a_stale_version_answers_409_with_the_current_version_and_its_etag():
    answer = client_of(app_raising()).get("/stale")
    assert answer.status_code == 409 and answer.json()["current_version"] == 4 and answer.headers["ETag"] == '"4"'


def test_a_rule_violation_answers_422_at_the_field():
    answer = client_of(app_raising()).get("/rule")
    assert answer.status_code == 422
    assert answer.json()["detail"] == [{"loc": ["body", "confirmed_on"], "msg": "is before the notification",
                                        "type": "rule_violation"}]


def test_a_domain_error_is_answered_as_the_refusal_it_maps_to():
    client = client_of(app_raising(), {CaseClosedAlready: lambda error: kit.Conflict(str(error))})
    answer = client.get("/domain")
    assert answer.status_code == 409 and answer.json() == {"detail": "the case is closed"}
