"""Sealing with a person's own key: what one person's key seals, only that key opens, for that person only."""

import uuid

import pytest

from hoanhap.sealing import new_person_key, seal_text, unseal_text, unwrap_key, wrap_key


def test_a_sealed_text_opens_with_the_persons_key_and_holds_no_plaintext():
    person, key = uuid.uuid4(), new_person_key()
    sealed = seal_text("ngủ ở nhà bạn", key, person)
    assert "nhà" not in sealed
    assert unseal_text(sealed, key, person) == "ngủ ở nhà bạn"


def test_another_key_or_another_person_cannot_open_it():
    person, key = uuid.uuid4(), new_person_key()
    sealed = seal_text("note", key, person)
    with pytest.raises(ValueError, match="does not open"):
        unseal_text(sealed, new_person_key(), person)
    with pytest.raises(ValueError, match="does not open"):
        unseal_text(sealed, key, uuid.uuid4())


def test_a_wrapped_key_unwraps_only_for_its_person():
    person, key, master = uuid.uuid4(), new_person_key(), new_person_key()
    wrapped = wrap_key(key, master, person)
    assert unwrap_key(wrapped, master, person) == key
    with pytest.raises(ValueError):
        unwrap_key(wrapped, master, uuid.uuid4())
