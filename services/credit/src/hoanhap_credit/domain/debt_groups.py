"""Debt groups by days past due (issue 14 item 9): configurable ranges, each a group with its first day and its last
(the last group open-ended). The defaults are the State Bank's five groups by days overdue, Circular 11/2021/TT-NHNN
(article to verify): 1 under 10 days, 2 from 10 to 90, 3 from 91 to 180, 4 from 181 to 360, 5 over 360; UNVERIFIED
as the ranges this bank applies to these loans."""

from dataclasses import dataclass

from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


@dataclass(frozen=True)
class DebtGroupRange:
    """A group for loans `from_days` to `to_days` days past due, both included; `to_days` None has no end."""

    group: int
    from_days: int
    to_days: int | None


def checked_ranges(ranges: tuple[DebtGroupRange, ...]) -> tuple[DebtGroupRange, ...]:
    """The ranges, refused unless they start at 0 days, follow each other without gap or overlap and the last
    has no end, so every day past due falls in exactly one group."""
    if not ranges:
        raise ScheduleRuleViolation("ranges", "at least one debt group is needed")
    expected_from = 0
    for position, found in enumerate(ranges):
        if found.from_days != expected_from:
            raise ScheduleRuleViolation("from_days", f"group {found.group} starts at {found.from_days} days; "
                                                     f"it must start at {expected_from}")
        is_last = position == len(ranges) - 1
        if (found.to_days is None) != is_last or (found.to_days is not None and found.to_days < found.from_days):
            raise ScheduleRuleViolation("to_days", f"group {found.group} ends at {found.to_days}; only the last "
                                                   f"group is open-ended and a group ends on or after its start")
        expected_from = (found.to_days or 0) + 1
    return ranges


DEFAULT_DEBT_GROUPS = checked_ranges((DebtGroupRange(1, 0, 9), DebtGroupRange(2, 10, 90), DebtGroupRange(3, 91, 180),
                                      DebtGroupRange(4, 181, 360), DebtGroupRange(5, 361, None)))


def debt_group(days_overdue: int, ranges: tuple[DebtGroupRange, ...] = DEFAULT_DEBT_GROUPS) -> int:
    """The group of a loan this many days past due (its oldest unpaid amount's days)."""
    if days_overdue < 0:
        raise ScheduleRuleViolation("days_overdue", f"{days_overdue} days past due is negative")
    return next(r.group for r in ranges if r.to_days is None or days_overdue <= r.to_days)
