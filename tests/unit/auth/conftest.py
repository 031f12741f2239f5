"""Auth tests run with the development settings whatever the shell exports."""

from collections.abc import Callable

import jwt
import pytest

from hoanhap.auth.settings import DEVELOPMENT_SECRET
from tests.unit.auth.officer_tokens import officer_claims


@pytest.fixture(autouse=True)
def development_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("ALGORITHM", "SECRET", "PUBLIC_KEY", "ISSUER", "AUDIENCE", "LEEWAY_SECONDS",
                     "MAX_LIFETIME_SECONDS"):
        monkeypatch.delenv(f"AUTH_{variable}", raising=False)


@pytest.fixture
def sign() -> Callable[..., str]:
    """Sign the officer's claims, with changes, using the development secret."""

    def signed(**changes: object) -> str:
        return jwt.encode(officer_claims(**changes), DEVELOPMENT_SECRET, algorithm="HS256")

    return signed
