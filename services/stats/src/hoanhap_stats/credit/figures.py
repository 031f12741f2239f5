"""Loans applied for in a period (a cohort), followed to the period's measuring day (its last, or Vietnam's today
while it runs): counts by the status each had that day, purpose, kind of borrower and agent organisation, and the
sums asked for and approved by that day. Each loan's status on a day is its latest row of loan_days by then."""

from dataclasses import dataclass, field

from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.loan_days import state_on
from hoanhap_stats.figures.amounts import Amount
from hoanhap_stats.figures.measuring_day import measured_on
from hoanhap_stats.figures.own_place import figure_arguments, own_rows
from hoanhap_stats.figures.selection import Selection

NONE_RECORDED = "none_recorded"
"""An individual's loan with no agent organisation recorded."""
BUSINESS = "business"
"""A business's loan: a business borrows from the bank directly, through no agent organisation."""
AGENT = (f"CASE WHEN l.borrower_kind = '{BUSINESS}' THEN '{BUSINESS}' "
         f"ELSE coalesce(l.agent_organisation, '{NONE_RECORDED}') END")
MONEY = ("requested", "approved")
"""The sums of each group of loans: asked for, and approved by the measuring day."""
GROUPS = f"""SELECT s.status, l.purpose, l.borrower_kind, {AGENT} AS agent_organisation, count(*) AS loans,
      coalesce(sum(l.amount_requested_vnd), 0) AS requested,
      count(*) FILTER (WHERE l.amount_requested_vnd > 0) AS requested_behind,
      coalesce(sum(l.amount_approved_vnd) FILTER (WHERE l.approved_on <= $13), 0) AS approved,
      count(*) FILTER (WHERE l.approved_on <= $13 AND l.amount_approved_vnd > 0) AS approved_behind
    FROM loans l {state_on("$13", "s")}
    WHERE l.applied_on BETWEEN $1 AND $2 AND {own_rows('l')}
    GROUP BY 1, 2, 3, 4"""


@dataclass(frozen=True, slots=True)
class LoanGroup:
    """Loans of one status, purpose, kind of borrower and agent organisation, with their sums."""

    status: str
    purpose: str
    borrower_kind: str
    loans: int
    amounts: dict[str, Amount] = field(default_factory=dict)
    agent_organisation: str = NONE_RECORDED


async def loan_groups(connection: Connection, period: Selection) -> list[LoanGroup]:
    """The period's applications grouped by their status on its measuring day, purpose, borrower and agent."""
    rows = await connection.fetch(GROUPS, *figure_arguments(period), measured_on(period))
    return [LoanGroup(row["status"], row["purpose"], row["borrower_kind"], row["loans"],
                      {name: Amount(int(row[name]), row[f"{name}_behind"]) for name in MONEY},
                      row["agent_organisation"]) for row in rows]


def loans_by(groups: list[LoanGroup], key: str) -> dict[str, int]:
    """Number of loans by one attribute of the groups (status, purpose, borrower_kind or agent_organisation)."""
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
