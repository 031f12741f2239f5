"""Bearer tokens: the reason for every refusal, and jurisdiction as 403 (other commune) or 404 (other province)."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hoanhap.auth import AuthSettings, CurrentPrincipal, TokenVerifier, Unauthenticated, ensure_jurisdiction
from hoanhap.auth.mint import main as mint_main
from hoanhap.auth.principal import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.tokens import mint_token

SETTINGS = AuthSettings()
OFFICER = Principal(sub="officer-7", agency=Agency.POLICE, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01", communes=("00004",)))


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()

    @app.get("/people/{province}/{commune}")
    def person(province: str, commune: str, principal: CurrentPrincipal) -> dict[str, str]:
        ensure_jurisdiction(principal, province, commune)
        return {"sub": principal.sub}

    return TestClient(app)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def claims(**changes: object) -> dict[str, object]:
    now = int(time.time())
    base = {**OFFICER.model_dump(mode="json"), "iat": now, "exp": now + 86_400, "iss": SETTINGS.issuer,
            "aud": SETTINGS.audience}
    return {key: value for key, value in {**base, **changes}.items() if value is not None}


def test_minted_token_verifies_to_the_same_principal(capsys):
    assert mint_main(["--agency", "police", "--role", "officer", "--province", "01", "--commune", "00004",
                      "--sub", "officer-7"]) == 0
    token = capsys.readouterr().out.strip()
    assert TokenVerifier(SETTINGS).verify(token) == OFFICER


def test_caller_inside_jurisdiction_is_served(client):
    response = client.get("/people/01/00004", headers=bearer(mint_token(SETTINGS, OFFICER, 60)))
    assert response.status_code == 200 and response.json() == {"sub": "officer-7"}


def test_other_commune_of_the_same_province_is_forbidden(client):
    response = client.get("/people/01/00070", headers=bearer(mint_token(SETTINGS, OFFICER, 60)))
    assert response.status_code == 403
    assert "00070 is outside your jurisdiction" in response.json()["detail"]


def test_other_province_is_invisible(client):
    response = client.get("/people/79/26734", headers=bearer(mint_token(SETTINGS, OFFICER, 60)))
    assert response.status_code == 404


@pytest.mark.parametrize(("token", "reason"), [
    (None, "missing bearer token"),
    (jwt.encode(claims(exp=int(time.time()) - 10), SETTINGS.secret, "HS256"), "token expired"),
    (jwt.encode(claims(), "another secret", "HS256"), "signature is not valid"),
    (jwt.encode(claims(aud="elsewhere"), SETTINGS.secret, "HS256"), "audience is not 'hoanhap'"),
    (jwt.encode(claims(iss="someone"), SETTINGS.secret, "HS256"), "issuer is not 'hoanhap-dev'"),
    (jwt.encode(claims(role=None), SETTINGS.secret, "HS256"), "claim 'role'"),
    (jwt.encode(claims(jurisdiction={"province": "Hà Nội"}), SETTINGS.secret, "HS256"),
     "claim 'jurisdiction.province'"),
    ("not.a.token", "malformed"),
])
def test_unusable_token_is_401_naming_the_reason(client, token, reason):
    response = client.get("/people/01/00004", headers=bearer(token) if token else {})
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_rs256_tokens_verify_with_the_configured_public_key():
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    settings = AuthSettings(algorithm="RS256", public_key=public_pem)
    token = jwt.encode(claims(), private_key, algorithm="RS256")

    assert TokenVerifier(settings).verify(token) == OFFICER
    with pytest.raises(Unauthenticated, match="signature"):
        TokenVerifier(settings).verify(jwt.encode(claims(), rsa.generate_private_key(65537, 2048), "RS256"))


def test_minting_is_refused_outside_development_signing(capsys, monkeypatch):
    monkeypatch.setenv("AUTH_ALGORITHM", "RS256")
    assert mint_main(["--agency", "police", "--role", "officer", "--province", "01"]) == 2
    assert "AUTH_ALGORITHM=HS256" in capsys.readouterr().err
