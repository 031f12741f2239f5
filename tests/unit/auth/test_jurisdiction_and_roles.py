"""A caller acts only inside the jurisdiction: other provinces are invisible (404), other communes forbidden (403),
and a role or agency that is not allowed is forbidden (403) with a message saying what was needed."""

import pytest
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from hoanhap.auth import (
    Agency,
    CurrentPrincipal,
    Jurisdiction,
    Principal,
    Role,
    ensure_agency,
    ensure_jurisdiction,
    ensure_record_access,
    ensure_role,
    mint_token,
    visible_to,
)
from hoanhap.auth.settings import AuthSettings
from tests.unit.auth.officer_tokens import OFFICER

PROVINCIAL_ANALYST = Principal(sub="analyst-1", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
                               jurisdiction=Jurisdiction(province="01"))


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()

    @app.get("/people/{province}/{commune}")
    async def person(province: str, commune: str, principal: CurrentPrincipal) -> dict[str, str]:
        ensure_record_access(principal, province, commune, not_found="no such person")
        return {"sub": principal.sub}

    @app.post("/communes/{province}/{commune}/releases")
    async def register(province: str, commune: str, principal: CurrentPrincipal) -> dict[str, str]:
        ensure_jurisdiction(principal, province, commune)
        return {"sub": principal.sub}

    return TestClient(app, headers={"Authorization": f"Bearer {mint_token(AuthSettings(), OFFICER, 60)}"})


def test_record_in_the_callers_commune_is_served(client):
    assert client.get("/people/01/00004").json() == {"sub": "officer-7"}


def test_record_in_another_commune_of_the_province_is_403_naming_the_commune(client):
    response = client.get("/people/01/00070")
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "commune 00070 (province 01) is outside your jurisdiction (province 01, communes 00004)")


def test_record_in_another_province_is_404_as_if_it_did_not_exist(client):
    response = client.get("/people/79/26734")
    assert response.status_code == 404 and response.json()["detail"] == "no such person"


def test_acting_at_a_place_in_another_province_is_403_naming_the_place(client):
    response = client.post("/communes/79/26734/releases")
    assert response.status_code == 403 and "commune 26734 (province 79) is outside" in response.json()["detail"]


def test_visible_to_is_true_for_the_callers_province_only():
    assert visible_to(OFFICER, "01") and not visible_to(OFFICER, "79")


def test_province_wide_jurisdiction_covers_every_commune_and_the_province_itself():
    assert PROVINCIAL_ANALYST.can_access("01", "00070") and PROVINCIAL_ANALYST.can_access("01")
    assert not PROVINCIAL_ANALYST.can_access("79", "26734")


def test_commune_jurisdiction_covers_its_communes_but_not_the_whole_province():
    assert OFFICER.can_access("01", "00004")
    assert not OFFICER.can_access("01", "00070") and not OFFICER.can_access("01")
    with pytest.raises(HTTPException) as forbidden:
        ensure_jurisdiction(OFFICER, "01")
    assert forbidden.value.status_code == 403 and forbidden.value.detail.startswith("province 01 is outside")


@pytest.mark.parametrize("communes", [None, []])
def test_absent_or_empty_commune_list_in_a_token_means_the_whole_province(communes):
    principal = Principal.model_validate({"sub": "s", "agency": "police", "role": "supervisor",
                                          "jurisdiction": {"province": "01", "communes": communes}})
    assert principal.can_access("01", "00070")


def test_role_outside_those_allowed_is_403_saying_which_roles_are_needed():
    ensure_role(OFFICER, Role.OFFICER, Role.SUPERVISOR)
    with pytest.raises(HTTPException) as forbidden:
        ensure_role(OFFICER, Role.SUPERVISOR, Role.ADMIN)
    assert forbidden.value.status_code == 403
    assert forbidden.value.detail == "this needs the role supervisor or admin; your token's role is officer"


def test_agency_outside_those_allowed_is_403_naming_both():
    ensure_agency(OFFICER, Agency.POLICE)
    with pytest.raises(HTTPException) as forbidden:
        ensure_agency(OFFICER, Agency.BANK)
    assert forbidden.value.status_code == 403 and forbidden.value.detail == "this is for bank; your token is for police"
