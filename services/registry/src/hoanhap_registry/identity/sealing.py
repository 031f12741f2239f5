"""Sealing a person's identity with a key of their own, so destroying the key erases it (crypto-shredding).

A person's key is random (AES-256-GCM); it is stored wrapped by the deployment's master key, with the person id
as associated data so a wrapped key cannot be moved to another person. Sealed identities live in the event
store; the key lives in ``person_keys`` and nowhere else.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import date

from hoanhap.sealing import seal_bytes, unseal_bytes


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


def seal(identity: Identity, person_key: bytes, person_id: uuid.UUID) -> str:
    """The identity encrypted with the person's key, as base64 text."""
    return seal_bytes(identity.to_bytes(), person_key, person_id)


def unseal(sealed: str, person_key: bytes, person_id: uuid.UUID) -> Identity:
    """The identity a sealed text holds; ValueError when the key does not fit."""
    return Identity.from_bytes(unseal_bytes(sealed, person_key, person_id))
