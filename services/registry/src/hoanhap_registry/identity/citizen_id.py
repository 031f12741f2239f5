"""Citizen ID numbers (CCCD, 12 digits) and their keyed digest, the only form in which they leave the registry."""

import re

from hoanhap.contracts import national_id_digest

CITIZEN_ID = re.compile(r"^[0-9]{12}$")


def citizen_id_problem(citizen_id: str) -> str | None:
    """Why the text is not a citizen ID number, or None when it is one."""
    if not CITIZEN_ID.match(citizen_id):
        return "must be exactly 12 digits"
    province_of_birth = int(citizen_id[:3])
    if not 1 <= province_of_birth <= 96:
        return f"its first three digits {citizen_id[:3]} are not a province code (001-096)"
    return None


def digest_of(citizen_id: str, key: bytes) -> str:
    """The deployment-keyed HMAC of the citizen ID: what events and lookups carry instead of the number."""
    return national_id_digest(citizen_id, key)
