"""A payment goes to overdue interest, interest due, overdue principal, principal due, then in advance."""

import pytest

from hoanhap_credit.domain.repayment_allocation import Allocation, Owed, allocate
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation

OWED = Owed(overdue_interest=28_208, interest_due=49_500, overdue_principal=3_000_000, principal_due=3_000_000,
            principal_not_due=3_000_000)


@pytest.mark.parametrize(("payment", "expected"), [
    (28_207, Allocation(28_207, 0, 0, 0, 0, 0)),
    (28_208, Allocation(28_208, 0, 0, 0, 0, 0)),
    (28_209, Allocation(28_208, 1, 0, 0, 0, 0)),
    (77_708, Allocation(28_208, 49_500, 0, 0, 0, 0)),
    (77_709, Allocation(28_208, 49_500, 1, 0, 0, 0)),
    (3_077_709, Allocation(28_208, 49_500, 3_000_000, 1, 0, 0)),
    (6_077_709, Allocation(28_208, 49_500, 3_000_000, 3_000_000, 1, 0)),
    (9_077_708, Allocation(28_208, 49_500, 3_000_000, 3_000_000, 3_000_000, 0)),
    (9_077_709, Allocation(28_208, 49_500, 3_000_000, 3_000_000, 3_000_000, 1)),
])
def test_each_part_is_paid_in_full_before_the_next_receives_a_dong(payment: int, expected: Allocation) -> None:
    assert allocate(payment, OWED) == expected


def test_a_part_owing_nothing_is_skipped() -> None:
    assert allocate(100, Owed(0, 0, 40, 0, 1_000)) == Allocation(0, 0, 40, 0, 60, 0)


@pytest.mark.parametrize("payment", [0, -1])
def test_a_payment_of_nothing_is_refused(payment: int) -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        allocate(payment, OWED)
    assert refused.value.field == "payment"


def test_a_negative_amount_owed_is_refused_naming_the_part() -> None:
    with pytest.raises(ScheduleRuleViolation) as refused:
        Owed(0, -1, 0, 0, 0)
    assert refused.value.field == "interest_due"
