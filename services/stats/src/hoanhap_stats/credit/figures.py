"""Loans applied for in a period (a cohort, followed to its current state): counts by status, purpose and kind of
borrower, and their sums of money. The read model keeps each loan's latest amounts, not their history, so every
sum is of the cohort's loans as they stand now."""

from dataclasses import dataclass, field

from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.amounts import Amount
from hoanhap_stats.figures.own_place import figure_arguments, own_rows
from hoanhap_stats.figures.selection import Selection

MONEY = {"requested": "amount_requested_vnd", "approved": "amount_approved_vnd", "disbursed": "disbursed_vnd",
         "outstanding": "outstanding_principal_vnd", "overdue": "overdue_principal_vnd"}
"""The sums of each group of loans and their columns; repaid principal is left out, as disbursed less
outstanding tells it."""
SUMS = ", ".join(f"coalesce(sum(l.{column}), 0) AS {name}, count(*) FILTER (WHERE l.{column} > 0) AS {name}_behind"
                 for name, column in MONEY.items())
GROUPS = f"""SELECT l.status, l.purpose, l.borrower_kind, count(*) AS loans, {SUMS}
    FROM loans l WHERE l.applied_on BETWEEN $1 AND $2 AND {own_rows('l')}
    GROUP BY l.status, l.purpose, l.borrower_kind"""

@dataclass(frozen=True, slots=True)
class LoanGroup:
    """Loans of one status, purpose and kind of borrower, with their sums."""

    status: str
    purpose: str
    borrower_kind: str
    loans: int
    amounts: dict[str, Amount] = field(default_factory=dict)


async def loan_groups(connection: Connection, period: Selection) -> list[LoanGroup]:
    """The period's loans grouped by status, purpose and kind of borrower."""
    rows = await connection.fetch(GROUPS, *figure_arguments(period))
    return [LoanGroup(row["status"], row["purpose"], row["borrower_kind"], row["loans"],
                      {name: Amount(int(row[name]), row[f"{name}_behind"]) for name in MONEY}) for row in rows]


def loans_by(groups: list[LoanGroup], key: str) -> dict[str, int]:
    """Number of loans by one attribute of the groups (status, purpose or borrower_kind)."""
    counts: dict[str, int] = {}
    for group in groups:
        counts[getattr(group, key)] = counts.get(getattr(group, key), 0) + group.loans
    return counts


def amounts_by(groups: list[LoanGroup], key: str, money: str) -> dict[str, Amount]:
    """One of the sums (see MONEY) by one attribute of the groups."""
    amounts: dict[str, Amount] = {}
    for group in groups:
        amounts[getattr(group, key)] = amounts.get(getattr(group, key), Amount()) + group.amounts[money]
    return amounts
