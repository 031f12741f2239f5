"""Citizen ID numbers (CCCD, 12 digits) and the registry's lookup digest of them, which never leaves its database."""

import hashlib
import hmac
import re

from hoanhap.contracts import national_id_digest

CITIZEN_ID = re.compile(r"^[0-9]{12}$")
LOOKUP_PURPOSE = b"hoanhap.registry.citizen-id-lookup"


def citizen_id_problem(citizen_id: str) -> str | None:
    """Why the text is not a citizen ID number, or None when it is one."""
    if not CITIZEN_ID.match(citizen_id):
        return "must be exactly 12 digits"
    province_of_birth = int(citizen_id[:3])
    if not 1 <= province_of_birth <= 96:
        return f"its first three digits {citizen_id[:3]} are not a province code (001-096)"
    return None


def lookup_key(master_key: bytes) -> bytes:
    """The key of the lookup digest, derived from the registry's master key: no other service, and no setting,
    holds it."""
    return hmac.new(master_key, LOOKUP_PURPOSE, hashlib.sha256).digest()


def digest_of(citizen_id: str, key: bytes) -> str:
    """The lookup digest (HMAC) of the citizen ID under the lookup key: how the registry finds a person by CCCD.
    Cheap, so reversible with the key; kept only in the people table, nulled on erasure."""
    return national_id_digest(citizen_id, key)
