"""Credit figures: the period's applications by their status on its measuring day (the period's last day, or
Vietnam's today while it runs), what happened to loans in the period, and the loans outstanding on the measuring
day by debt group, with their sums in VND. Exact for the steering committee and the bank of the figure's place;
for everyone else by the public rules (hoanhap_stats.figures.disclosure), sums over fewer loans than the threshold
withheld with what would give them away, and only credit's public release (credit/release.py) at all."""

from typing import Any

from fastapi import APIRouter

from hoanhap.contracts import AgentOrganisation, LoanPurpose
from hoanhap_stats.credit import measures
from hoanhap_stats.credit.activity import activity as loan_activity
from hoanhap_stats.credit.figures import BUSINESS, MONEY, NONE_RECORDED, LoanGroup, amounts_by, loan_groups, loans_by
from hoanhap_stats.credit.loans import LoanStatus
from hoanhap_stats.credit.portfolio import debt_groups
from hoanhap_stats.credit.release import CreditShown, released, released_cells
from hoanhap_stats.figures.amounts import Amount, amount_breakdown, shown_amount, total
from hoanhap_stats.figures.dependencies import Database, Place, described
from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.measuring_day import measured_on
from hoanhap_stats.figures.place_tables import published_counts

router = APIRouter(prefix="/v1/credit", tags=["credit"])
ALL_VALUES = {"status": list(map(str, LoanStatus)), "purpose": list(map(str, LoanPurpose)),
              "borrower_kind": ["individual", "business"],
              "agent_organisation": [*map(str, AgentOrganisation), NONE_RECORDED, BUSINESS]}
"""Every value of each breakdown, so a breakdown lists the empty ones too."""


@router.get("/loans")
async def loans(period: Place, shown: CreditShown, connection: Database) -> dict[str, Any]:
    """Loans applied for in the period: how many, by the status each had on the measuring day, by purpose, kind of
    borrower and agent organisation (an individual's, none_recorded when none was; business for a business's), and
    the sums asked for and approved by the measuring day, in total and by purpose."""
    count = (await published_counts(connection, measures.loans, period, shown))["loans"]
    groups = await loan_groups(connection, period)
    return described(period, shown, measure="loans applied for in the period, as they stood on the measuring day",
                     measured_on=measured_on(period).isoformat(), loans=count,
                     **{f"by_{key}": released_cells(shown, "loans", f"by_{key}", shown.breakdown(
                         counts_by(groups, key), count)) for key in ALL_VALUES},
                     amounts_vnd={money: released(shown, "loans", f"{money}_vnd", shown_amount(
                         shown, total(amounts_by(groups, "purpose", money)))) for money in MONEY},
                     amounts_vnd_by_purpose=sums_by_purpose(groups, shown))


@router.get("/activity")
async def activity(period: Place, shown: CreditShown, connection: Database) -> dict[str, Any]:
    """Loans approved, rejected, withdrawn, paid out (any tranche), repaying principal, settled and written off in
    the period, and the sums approved, paid out, repaid and written off in it."""
    counts = await published_counts(connection, measures.activity, period, shown)
    amounts = (await loan_activity(connection, period)).amounts
    return described(period, shown, measure="what happened to loans in the period",
                     **{name: released(shown, "activity", name, count) for name, count in counts.items()},
                     amounts_vnd={name: released(shown, "activity", f"{name}_vnd", shown_amount(shown, amount))
                                  for name, amount in amounts.items()})


@router.get("/portfolio")
async def portfolio(period: Place, shown: CreditShown, connection: Database) -> dict[str, Any]:
    """Loans outstanding on the measuring day: how many, how many with principal overdue, how many in each debt
    group (1..5), their outstanding principal and their overdue principal, in total and by debt group."""
    counts = await published_counts(connection, measures.portfolio, period, shown)
    groups = await debt_groups(connection, period)
    overdue = {name: group.overdue_principal for name, group in groups.items()}
    return described(period, shown, measure="loans outstanding on the measuring day",
                     measured_on=measured_on(period).isoformat(), **counts,
                     loans_by_debt_group=shown.breakdown({name: group.loans for name, group in groups.items()},
                                                         counts["loans_outstanding"]),
                     outstanding_principal_vnd=shown_amount(shown, total(
                         {name: group.outstanding for name, group in groups.items()})),
                     overdue_principal_vnd=shown_amount(shown, total(overdue)),
                     overdue_principal_vnd_by_debt_group=amount_breakdown(shown, overdue))


def counts_by(groups: list[LoanGroup], key: str) -> dict[str, int]:
    """Loans by one attribute, every value listed."""
    return dict.fromkeys(ALL_VALUES[key], 0) | loans_by(groups, key)


def sums_by_purpose(groups: list[LoanGroup], shown: Disclosure) -> dict[str, dict[str, int | None]]:
    """Each sum by purpose, every purpose listed."""
    return {money: released_cells(shown, "loans", f"{money}_vnd", amount_breakdown(shown, {
        purpose: amounts_by(groups, "purpose", money).get(purpose, Amount()) for purpose in ALL_VALUES["purpose"]}))
        for money in MONEY}
