"""The base of a loan's internal events (loan_events.py, loan_servicing_events.py)."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from hoanhap_credit.domain.loan_party import LoanParty


class LoanFact(BaseModel):
    """Base of the loan's events: frozen, and named by their class."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: ClassVar[int] = 1
    party: LoanParty | None = None
    """Whose loan it is, stamped on every event by the service as it stores them (decide leaves it out), so each
    stored event can be published on its own (adapters/publishing.py)."""

    @classmethod
    def type_name(cls) -> str:
        """The event type recorded in the store."""
        return cls.__name__
