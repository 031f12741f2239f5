"""A running registry signs checkpoints of its event store with AUDIT_SIGNING_KEY and appends them to
AUDIT_CHECKPOINT_FILE; `hoanhap-registry verify` holds the store to them with only the public key."""

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from hoanhap.eventstore.audit.keys import public_key_text, signing_key
from tests.support.services import officer_headers, release_body, running_service

SIGNING_KEY = base64.b64encode(b"e2e-test-checkpoint-key-32-byte!").decode()
WAIT_SECONDS = 60  # a generous bound on a wait for the first checkpoint, not a measure of its speed


def first_checkpoint_in(copies: Path) -> dict[str, object]:
    """The first checkpoint line the registry appended to copies, waiting for it."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not (copies.exists() and copies.read_text().strip()):
        assert time.monotonic() < deadline, f"no checkpoint appended to {copies} in {WAIT_SECONDS} s"
        time.sleep(0.2)
    return dict(json.loads(copies.read_text().splitlines()[0]))


def verify(database_url: str, copies: Path) -> subprocess.CompletedProcess[str]:
    """`hoanhap-registry verify --json` as an auditor runs it: the public key and the copies, no signing key."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AUDIT_")}
    environment |= {"DATABASE_URL": database_url, "AUDIT_PUBLIC_KEY": public_key_text(signing_key(SIGNING_KEY))}
    return subprocess.run([str(Path(sys.executable).parent / "hoanhap-registry"), "verify", "--json",
                           "--checkpoints", str(copies)], env=environment, capture_output=True, text=True, check=False)


def test_a_running_registry_signs_checkpoints_outside_its_database_that_verify_accepts(
        database_url: str, kafka_bootstrap_servers: str, tmp_path: Path) -> None:
    copies = tmp_path / "checkpoints.jsonl"
    with running_service("registry", database_url, kafka_bootstrap_servers, tmp_path / "registry.log",
                         audit_signing_key=SIGNING_KEY, audit_checkpoint_seconds="1",
                         audit_checkpoint_file=str(copies)) as url, httpx.Client(base_url=url, timeout=30) as client:
        response = client.post("/v1/releases", json=release_body(), headers=officer_headers())
        assert response.status_code == 201, response.text
        checkpoint = first_checkpoint_in(copies)
    assert checkpoint["store"] == "registry" and checkpoint["events"] == 1

    audited = verify(database_url, copies)
    assert audited.returncode == 0, audited.stdout + audited.stderr
    answer = json.loads(audited.stdout)
    assert answer["ok"] is True and answer["signatures_checked"] is True and answer["checkpoints_checked"] >= 1
