"""A caller acts only inside the jurisdiction: other provinces' records are invisible (404), other communes'
forbidden (403) without saying where they are; a place the caller names outside it is forbidden naming it. Agency
and role are the access policy's (tests/unit/auth/test_access_policy.py)."""

import pytest
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

from hoanhap.auth import (
    Agency,
    CurrentPrincipal,
    Jurisdiction,
    Principal,
    Role,
    ensure_jurisdiction,
    mint_token,
)
from hoanhap.auth.settings import AuthSettings
from hoanhap.write_path.error_answers import install_error_handlers
from hoanhap.write_path.jurisdiction import ensure_place_access
from tests.unit.auth.officer_tokens import OFFICER

PROVINCIAL_ANALYST = Principal(sub="analyst-1", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
                               jurisdiction=Jurisdiction(province="01"))


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/people/{province}/{commune}")
    async def person(province: str, commune: str, principal: CurrentPrincipal) -> dict[str, str]:
        ensure_place_access(principal, province, commune, not_found="no such person")
        return {"sub": principal.sub}

    @app.post("/communes/{province}/{commune}/releases")
    async def register(province: str, commune: str, principal: CurrentPrincipal) -> dict[str, str]:
        ensure_jurisdiction(principal, province, commune)
        return {"sub": principal.sub}

    return TestClient(app, headers={"Authorization": f"Bearer {mint_token(AuthSettings(), OFFICER, 60)}"})


def test_record_in_the_callers_commune_is_served(client):
    assert client.get("/people/01/00004").json() == {"sub": "officer-7"}


def test_record_in_another_commune_of_the_province_is_403_without_naming_where_it_is(client):
    response = client.get("/people/01/00070")
    assert response.status_code == 403
    assert response.json()["detail"] == "this record is outside your jurisdiction (province 01, communes 00004)"
    assert "00070" not in response.text


def test_record_in_another_province_is_404_as_if_it_did_not_exist(client):
    response = client.get("/people/79/26734")
    assert response.status_code == 404 and response.json()["detail"] == "no such person"


def test_acting_at_a_place_in_another_province_is_403_naming_the_place(client):
    response = client.post("/communes/79/26734/releases")
    assert response.status_code == 403 and "commune 26734 (province 79) is outside" in response.json()["detail"]


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
