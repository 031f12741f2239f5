"""Debt groups by days past due: the State Bank's five by default (unverified for this bank), or configured."""

import pytest

from hoanhap_credit.domain.debt_groups import DebtGroupRange, checked_ranges, debt_group
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


@pytest.mark.parametrize(("days", "group"), [
    (0, 1), (9, 1), (10, 2), (40, 2), (90, 2), (91, 3), (180, 3), (181, 4), (360, 4), (361, 5), (5_000, 5),
])
def test_the_default_groups_change_on_both_sides_of_each_limit(days: int, group: int) -> None:
    assert debt_group(days) == group


def test_configured_ranges_replace_the_defaults() -> None:
    two = checked_ranges((DebtGroupRange(1, 0, 29), DebtGroupRange(2, 30, None)))
    assert (debt_group(29, two), debt_group(30, two)) == (1, 2)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ScheduleRuleViolation):
        debt_group(-1)


@pytest.mark.parametrize(("ranges", "field"), [
    ((), "ranges"),
    ((DebtGroupRange(1, 1, None),), "from_days"),
    ((DebtGroupRange(1, 0, 9), DebtGroupRange(2, 11, None)), "from_days"),
    ((DebtGroupRange(1, 0, 9), DebtGroupRange(2, 9, None)), "from_days"),
    ((DebtGroupRange(1, 0, 9), DebtGroupRange(2, 10, 20)), "to_days"),
    ((DebtGroupRange(1, 0, None), DebtGroupRange(2, 1, None)), "to_days"),
    ((DebtGroupRange(1, 0, -1), DebtGroupRange(2, 0, None)), "to_days"),
])
def test_ranges_with_a_gap_an_overlap_or_no_open_end_are_refused(ranges: tuple[DebtGroupRange, ...],
                                                                 field: str) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        checked_ranges(ranges)
    assert refused.value.field == field
