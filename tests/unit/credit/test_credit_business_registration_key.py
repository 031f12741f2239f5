"""A business registration number as the bank matches it: one business per number however it is typed."""

import pytest

from hoanhap_credit.domain.borrowers import registration_key


@pytest.mark.parametrize("typed", ["HTX-0104-2021", "htx 0104 2021", " Htx.0104/2021 "])
def test_a_registration_number_typed_with_other_separators_or_case_is_one_number(typed: str) -> None:
    assert registration_key(typed) == "HTX01042021"


@pytest.mark.parametrize("typed", [None, "", "  ", "--"])
def test_a_business_with_no_number_has_no_key(typed: str | None) -> None:
    assert registration_key(typed) is None
