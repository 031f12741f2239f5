"""Who borrows and where, as the bank records it beside an application: the bank's borrower (and the registry's
person when the borrower was found there) or the business, the commune the loan belongs to, and, for a household,
the agent organisation and its savings group. The rules of a loan never read it; it says whose loan it is."""

from uuid import UUID

from pydantic import BaseModel, ConfigDict

from hoanhap.contracts.credit.choices import AgentOrganisation, BusinessType


class LoanParty(BaseModel):
    """An individual's loan names borrower_id (and person_id once matched); a business's names business_id and
    business_kind. province_code and commune_code are where the loan is held: the borrower's or the business's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    province_code: str
    commune_code: str
    borrower_id: UUID | None = None
    person_id: UUID | None = None
    business_id: UUID | None = None
    business_kind: BusinessType | None = None
    agent_organisation: AgentOrganisation | None = None
    savings_group: str | None = None

    @property
    def holder_id(self) -> UUID:
        """The id the loan's sealed texts are keyed by: the borrower's, or the business's."""
        holder = self.borrower_id or self.business_id
        assert holder is not None, "a loan party names a borrower or a business"
        return holder
