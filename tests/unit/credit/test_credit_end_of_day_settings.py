"""The end of day's settings and clock: debt groups configurable (every day past due in one group, numbered 1 to at
most the contract's 5), and the day to close is yesterday in Vietnam once its midnight has passed."""

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from hoanhap_credit.domain.debt_groups import DEFAULT_DEBT_GROUPS, DebtGroupRange
from hoanhap_credit.end_of_day_running import last_day_over
from hoanhap_credit.settings import CreditSettings
from tests.support.services import keys_of

REQUIRED = {"database_url": "postgresql://x/y", "kafka_bootstrap_servers": "k:9092",
            **{name.lower(): value for name, value in keys_of("credit").items()}}


def test_the_default_debt_groups_are_the_state_banks_five() -> None:
    assert tuple(CreditSettings(**REQUIRED).debt_groups) == DEFAULT_DEBT_GROUPS


def test_configured_debt_groups_replace_the_defaults() -> None:
    two = [DebtGroupRange(1, 0, 29), DebtGroupRange(2, 30, None)]
    assert CreditSettings(**REQUIRED, debt_groups=two).debt_groups == two


@pytest.mark.parametrize("ranges", [
    [DebtGroupRange(1, 0, 9), DebtGroupRange(2, 11, None)],
    [DebtGroupRange(2, 0, 9), DebtGroupRange(3, 10, None)],
    [DebtGroupRange(n, 10 * (n - 1), 10 * n - 1) for n in range(1, 6)] + [DebtGroupRange(6, 50, None)]])
def test_debt_groups_with_a_gap_another_numbering_or_more_than_five_are_refused(ranges: list[DebtGroupRange]) -> None:
    with pytest.raises(ValidationError, match="debt_groups"):
        CreditSettings(**REQUIRED, debt_groups=ranges)


@pytest.mark.parametrize(("now", "day"), [
    (datetime(2026, 12, 4, 16, 59, tzinfo=UTC), date(2026, 12, 3)),  # 23:59 on 4 December in Hà Nội
    (datetime(2026, 12, 4, 17, 0, tzinfo=UTC), date(2026, 12, 4)),  # Vietnam's midnight: 4 December is over
])
def test_the_day_to_close_is_yesterday_in_vietnam(now: datetime, day: date) -> None:
    assert last_day_over(now) == day
