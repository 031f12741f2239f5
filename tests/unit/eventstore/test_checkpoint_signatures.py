"""Checkpoints: signed over exactly what they state, kept as one JSON line, with keys given as base64."""

import base64
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hoanhap.eventstore.audit.checkpoint import ChainTip, checkpoint_of_line, signed
from hoanhap.eventstore.audit.keys import public_key, public_key_text, raw_key, signing_key

SEED = base64.b64encode(bytes(range(32))).decode()
TIP = ChainTip(41, bytes(range(32)), 40)
TAKEN_AT = datetime(2026, 3, 1, 8, 0, 0, 123456, tzinfo=UTC)


def test_a_checkpoint_verifies_with_its_key_s_public_key_only() -> None:
    key = signing_key(SEED)
    checkpoint = signed(key, "registry", TIP, TAKEN_AT)
    assert checkpoint.is_signed_by(public_key(public_key_text(key)))
    assert not checkpoint.is_signed_by(Ed25519PrivateKey.generate().public_key())


@pytest.mark.parametrize("changed", [
    {"store": "credit"}, {"tip": ChainTip(42, TIP.global_hash, 40)}, {"tip": ChainTip(41, bytes(32), 40)},
    {"tip": ChainTip(41, TIP.global_hash, 39)}, {"taken_at": TAKEN_AT.replace(microsecond=0)},
])
def test_changing_anything_a_checkpoint_states_breaks_its_signature(changed: dict) -> None:
    key = signing_key(SEED)
    checkpoint = signed(key, "registry", TIP, TAKEN_AT)
    assert not replace(checkpoint, **changed).is_signed_by(key.public_key())


def test_a_checkpoint_s_line_reads_back_equal_and_still_verifies() -> None:
    key = signing_key(SEED)
    checkpoint = signed(key, "registry", TIP, TAKEN_AT)
    line = checkpoint.line()
    assert json.loads(line)["taken_at"] == "2026-03-01T08:00:00.123456Z" and "\n" not in line
    assert checkpoint_of_line(line) == checkpoint
    assert checkpoint_of_line(line).is_signed_by(key.public_key())


@pytest.mark.parametrize(("line", "reason"), [
    ("not json", "is not JSON"),
    ('{"store": "registry"}', "needs exactly the fields"),
    ('{"store":"registry","position":-1,"global_hash":"00","events":1,"taken_at":"2026-03-01T08:00:00Z",'
     '"signature":"AA=="}', "-1 is not a whole number"),
    ('{"store":"registry","position":1,"global_hash":"zz","events":1,"taken_at":"2026-03-01T08:00:00Z",'
     '"signature":"AA=="}', "not what a checkpoint holds"),
    ('{"store":"registry","position":1,"global_hash":"00","events":1,"taken_at":"2026-03-01T08:00:00",'
     '"signature":"AA=="}', "has no time zone"),
])
def test_a_line_that_is_not_a_checkpoint_is_refused_saying_why(line: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        checkpoint_of_line(line)


@pytest.mark.parametrize(("text", "reason"), [("not base64!", "must be base64"),
                                              (base64.b64encode(bytes(31)).decode(), "exactly 32 bytes, not 31")])
def test_a_key_that_is_not_base64_of_32_bytes_is_refused_saying_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        raw_key(text)
