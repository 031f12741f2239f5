"""A borrower's identity as the bank records it (docs/credit.md): sealed whole with the borrower's own key, found
again by the bank's own keyed digest of the citizen ID (never the registry's), never logged or published."""

import hashlib
import hmac
import json
import uuid
from dataclasses import asdict, dataclass
from datetime import date

from hoanhap.contracts import national_id_digest
from hoanhap.sealing import seal_text, unseal_text

LOOKUP_PURPOSE = b"hoanhap.credit.citizen-id-lookup"


@dataclass(frozen=True)
class BorrowerIdentity:
    """Who the borrower is, from their papers; the household representative signs for the household."""

    citizen_id: str
    birth_date: date
    full_name: str
    address: str
    household_representative: str

    def sealed(self, key: bytes, borrower_id: uuid.UUID) -> str:
        """The identity encrypted with the borrower's key."""
        fields = {**asdict(self), "birth_date": self.birth_date.isoformat()}
        return seal_text(json.dumps(fields, ensure_ascii=False), key, borrower_id)

    @classmethod
    def unsealed(cls, sealed: str, key: bytes, borrower_id: uuid.UUID) -> "BorrowerIdentity":
        """The identity a sealed text holds."""
        fields = json.loads(unseal_text(sealed, key, borrower_id))
        return cls(**{**fields, "birth_date": date.fromisoformat(fields["birth_date"])})


def lookup_key(master_key: bytes) -> bytes:
    """The key of the bank's lookup digest, derived from credit's master key: no other service holds it."""
    return hmac.new(master_key, LOOKUP_PURPOSE, hashlib.sha256).digest()


def lookup_digest(citizen_id: str, master_key: bytes) -> str:
    """How the bank finds its borrower by citizen ID: HMAC under its own lookup key (cheap, so kept only in the
    borrowers table)."""
    return national_id_digest(citizen_id, lookup_key(master_key))
