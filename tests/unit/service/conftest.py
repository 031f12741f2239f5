"""Service-frame tests build apps with placeholder servers (nothing is started) and the development tokens."""

import base64

import pytest

KEY = base64.b64encode(b"k" * 32).decode()


@pytest.fixture(autouse=True)
def service_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"DATABASE_URL": "postgresql://nowhere/none", "KAFKA_BOOTSTRAP_SERVERS": "nowhere:9",
                        "IDENTITY_MASTER_KEY": KEY, "IDENTITY_DIGEST_KEY": KEY,
                        "NOTES_MASTER_KEY": KEY, "BORROWER_MASTER_KEY": KEY}.items():
        monkeypatch.setenv(name, value)
    for variable in ("ALGORITHM", "SECRET", "PUBLIC_KEY", "ISSUER", "AUDIENCE"):
        monkeypatch.delenv(f"AUTH_{variable}", raising=False)
