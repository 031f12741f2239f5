"""The keyed digest of a citizen ID: stable, key-dependent, and strict about what it accepts."""

import hashlib
import hmac

import pytest

from hoanhap.contracts import national_id_digest

KEY = b"province-79-deployment-secret-32b"
OTHER_KEY = b"province-01-deployment-secret-32b"


def test_the_digest_is_hmac_sha256_of_the_digits_in_lowercase_hex():
    expected = hmac.new(KEY, b"079090012345", hashlib.sha256).hexdigest()
    assert national_id_digest("079090012345", KEY) == expected


def test_the_digest_of_a_known_id_and_key_never_changes():
    assert national_id_digest("001090012345", b"k" * 32) == (
        "ea6e20ebc2b316ae023f71591df6a2f96d6ae2033062298ba0faddef328f801f"
    )


def test_spaces_in_the_id_do_not_change_the_digest():
    assert national_id_digest(" 079 090 012 345 ", KEY) == national_id_digest("079090012345", KEY)


def test_another_deployment_key_gives_another_digest():
    assert national_id_digest("079090012345", KEY) != national_id_digest("079090012345", OTHER_KEY)


@pytest.mark.parametrize("citizen_id", ["07909001234", "0790900123456", "07909001234X", "０７９０９００１２３４５"])
def test_anything_but_twelve_ascii_digits_is_refused_without_echoing_it(citizen_id):
    with pytest.raises(ValueError, match="a citizen ID must be 12 digits") as raised:
        national_id_digest(citizen_id, KEY)
    assert citizen_id not in str(raised.value)


def test_a_short_key_is_refused():
    with pytest.raises(ValueError, match="at least 32 bytes"):
        national_id_digest("079090012345", b"too short")
