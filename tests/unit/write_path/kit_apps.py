"""A bare FastAPI app with the write-path kit's error answers, called as the officer of commune 00004."""

from fastapi import FastAPI
from fastapi.testclient import TestClient

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.dependencies import require_principal
from hoanhap.write_path.error_answers import Translation, install_error_handlers

OFFICER = Principal(sub="officer-7", issuer="hoanhap-dev", agency=Agency.POLICE, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01", communes=("00004",)))


def client_of(app: FastAPI, domain_errors: dict[type[Exception], Translation] | None = None) -> TestClient:
    """The app answering the kit's refusals (and these domain errors), its caller always OFFICER."""
    install_error_handlers(app, domain_errors)
    app.dependency_overrides[require_principal] = lambda: OFFICER
    return TestClient(app)
