"""Every endpoint of every service has a declared rule (and every rule a real endpoint); the policy is enforced
before the handler, fails closed for an endpoint without a rule, and a service with one does not start."""

import base64
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hoanhap.auth import Agency, AuthSettings, Jurisdiction, Principal, Role, mint_token
from hoanhap.auth.policy import PUBLIC, AccessPolicy, Where, allow, endpoints_of
from hoanhap.auth.settings import service_audience
from hoanhap.service.app import create_service_app
from hoanhap.service.settings import ServiceSettings

KEY = base64.b64encode(b"k" * 32).decode()


@pytest.fixture
def service_environment(monkeypatch):
    for name, value in {"DATABASE_URL": "postgresql://nowhere/none", "KAFKA_BOOTSTRAP_SERVERS": "nowhere:9",
                        "IDENTITY_MASTER_KEY": KEY, "IDENTITY_DIGEST_KEY": KEY,
                        "NOTES_MASTER_KEY": KEY, "BORROWER_MASTER_KEY": KEY}.items():
        monkeypatch.setenv(name, value)


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


def test_every_endpoint_of_every_service_has_a_rule_and_every_rule_an_endpoint(service_environment):
    for app in service_apps():
        policy: AccessPolicy = app.state.access_policy
        assert policy.undeclared(app) == [], policy.service
        assert set(policy.rules) == set(endpoints_of(app)), f"{policy.service}: rules for endpoints it lacks"


def test_each_service_requires_tokens_of_its_own_audience(service_environment):
    audiences = {app.state.access_policy.service: app.state.token_verifier.audience for app in service_apps()}
    assert audiences == {service: service_audience(service) for service in ("registry", "stats", "supervision",
                                                                            "credit")}


def app_with(policy: AccessPolicy) -> FastAPI:
    app = create_service_app("test", ServiceSettings(database_url="postgresql://nowhere/none",
                                                     kafka_bootstrap_servers="nowhere:9"), policy)
    handled = []
    app.state.handled = handled

    @app.get("/v1/communes/{commune_code}/things")
    async def things(commune_code: str) -> dict[str, str]:
        handled.append(commune_code)
        return {"commune_code": commune_code}

    @app.get("/v1/undeclared")
    async def undeclared() -> dict[str, str]:
        handled.append("undeclared")
        return {}

    return app


def token(agency: Agency, role: Role, communes: tuple[str, ...] = ()) -> dict[str, str]:
    principal = Principal(sub="someone", agency=agency, role=role,
                          jurisdiction=Jurisdiction(province="01", communes=communes))
    settings = AuthSettings()
    return {"Authorization": f"Bearer {mint_token(settings, principal, 60, [service_audience('test')])}"}


POLICY = AccessPolicy("test", {
    "GET /v1/communes/{commune_code}/things": allow([Agency.POLICE], [Role.OFFICER], Where.PATH_COMMUNE)})


def test_the_rule_is_checked_before_the_handler_runs():
    app = app_with(POLICY)
    client = TestClient(app)
    assert client.get("/v1/communes/00004/things").status_code == 401
    refused = client.get("/v1/communes/00004/things", headers=token(Agency.BANK, Role.OFFICER))
    assert refused.status_code == 403 and "this is for police with the role officer" in refused.json()["detail"]
    assert client.get("/v1/communes/00004/things", headers=token(Agency.POLICE, Role.ANALYST)).status_code == 403
    elsewhere = client.get("/v1/communes/00004/things", headers=token(Agency.POLICE, Role.OFFICER, ("00070",)))
    assert elsewhere.status_code == 403 and "commune 00004 is outside your jurisdiction" in elsewhere.json()["detail"]
    another_province = client.get("/v1/communes/26734/things", headers=token(Agency.POLICE, Role.OFFICER))
    assert another_province.status_code == 403
    assert app.state.handled == []
    assert client.get("/v1/communes/00004/things", headers=token(Agency.POLICE, Role.OFFICER)).status_code == 200
    assert app.state.handled == ["00004"]


def test_an_endpoint_without_a_rule_is_refused_to_everyone_and_the_service_does_not_start():
    app = app_with(POLICY)
    answer = TestClient(app).get("/v1/undeclared", headers=token(Agency.POLICE, Role.SUPERVISOR))
    assert answer.status_code == 403 and "no access policy" in answer.json()["detail"]
    assert app.state.handled == []
    with pytest.raises(ValueError, match="no access policy for GET /v1/undeclared"), TestClient(app):
        pass


def test_a_public_endpoint_needs_no_token_but_refuses_a_bad_one():
    app = app_with(AccessPolicy("test", {"GET /v1/communes/{commune_code}/things": PUBLIC}))
    client = TestClient(app)
    assert client.get("/v1/communes/00004/things").status_code == 200
    assert client.get("/v1/communes/00004/things", headers={"Authorization": "Bearer nonsense"}).status_code == 401


def test_the_registrys_policy_keeps_people_to_police_caseworkers_and_erasure_to_supervisors():
    from hoanhap_registry.access_policy import POLICY as REGISTRY
    for endpoint, rule in REGISTRY.rules.items():
        if not endpoint.split(" ", 1)[1].startswith("/v1/"):
            continue
        assert not rule.public and rule.agencies == {Agency.POLICE}, endpoint
        assert Role.ANALYST not in rule.roles and Role.ADMIN not in rule.roles, endpoint
        ending = endpoint.rsplit("/", 1)[1]
        assert (rule.roles == {Role.SUPERVISOR}) == (ending in ("closure", "erasure")), endpoint


def test_operations_endpoints_are_open_to_monitoring_in_every_service(service_environment):
    for app in service_apps():
        for endpoint in ("GET /health/live", "GET /health/ready", "GET /metrics"):
            assert app.state.access_policy.rules[endpoint] is PUBLIC


def test_docs_list_each_services_policy_as_declared(service_environment):
    documented = (Path(__file__).parents[3] / "docs" / "authorization.md").read_text()
    for app in service_apps():
        table = app.state.access_policy.table()
        assert table in documented, f"docs/authorization.md should hold this table:\n{table}"
