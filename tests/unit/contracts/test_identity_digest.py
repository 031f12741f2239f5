"""The identity digest: scrypt at the documented cost, the same wherever it is computed, strict about its inputs.

One digest takes about a tenth of a second, so each test computes as few as it can.
"""

import hashlib
import hmac
from datetime import date, datetime

import pytest

from hoanhap.contracts import identity_digest

KEY = b"province-79-deployment-secret-32b"
OTHER_KEY = b"province-01-deployment-secret-32b"
CITIZEN_ID = "079090012345"
BIRTH_DATE = date(1990, 3, 14)


@pytest.fixture(scope="module")
def digest() -> str:
    return identity_digest(CITIZEN_ID, BIRTH_DATE, KEY)


def test_the_digest_is_scrypt_at_n_2_15_r_8_p_1_salted_with_an_hmac_of_the_key(digest):
    salt = hmac.new(KEY, b"hoanhap identity digest v1", hashlib.sha256).digest()
    expected = hashlib.scrypt(b"079090012345|1990-03-14", salt=salt, n=2**15, r=8, p=1, maxmem=2**26, dklen=32)
    assert digest == expected.hex()


def test_the_digest_of_a_known_person_and_key_never_changes():
    assert identity_digest("001090012345", date(1990, 1, 1), b"k" * 32) == (
        "8f4859a927fcc61281778db6f927013a6ddabce1a0c7c59f6640589046ce79ee"
    )


def test_the_same_person_and_key_give_the_same_digest_wherever_it_is_computed(digest):
    assert identity_digest(CITIZEN_ID, BIRTH_DATE, KEY) == digest


def test_spaces_in_the_id_do_not_change_the_digest(digest):
    assert identity_digest(" 079 090 012 345 ", BIRTH_DATE, KEY) == digest


@pytest.mark.parametrize(("citizen_id", "birth_date", "key"), [
    ("079090012346", BIRTH_DATE, KEY),
    (CITIZEN_ID, date(1990, 3, 15), KEY),
    (CITIZEN_ID, BIRTH_DATE, OTHER_KEY),
], ids=["another ID", "another birth date", "another deployment key"])
def test_another_id_birth_date_or_key_gives_another_digest(digest, citizen_id, birth_date, key):
    assert identity_digest(citizen_id, birth_date, key) != digest


@pytest.mark.parametrize("citizen_id", ["07909001234", "0790900123456", "07909001234X", "０７９０９００１２３４５"])
def test_anything_but_twelve_ascii_digits_is_refused_without_echoing_it(citizen_id):
    with pytest.raises(ValueError, match="a citizen ID must be 12 digits") as raised:
        identity_digest(citizen_id, BIRTH_DATE, KEY)
    assert citizen_id not in str(raised.value)


@pytest.mark.parametrize("birth_date", ["1990-03-14", datetime(1990, 3, 14), None])
def test_a_birth_date_that_is_not_a_date_is_refused(birth_date):
    with pytest.raises(ValueError, match="a birth date must be a date, got"):
        identity_digest(CITIZEN_ID, birth_date, KEY)


def test_a_short_key_is_refused():
    with pytest.raises(ValueError, match="the digest key must be at least 32 bytes, got 9"):
        identity_digest(CITIZEN_ID, BIRTH_DATE, b"too short")
