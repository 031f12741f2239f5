"""`hoanhap-token` prints a development token a service with the same settings accepts, and refuses clearly."""

import jwt
import pytest

from hoanhap.auth import Agency, AuthSettings, Jurisdiction, Principal, Role, TokenVerifier, Unauthenticated
from hoanhap.auth.mint import main
from hoanhap.auth.settings import service_audience
from tests.unit.auth.officer_tokens import OFFICER


def minted(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    assert main(list(arguments)) == 0
    return capsys.readouterr().out.strip()


def test_minted_token_verifies_to_the_principal_asked_for(capsys):
    token = minted(capsys, "--agency", "police", "--role", "officer", "--province", "01", "--commune", "00004",
                   "--sub", "officer-7")
    assert TokenVerifier(AuthSettings(), service_audience("registry")).verify(token) == OFFICER


def test_minted_token_without_communes_covers_the_whole_province_for_the_default_user(capsys):
    token = minted(capsys, "--agency", "steering_committee", "--role", "analyst", "--province", "79")
    assert TokenVerifier(AuthSettings(), service_audience("stats")).verify(token) == Principal(
        sub="dev-user", issuer="hoanhap-dev", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
        jurisdiction=Jurisdiction(province="79"))


def test_minted_token_is_for_the_agencys_own_services_unless_others_are_named(capsys):
    police = minted(capsys, "--agency", "police", "--role", "officer", "--province", "01")
    for_credit = minted(capsys, "--agency", "police", "--role", "officer", "--province", "01", "--service", "credit")
    for service in ("registry", "supervision", "stats"):
        assert TokenVerifier(AuthSettings(), service_audience(service)).verify(police).sub == "dev-user"
    with pytest.raises(Unauthenticated, match="audience is not 'hoanhap-credit'"):
        TokenVerifier(AuthSettings(), service_audience("credit")).verify(police)
    assert TokenVerifier(AuthSettings(), service_audience("credit")).verify(for_credit).sub == "dev-user"
    with pytest.raises(Unauthenticated, match="audience is not 'hoanhap-registry'"):
        TokenVerifier(AuthSettings(), service_audience("registry")).verify(for_credit)


def test_token_for_a_place_that_is_not_official_is_refused(capsys):
    assert main(["--agency", "police", "--role", "officer", "--province", "99"]) == 2
    assert "province 99 is not an official province code" in capsys.readouterr().err
    assert main(["--agency", "police", "--role", "officer", "--province", "79", "--commune", "00004"]) == 2
    assert "communes 00004 are not official communes of province 79" in capsys.readouterr().err


def test_token_living_longer_than_the_services_accept_is_not_minted(capsys):
    assert main(["--agency", "police", "--role", "officer", "--province", "01", "--ttl", "7d"]) == 2
    assert "a token must live from one second to 86400 s" in capsys.readouterr().err


def test_minted_token_lives_as_long_as_the_ttl_asked_for(capsys):
    token = minted(capsys, "--agency", "bank", "--role", "officer", "--province", "01", "--ttl", "30m")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 1800


def test_minted_token_is_signed_with_the_secret_and_issuer_of_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("AUTH_SECRET", "a deployment's own development secret, 32+ bytes")
    monkeypatch.setenv("AUTH_ISSUER", "hoanhap-staging")
    token = minted(capsys, "--agency", "police", "--role", "officer", "--province", "01")
    assert TokenVerifier(AuthSettings(), service_audience("registry")).verify(token).sub == "dev-user"
    monkeypatch.delenv("AUTH_SECRET")
    with pytest.raises(Exception, match="signature"):
        TokenVerifier(AuthSettings(), service_audience("registry")).verify(token)


def test_minting_is_refused_when_tokens_are_not_hs256(capsys, monkeypatch):
    monkeypatch.setenv("AUTH_ALGORITHM", "RS256")
    assert main(["--agency", "police", "--role", "officer", "--province", "01"]) == 2
    output = capsys.readouterr()
    assert output.out == "" and "need AUTH_ALGORITHM=HS256" in output.err


def test_province_name_instead_of_code_is_refused_with_the_rule(capsys):
    assert main(["--agency", "police", "--role", "officer", "--province", "Hà Nội"]) == 2
    assert "province code must be exactly 2 digits, got 'Hà Nội'" in capsys.readouterr().err


def test_unreadable_ttl_is_a_usage_error_with_an_example(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--agency", "police", "--role", "officer", "--province", "01", "--ttl", "8 hours"])
    assert exit_.value.code == 2 and "such as 90s, 30m, 8h or 7d" in capsys.readouterr().err
