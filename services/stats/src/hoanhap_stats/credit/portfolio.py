"""The loans outstanding on a period's measuring day (its last, or Vietnam's today while it runs), read from
loan_days as they stood that day: how many, their outstanding principal, and by debt group (1..5, by days past
due, as credit last sent it by then) how many and their overdue principal."""

from dataclasses import dataclass, replace
from datetime import date

from hoanhap.contracts.credit.servicing import DEBT_GROUPS
from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.loan_days import state_on
from hoanhap_stats.credit.loans import OUTSTANDING
from hoanhap_stats.figures.amounts import Amount
from hoanhap_stats.figures.measuring_day import measured_on
from hoanhap_stats.figures.own_place import figure_arguments, own_rows
from hoanhap_stats.figures.selection import Selection

OUTSTANDING_STATUSES = ", ".join(f"'{status}'" for status in sorted(OUTSTANDING))
BY_DEBT_GROUP = f"""SELECT coalesce(s.debt_group, 1) AS debt_group, count(*) AS loans,
      count(*) FILTER (WHERE s.overdue_principal_vnd > 0) AS overdue,
      coalesce(sum(s.outstanding_principal_vnd), 0) AS outstanding_vnd,
      count(*) FILTER (WHERE s.outstanding_principal_vnd > 0) AS outstanding_behind,
      coalesce(sum(s.overdue_principal_vnd), 0) AS overdue_vnd
    FROM loans l {state_on("$2", "s")}
    WHERE l.applied_on BETWEEN $1 AND $2 AND s.status IN ({OUTSTANDING_STATUSES}) AND {own_rows('l')} GROUP BY 1"""
"""The loans of the place outstanding at the end of day $2, by debt group; $1 is the first day a loan counted may
have been applied for (figure_arguments of a period from the first day there is to the measuring day)."""
EARLIEST = date.min
DEBT_GROUP_NAMES = tuple(str(group) for group in range(1, DEBT_GROUPS + 1))


@dataclass(frozen=True, slots=True)
class DebtGroup:
    """The outstanding loans of one debt group on the day: how many, how many with principal overdue, and their
    outstanding and overdue principal."""

    loans: int = 0
    overdue: int = 0
    outstanding: Amount = Amount()
    overdue_principal: Amount = Amount()


async def debt_groups(connection: Connection, period: Selection) -> dict[str, DebtGroup]:
    """The loans outstanding on the period's measuring day, by debt group, every group listed."""
    on_the_day = replace(period, start=EARLIEST, end=measured_on(period))
    rows = await connection.fetch(BY_DEBT_GROUP, *figure_arguments(on_the_day))
    return dict.fromkeys(DEBT_GROUP_NAMES, DebtGroup()) | {
        str(row["debt_group"]): DebtGroup(row["loans"], row["overdue"],
                                          Amount(int(row["outstanding_vnd"]), row["outstanding_behind"]),
                                          Amount(int(row["overdue_vnd"]), row["overdue"])) for row in rows}
