"""Sealing a person's identity with a key of their own, so destroying the key erases it (crypto-shredding).

A person's key is random (AES-256-GCM); it is stored wrapped by the deployment's master key, with the person id
as associated data so a wrapped key cannot be moved to another person. Sealed identities live in the event
store; the key lives in ``person_keys`` and nowhere else.
"""

import base64
import json
import os
import uuid
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


@dataclass(frozen=True)
class Identity:
    """The direct identifiers of a person: never logged, never published."""

    full_name: str
    citizen_id: str
    birth_date: date
    certificate_number: str | None

    def to_bytes(self) -> bytes:
        """Canonical JSON of the identity."""
        return json.dumps({"full_name": self.full_name, "citizen_id": self.citizen_id,
                           "birth_date": self.birth_date.isoformat(),
                           "certificate_number": self.certificate_number}, ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Identity":
        """The identity of canonical JSON."""
        fields = json.loads(data)
        return cls(fields["full_name"], fields["citizen_id"], date.fromisoformat(fields["birth_date"]),
                   fields["certificate_number"])

    def __repr__(self) -> str:
        return "Identity(<redacted>)"


def new_person_key() -> bytes:
    """A fresh random 256-bit key for one person."""
    return AESGCM.generate_key(bit_length=256)


def seal(identity: Identity, person_key: bytes, person_id: uuid.UUID) -> str:
    """The identity encrypted with the person's key, as base64 text."""
    return _encrypt(person_key, identity.to_bytes(), person_id)


def unseal(sealed: str, person_key: bytes, person_id: uuid.UUID) -> Identity:
    """The identity a sealed text holds; ValueError when the key does not fit."""
    return Identity.from_bytes(_decrypt(person_key, sealed, person_id))


def wrap_key(person_key: bytes, master_key: bytes, person_id: uuid.UUID) -> bytes:
    """The person's key encrypted with the deployment's master key."""
    return base64.b64decode(_encrypt(master_key, person_key, person_id))


def unwrap_key(wrapped: bytes, master_key: bytes, person_id: uuid.UUID) -> bytes:
    """The person's key from its wrapped form."""
    return _decrypt(master_key, base64.b64encode(wrapped).decode(), person_id)


def _encrypt(key: bytes, plaintext: bytes, person_id: uuid.UUID) -> str:
    nonce = os.urandom(NONCE_BYTES)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, plaintext, person_id.bytes)).decode()


def _decrypt(key: bytes, sealed: str, person_id: uuid.UUID) -> bytes:
    raw = base64.b64decode(sealed)
    try:
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], person_id.bytes)
    except InvalidTag as error:
        raise ValueError("the key does not open this sealed identity") from error
