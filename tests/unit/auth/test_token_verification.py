"""A bearer token is accepted only when its signature, algorithm, times, issuer, audience and claims are right,
and every refusal is a 401 whose body names the reason."""

import time
from typing import Annotated

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from hoanhap.auth import (
    AuthSettings,
    CurrentPrincipal,
    Principal,
    TokenProblem,
    TokenVerifier,
    Unauthenticated,
    install_token_verifier,
    mint_token,
    principal_dependency,
)
from tests.unit.auth.officer_tokens import OFFICER, officer_claims


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()

    @app.get("/whoami")
    async def whoami(principal: CurrentPrincipal) -> dict[str, str]:
        return {"sub": principal.sub}

    return TestClient(app)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def public_pem(private_key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    return private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def new_key(algorithm: str) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    if algorithm == "RS256":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def test_token_with_valid_claims_is_served(client, sign):
    response = client.get("/whoami", headers=bearer(sign()))
    assert response.status_code == 200 and response.json() == {"sub": "officer-7"}


def test_request_without_a_token_is_401_asking_for_a_bearer_token(client):
    response = client.get("/whoami")
    assert response.status_code == 401
    assert "missing bearer token" in response.json()["detail"]
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_basic_credentials_count_as_no_bearer_token(client):
    response = client.get("/whoami", headers={"Authorization": "Basic b2ZmaWNlcjpzZWNyZXQ="})
    assert response.status_code == 401 and "missing bearer token" in response.json()["detail"]


@pytest.mark.parametrize(("changes", "reason"), [
    ({"exp": int(time.time()) - 3600}, "token expired"),
    ({"iat": int(time.time()) + 3600}, "not valid yet"),
    ({"aud": "elsewhere"}, "audience is not 'hoanhap'"),
    ({"iss": "someone"}, "issuer is not 'hoanhap-dev'"),
    ({"exp": None}, "lacks the 'exp' claim"),
    ({"sub": None}, "lacks the 'sub' claim"),
    ({"role": None}, "claim 'role': Field required"),
    ({"role": "mayor"}, "claim 'role'"),
    ({"jurisdiction": {"province": "Hà Nội"}}, "claim 'jurisdiction.province': province code must be exactly 2"),
    ({"jurisdiction": {"province": "01", "communes": ["4"]}}, "claim 'jurisdiction.communes.0'"),
], ids=["expired", "issued-in-the-future", "wrong-audience", "wrong-issuer", "no-exp", "no-sub", "no-role",
        "unknown-role", "province-name-not-code", "bad-commune-code"])
def test_token_with_bad_claims_is_401_naming_the_reason(client, sign, changes, reason):
    response = client.get("/whoami", headers=bearer(sign(**changes)))
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


@pytest.mark.parametrize(("token", "reason"), [
    (jwt.encode(officer_claims(), "another secret of thirty-two bytes", "HS256"), "signature is not valid"),
    (jwt.encode(officer_claims(), None, "none"), "not signed with HS256"),
    (jwt.encode(officer_claims(), new_key("RS256"), "RS256"), "not signed with HS256"),
    ("not.a.token", "token is malformed"),
], ids=["other-secret", "unsigned", "other-algorithm", "garbage"])
def test_token_not_signed_with_the_configured_key_is_401_naming_the_reason(client, token, reason):
    response = client.get("/whoami", headers=bearer(token))
    assert response.status_code == 401 and reason in response.json()["detail"]


def test_each_refusal_carries_its_problem_code(sign):
    with pytest.raises(Unauthenticated) as refused:
        TokenVerifier(AuthSettings()).verify(sign(exp=int(time.time()) - 3600))
    assert refused.value.problem is TokenProblem.EXPIRED


def test_clock_skew_within_the_leeway_is_tolerated_and_beyond_it_refused(sign):
    just_expired = sign(iat=int(time.time()) - 3600, exp=int(time.time()) - 10)
    assert TokenVerifier(AuthSettings(leeway_seconds=30)).verify(just_expired) == OFFICER
    with pytest.raises(Unauthenticated, match="expired"):
        TokenVerifier(AuthSettings(leeway_seconds=0)).verify(just_expired)


@pytest.mark.parametrize("algorithm", ["RS256", "ES256"])
def test_tokens_signed_with_the_private_key_verify_against_the_configured_public_key(algorithm):
    private_key = new_key(algorithm)
    verifier = TokenVerifier(AuthSettings(algorithm=algorithm, public_key=public_pem(private_key)))

    assert verifier.verify(jwt.encode(officer_claims(), private_key, algorithm)) == OFFICER
    with pytest.raises(Unauthenticated, match="signature is not valid"):
        verifier.verify(jwt.encode(officer_claims(), new_key(algorithm), algorithm))


@pytest.mark.parametrize(("settings", "reason"), [
    (AuthSettings(algorithm="RS256"), "AUTH_PUBLIC_KEY is required when AUTH_ALGORITHM is RS256"),
    (AuthSettings(algorithm="RS256", public_key="not a key"), "AUTH_PUBLIC_KEY is not a PEM public key for RS256"),
    (AuthSettings(algorithm="RS256", public_key=public_pem(new_key("ES256"))), "not a PEM public key for RS256"),
    (AuthSettings(algorithm="ES256", public_key=new_key("ES256").private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()),
     "holds a private key"),
], ids=["no-key", "not-pem", "ec-key-for-rsa", "private-key"])
def test_unusable_public_key_stops_the_service_at_start_naming_the_variable(settings, reason):
    with pytest.raises(ValueError, match=reason):
        install_token_verifier(FastAPI(), settings)


def test_installed_verifier_is_the_one_requests_are_checked_with():
    app = FastAPI()
    settings = AuthSettings(audience="credit")
    install_token_verifier(app, settings)

    @app.get("/whoami")
    async def whoami(principal: CurrentPrincipal) -> dict[str, str]:
        return {"sub": principal.sub}

    client = TestClient(app)
    assert client.get("/whoami", headers=bearer(mint_token(settings, OFFICER, 60))).status_code == 200
    refused = client.get("/whoami", headers=bearer(mint_token(AuthSettings(), OFFICER, 60)))
    assert refused.status_code == 401 and "audience is not 'credit'" in refused.json()["detail"]


def test_principal_dependency_checks_with_the_verifier_it_was_given():
    private_key = new_key("RS256")
    verifier = TokenVerifier(AuthSettings(algorithm="RS256", public_key=public_pem(private_key)))
    app = FastAPI()

    @app.get("/whoami")
    async def whoami(principal: Annotated[Principal, Depends(principal_dependency(verifier))]) -> dict[str, str]:
        return {"sub": principal.sub}

    client = TestClient(app)
    assert client.get("/whoami", headers=bearer(jwt.encode(officer_claims(), private_key, "RS256"))).json() == {
        "sub": "officer-7"}
    assert client.get("/whoami", headers=bearer(mint_token(AuthSettings(), OFFICER, 60))).status_code == 401



def test_a_verified_token_is_remembered_until_its_expiry_and_checked_again_after_it(sign):
    now = [time.time()]
    verifier = TokenVerifier(AuthSettings(), clock=lambda: now[0])
    checks = []
    check = verifier._check
    verifier._check = lambda token: checks.append(token) or check(token)  # type: ignore[method-assign]
    token = sign(exp=int(now[0]) + 60)
    assert verifier.verify(token).sub == verifier.verify(token).sub == OFFICER.sub
    assert len(checks) == 1, "the second use came from memory"
    now[0] += 61
    verifier.verify(token)
    assert len(checks) == 2, "past its expiry the token is checked again (and refused by a real clock)"
