"""One loan as the service keeps it: its id, who borrows (loan_party) and its state (loan_state), moved on by
its events together."""

from dataclasses import dataclass, replace
from uuid import UUID

from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_party import LoanParty
from hoanhap_credit.domain.loan_state import Loan, evolve


@dataclass(frozen=True)
class LoanRecord:
    """A loan with whose it is; its version is the loan's."""

    loan_id: UUID
    party: LoanParty
    loan: Loan

    @property
    def version(self) -> int:
        """How many events the loan has."""
        return self.loan.version

    def after(self, events: list[ev.LoanFact]) -> "LoanRecord":
        """The record once these events are added."""
        loan = self.loan
        for event in events:
            loan = evolve(loan, event)
        return replace(self, loan=loan)


def stream_of(loan_id: UUID) -> str:
    """The loan's stream in credit's event store."""
    return f"loan-{loan_id}"


def loan_id_of(stream_id: str) -> UUID | None:
    """The loan a stream is of, None for the streams of borrowers and businesses."""
    return UUID(stream_id.removeprefix("loan-")) if stream_id.startswith("loan-") else None
