"""Keyed digests of a citizen ID: the identity digest the bank matches on, and the registry's internal lookup.

The identity digest is scrypt (memory-hard) of the citizen ID and birth date, with a secret derived from the
deployment key as its salt. It must be the same for one person wherever it is computed — the registry publishes it
and the bank (credit) computes it from an applicant's documents to find them — so there is no per-person salt: with
the key in hand one guess is tested against every published digest at once. The cost of a guess is what protects
the people; `benchmarks/bench_digest.py` measures it and `docs/threat-model.md` says what it buys.
"""

import hashlib
import hmac
from datetime import date, datetime

CITIZEN_ID_DIGITS = 12
MINIMUM_KEY_BYTES = 32

# One identity digest costs 0.12–0.14 s of one core and 32 MiB on the project's machine (docs/benchmarks.md).
# Changing any of these changes every digest: registry and bank must change them together, with a new label.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_MEMORY_BYTES = 128 * SCRYPT_R * SCRYPT_N
SCRYPT_MAXMEM = SCRYPT_MEMORY_BYTES + 2**20  # OpenSSL counts a few blocks beyond the 32 MiB table
IDENTITY_DIGEST_BYTES = 32
IDENTITY_DIGEST_LABEL = b"hoanhap identity digest v1"


def identity_digest(citizen_id: str, birth_date: date, key: bytes) -> str:
    """scrypt (lowercase hex, 32 bytes) of the 12-digit citizen ID (CCCD) and birth date, keyed by the deployment.

    The password is the digits, "|" and the ISO birth date; spaces in the ID are ignored. The salt is the HMAC of
    a fixed label under the key, not the key: scrypt's salt is meant to be public, so the key itself is never
    handed over as one, and the label keeps this use of the key apart from any other (the lookup HMAC hashes 12
    digits, never the label) and names the version. Only the registry and the credit service hold the key.
    """
    digits = _citizen_id_digits(citizen_id)
    if not isinstance(birth_date, date) or isinstance(birth_date, datetime):
        raise ValueError(f"a birth date must be a date, got {type(birth_date).__name__}")
    _check_key(key)
    password = f"{digits}|{birth_date.isoformat()}".encode("ascii")
    salt = hmac.new(key, IDENTITY_DIGEST_LABEL, hashlib.sha256).digest()
    return hashlib.scrypt(password, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=SCRYPT_MAXMEM,
                          dklen=IDENTITY_DIGEST_BYTES).hex()


def national_id_digest(citizen_id: str, key: bytes) -> str:
    """HMAC-SHA256 (lowercase hex) of a 12-digit citizen ID (CCCD), keyed with a secret.

    The registry's internal lookup only: cheap to compute, so with the key a citizen ID is recovered from it in
    seconds. Its key must stay in the registry and the digest must never leave the registry's database; what
    leaves is `identity_digest`. Spaces are ignored so "001 090 012 345" and "001090012345" give the same digest.
    """
    digits = _citizen_id_digits(citizen_id)
    _check_key(key)
    return hmac.new(key, digits.encode("ascii"), hashlib.sha256).hexdigest()


def _citizen_id_digits(citizen_id: str) -> str:
    digits = "".join(citizen_id.split())
    if len(digits) != CITIZEN_ID_DIGITS or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"a citizen ID must be {CITIZEN_ID_DIGITS} digits, got {len(digits)} characters")
    return digits


def _check_key(key: bytes) -> None:
    if len(key) < MINIMUM_KEY_BYTES:
        raise ValueError(f"the digest key must be at least {MINIMUM_KEY_BYTES} bytes, got {len(key)}")
