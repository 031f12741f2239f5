"""Request bodies: every field validated, every refusal naming the field and the reason."""

from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from hoanhap.contracts import CaseClosureReason, ReoffenceStatus
from hoanhap.contracts.values import Day
from hoanhap_registry.application.field_types import Article, CitizenId, OfficialCommune, OfficialProvince, Text
from hoanhap_registry.application.release_input import ReleaseFields
from hoanhap_registry.application.release_rules import residence_problem

CommuneCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]


class Body(BaseModel):
    """Unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReleaseRequest(ReleaseFields):
    """A release notice as the prison sends it to the commune."""

    notified_on: Day | None = Field(default=None, description="day the commune was notified; default today")


class ResidenceConfirmation(Body):
    confirmed_on: Day


class IntakeRequest(Body):
    commitment_on: Day = Field(description="commitment not to reoffend signed (form HCD-05)")
    information_sheet_on: Day = Field(description="information sheet filled (form HCD-02)")


class ResidenceChangeRequest(Body):
    province_code: OfficialProvince
    commune_code: OfficialCommune
    village: Text | None = None
    moved_on: Day

    @model_validator(mode="after")
    def commune_lies_in_the_province(self) -> Self:
        """The new commune must be one of the new province's, as at registration."""
        if problem := residence_problem(self):
            raise ValidationError.from_exception_data(type(self).__name__, [problem.as_error_details()])
        return self


class ReoffenceRequest(Body):
    committed_on: Day
    offence_articles: list[Article] = Field(min_length=1, max_length=20)
    status: ReoffenceStatus
    arrest_id: UUID | None = Field(default=None, description="the earlier arrest this conviction or withdrawal "
                                                             "(acquittal, charges dropped) settles")


class ClosureRequest(Body):
    closed_on: Day
    reason: CaseClosureReason
    note: Text | None = None


class ErasureRequest(Body):
    erased_on: Day


class CitizenIdSearch(Body):
    citizen_id: CitizenId


class BorrowerListRequest(Body):
    excluded_person_ids: list[UUID] = Field(default_factory=list, max_length=10_000, description=(
        "people the rules allow whom the commune police judge not to obey the law or avoid social evils"))


class ListCertification(Body):
    certified_on: Day = Field(description="day the commune People's Committee certified the list")
    certified_by: Text = Field(description="the signatory's title and name as on the paper (kept in the registry)")
