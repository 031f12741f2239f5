"""Who sees credit's figures exactly, and which of them the public sees (docs/disclosure-control.md, "Credit's
public release").

Exactly: the steering committee and the bank whose token covers the figure's place. Not the police: a commune's
figures may be one or two borrowers, and their debt and arrears are the bank's business, not a police matter.

Publicly, one release that no difference of public answers can break: the stock on the measuring day
(/v1/credit/portfolio) whole; of the period's flows (/v1/credit/activity) only the decisions (approved, rejected,
withdrawn, and the sum approved), never the flows in the stock identity outstanding(end) = outstanding(start) +
paid out - repaid - written off (nor the loans settled, its count's twin); of the period's applications
(/v1/credit/loans) their number, breakdowns that no other table has (purpose, borrower, agent organisation) and the
sum asked for, never their status on the measuring day nor the sum approved, which would difference against the
decisions of the period (a loan applied for in one year and decided in the next).
"""

from typing import Annotated, TypeVar

from fastapi import Depends, Request

from hoanhap.auth import Agency, OptionalPrincipal
from hoanhap_stats.credit.fold import LOANS_OUTSTANDING, LOANS_OVERDUE
from hoanhap_stats.figures.dependencies import Place, shown_to
from hoanhap_stats.figures.disclosure import Disclosure

CREDIT_EXACT_AGENCIES = frozenset({Agency.STEERING_COMMITTEE, Agency.BANK})
"""The agencies that see the credit figures of their place exactly."""
CREDIT_FEED_FIGURES = frozenset({LOANS_OUTSTANDING, LOANS_OVERDUE})
"""The live feed's credit figures, streamed to the jurisdiction feeds of CREDIT_EXACT_AGENCIES only."""
PUBLICLY_WITHHELD = {
    "activity": frozenset({"disbursed", "repaid", "settled", "written_off",
                           "disbursed_vnd", "repaid_principal_vnd", "written_off_principal_vnd"}),
    "loans": frozenset({"by_status", "approved_vnd"}),
}
"""By endpoint, the figures never published to the public (a sum by its name in amounts_vnd, with _vnd)."""
Value = TypeVar("Value")


def credit_disclosure_of(request: Request, period: Place, principal: OptionalPrincipal) -> Disclosure:
    """Exact for the steering committee and the bank of the figure's place; the public rules for anyone else."""
    return shown_to(request, period, principal, CREDIT_EXACT_AGENCIES)


CreditShown = Annotated[Disclosure, Depends(credit_disclosure_of)]


def released(shown: Disclosure, endpoint: str, name: str, value: Value) -> Value | None:
    """The figure as this caller may see it: None publicly when the endpoint's release withholds it."""
    return None if not shown.exact and name in PUBLICLY_WITHHELD[endpoint] else value


def released_cells(shown: Disclosure, endpoint: str, name: str,
                   cells: dict[str, int | None]) -> dict[str, int | None]:
    """A breakdown as this caller may see it: every cell None publicly when the release withholds it."""
    hidden = released(shown, endpoint, name, cells) is None
    return {key: None if hidden else value for key, value in cells.items()}
