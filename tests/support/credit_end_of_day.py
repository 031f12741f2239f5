"""Credit's end of day for e2e tests: the command run as a deployment's scheduler runs it, and a loan's arrears at
the end of a day counted by hand from its tranches, term and plan and the principal it has repaid."""

import calendar
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.support.services import keys_of

DEBT_GROUPS = ((1, 9), (2, 90), (3, 180), (4, 360))
"""The State Bank's groups by the last day past due each holds; group 5 beyond (credit's default ranges)."""


def end_of_day_command(database_url: str, bootstrap_servers: str, through: date) -> str:
    """`hoanhap-credit-end-of-day --through` on credit's database; what it told, once it exited 0."""
    environment = {**os.environ, "DATABASE_URL": database_url, "KAFKA_BOOTSTRAP_SERVERS": bootstrap_servers,
                   **keys_of("credit")}
    command = subprocess.run([str(Path(sys.executable).parent / "hoanhap-credit-end-of-day"), "--through",
                              through.isoformat()], env=environment, capture_output=True, timeout=120, check=False)
    assert command.returncode == 0, command
    return command.stdout.decode()


def months_after(start: date, months: int) -> date:
    """The same day of the month, months later (the month's last day when it has no such day)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def principal_dues(tranches: list[tuple[int, date]], term_months: int, every_months: int) -> dict[date, int]:
    """Principal due on each day: every `every_months` months from the first tranche to the term's end, each
    tranche split in equal whole đồng over the due days after it, the remainder on the last."""
    first = min(paid_out_on for _, paid_out_on in tranches)
    dues = dict.fromkeys((months_after(first, months) for months in range(every_months, term_months + 1,
                                                                           every_months)), 0)
    for amount, paid_out_on in tranches:
        later = [due_on for due_on in dues if due_on > paid_out_on]
        for due_on in later:
            dues[due_on] += amount // len(later)
        dues[later[-1]] += amount - amount // len(later) * len(later)
    return dues


def arrears_by_hand(dues: dict[date, int], principal_paid: int, on: date) -> tuple[int, int]:
    """The overdue principal and debt group at the end of the day: principal paid covers the earliest instalments
    first; what fell due before the day and is not covered is overdue, and the oldest instalment not covered picks
    the group by its days past due (the day after its due day is the first)."""
    overdue = max(sum(amount for due_on, amount in dues.items() if due_on < on) - principal_paid, 0)
    covered = 0
    for due_on, amount in sorted(dues.items()):
        covered += amount
        if overdue and covered > principal_paid:
            days = (on - due_on).days
            return overdue, next((group for group, last in DEBT_GROUPS if days <= last), 5)
    return 0, 1
