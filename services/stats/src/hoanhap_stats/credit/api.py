"""Credit figures: the loans applied for in a period, as they stand now, by status, purpose and kind of borrower,
with their sums in VND. Exact for the figure's jurisdiction; by the public rules (hoanhap_stats.figures.disclosure) for
everyone else, sums over fewer loans than the threshold withheld with what would give them away."""

from typing import Any

from fastapi import APIRouter

from hoanhap.contracts import LoanPurpose
from hoanhap_stats.credit import measures
from hoanhap_stats.credit.figures import MONEY, LoanGroup, amounts_by, loan_groups, loans_by
from hoanhap_stats.credit.loans import LoanStatus
from hoanhap_stats.figures.amounts import Amount, amount_breakdown, shown_amount, total
from hoanhap_stats.figures.dependencies import Database, Place, Shown, described
from hoanhap_stats.figures.disclosure import Disclosure
from hoanhap_stats.figures.place_tables import published_counts

router = APIRouter(prefix="/v1/credit", tags=["credit"])
ALL_VALUES = {"status": list(map(str, LoanStatus)), "purpose": list(map(str, LoanPurpose)),
              "borrower_kind": ["individual", "business"]}
"""Every value of each breakdown, so a breakdown lists the empty ones too."""


@router.get("/loans")
async def loans(period: Place, shown: Shown, connection: Database) -> dict[str, Any]:
    """Loans applied for in the period: how many, by status, purpose and kind of borrower, and their sums
    (requested, approved, disbursed, outstanding and overdue principal), in total and by purpose."""
    count = (await published_counts(connection, measures.loans, period, shown))["loans"]
    groups = await loan_groups(connection, period)
    return described(period, shown, measure="loans applied for in the period", loans=count,
                     **{f"by_{key}": shown.breakdown(counts_by(groups, key), count) for key in ALL_VALUES},
                     amounts_vnd={money: shown_amount(shown, total(amounts_by(groups, "purpose", money)))
                                  for money in MONEY},
                     amounts_vnd_by_purpose=sums_by_purpose(groups, shown))


def counts_by(groups: list[LoanGroup], key: str) -> dict[str, int]:
    """Loans by one attribute, every value listed."""
    return dict.fromkeys(ALL_VALUES[key], 0) | loans_by(groups, key)


def sums_by_purpose(groups: list[LoanGroup], shown: Disclosure) -> dict[str, dict[str, int | None]]:
    """Each sum by purpose, every purpose listed."""
    return {money: amount_breakdown(shown, {purpose: amounts_by(groups, "purpose", money).get(purpose, Amount())
                                            for purpose in ALL_VALUES["purpose"]}) for money in MONEY}
