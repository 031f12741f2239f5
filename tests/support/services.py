"""The services as real processes for e2e tests and benchmarks, with tokens and a valid release body."""

import base64
import itertools
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from hoanhap.auth import AuthSettings, Principal, mint_token
from hoanhap.auth.principal import Agency, Jurisdiction, Role
from hoanhap.contracts.services import Service
from hoanhap_devstack.ports import free_port
from hoanhap_devstack.secrets import KEYS_OF

MASTER_KEY = base64.b64encode(b"e2e-test-master-key-32-bytes-ok!").decode()
DIGEST_KEY = base64.b64encode(b"e2e-test-digest-key-32-bytes-ok!!").decode()
AUDIT_KEY = base64.b64encode(b"e2e-test-audit-key-32-bytes-ok!!").decode()
NOTES_KEY = base64.b64encode(b"e2e-test-notes-key-32-bytes-ok!!").decode()
BORROWER_KEY = base64.b64encode(b"e2e-test-borrower-key-32-bytes!!").decode()
TEST_KEYS = {"IDENTITY_MASTER_KEY": MASTER_KEY, "IDENTITY_DIGEST_KEY": DIGEST_KEY, "AUDIT_SIGNING_KEY": AUDIT_KEY,
             "NOTES_MASTER_KEY": NOTES_KEY, "BORROWER_MASTER_KEY": BORROWER_KEY}


def keys_of(service: str) -> dict[str, str]:
    """The test keys the service is given: the same share of them as the devstack gives it."""
    return {name: TEST_KEYS[name] for name in KEYS_OF.get(service, ())}


@contextmanager
def running_registry(database_url: str, bootstrap_servers: str, log_file: Path, workers: int = 1) -> Iterator[str]:
    """Start `hoanhap-registry`, wait until ready, yield its base URL, stop it."""
    with running_service("registry", database_url, bootstrap_servers, log_file, workers) as url:
        yield url


@contextmanager
def running_service(service: str, database_url: str, bootstrap_servers: str, log_file: Path,
                    workers: int = 1, kill_on_exit: bool = False, **settings: str) -> Iterator[str]:
    """Start `hoanhap-<service>` on a free port, wait until ready, yield its base URL, then stop it (SIGTERM), or
    kill -9 it with kill_on_exit."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "KAFKA_BOOTSTRAP_SERVERS": bootstrap_servers,
           "HTTP_WORKERS": str(workers),
           "HTTP_PORT": str(port), **keys_of(service),
           **{name.upper(): value for name, value in settings.items()}}
    with open(log_file, "wb") as log:
        process = subprocess.Popen([str(Path(sys.executable).parent / f"hoanhap-{service}")], env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, log_file)
        yield url
    finally:
        process.kill() if kill_on_exit else process.terminate()
        process.wait(30)


def wait_ready(url: str, process: subprocess.Popen[bytes], log_file: Path, timeout: float = 60) -> None:
    """Poll /health/ready until 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"service exited: {log_file.read_text()[-2000:]}")
        try:
            if httpx.get(url + "/health/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"service not ready in {timeout} s: {log_file.read_text()[-2000:]}")


def officer_headers(province: str = "01", communes: tuple[str, ...] = (), sub: str = "officer-1",
                    role: Role = Role.OFFICER) -> dict[str, str]:
    """Authorization for a police officer (or another role) of the province (and only those communes, if given),
    for every service."""
    principal = Principal(sub=sub, agency=Agency.POLICE, role=role,
                          jurisdiction=Jurisdiction(province=province, communes=communes))
    return bearer_headers(principal)


def supervisor_headers(province: str = "01", communes: tuple[str, ...] = ()) -> dict[str, str]:
    """Authorization for a police supervisor, who may also close cases and erase people."""
    return officer_headers(province, communes, sub="supervisor-1", role=Role.SUPERVISOR)


def bearer_headers(principal: Principal, services: tuple[str, ...] = tuple(Service)) -> dict[str, str]:
    """Authorization naming the principal, with a development token for these services (default: all)."""
    settings = AuthSettings()
    token = mint_token(settings, principal, 3600, [settings.audience_of(service) for service in services])
    return {"Authorization": f"Bearer {token}"}


CITIZEN_NUMBERS = itertools.count(uuid.uuid4().int % 10**9)


def new_citizen_id() -> str:
    """A valid 12-digit citizen ID (born in Hà Nội: 001) no earlier call in this process gave: counted on from a
    random start, as purely random ones repeat now and then over tens of thousands (the birthday paradox), and a
    repeat is answered 200 "already registered", not 201."""
    return f"001{next(CITIZEN_NUMBERS) % 10**9:09d}"


def release_body(**changes: Any) -> dict[str, Any]:
    """A valid release notice for commune 00004 of Hà Nội."""
    body = {"full_name": "Nguyễn Văn Bình", "citizen_id": new_citizen_id(), "birth_date": "1990-02-03",
            "sex": "male", "province_code": "01", "commune_code": "00004", "village": "Tổ 5",
            "facility": "Trại giam Thanh Xuân", "offence_articles": [173], "sentence_months": 24,
            "release_type": "completed_sentence", "release_date": "2026-01-15", "notified_on": "2026-01-09"}
    return {**body, **changes}
