"""The keyed digest that lets the bank match an applicant's citizen ID without the police publishing it."""

import hashlib
import hmac

CITIZEN_ID_DIGITS = 12
MINIMUM_KEY_BYTES = 32


def national_id_digest(citizen_id: str, key: bytes) -> str:
    """HMAC-SHA256 (lowercase hex) of a 12-digit citizen ID (CCCD), keyed with the deployment's secret.

    Spaces are ignored so "001 090 012 345" and "001090012345" give the same digest. Every agency of one
    deployment must hold the same key; without it the digest cannot be reversed by trying all IDs.
    """
    digits = "".join(citizen_id.split())
    if len(digits) != CITIZEN_ID_DIGITS or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"a citizen ID must be {CITIZEN_ID_DIGITS} digits, got {len(digits)} characters")
    if len(key) < MINIMUM_KEY_BYTES:
        raise ValueError(f"the digest key must be at least {MINIMUM_KEY_BYTES} bytes, got {len(key)}")
    return hmac.new(key, digits.encode("ascii"), hashlib.sha256).hexdigest()
