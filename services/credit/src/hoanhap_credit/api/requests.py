"""Request bodies of the borrowers and the applications: every field validated, every refusal naming the field."""

import uuid
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from hoanhap.contracts.credit.choices import AgentOrganisation, BusinessType
from hoanhap.contracts.values import Count, Money, MonthCount, PositiveCount
from hoanhap.places import official_places
from hoanhap_credit.api.fields import CitizenId, OfficialCommune, OfficialProvince, PastDay, Text
from hoanhap_credit.domain.applications import Purpose


class Body(BaseModel):
    """Unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PlacedBody(Body):
    """A body naming a commune of a province."""

    province_code: OfficialProvince
    commune_code: OfficialCommune

    @model_validator(mode="after")
    def commune_lies_in_the_province(self) -> Self:
        """The commune is one of the province's: refused at commune_code, quoting the codes, not the body."""
        if problem := official_places().province_mismatch(self.commune_code, self.province_code):
            mismatch = InitErrorDetails(type=PydanticCustomError("place", problem), loc=("commune_code",), input=None)
            raise ValidationError.from_exception_data(type(self).__name__, [mismatch])
        return self


class BorrowerRequest(PlacedBody):
    citizen_id: CitizenId = Field(description="12 digits, from the citizen ID card (kept sealed)")
    birth_date: PastDay = Field(description="from the citizen ID card: with the ID, finds the registry's person")
    full_name: Text = Field(description="kept sealed")
    address: Text = Field(description="kept sealed")
    household_representative: Text = Field(description="who signs for the household (kept sealed)")


class BusinessRequest(PlacedBody):
    name: Text = Field(description="kept in credit only")
    registration: Text | None = Field(description="business or cooperative registration number; null: none")
    kind: BusinessType


class WorkforceRequest(Body):
    total_workers: PositiveCount
    eligible_workers_on_contract: Count = Field(description="eligible people employed on labour contracts")

    @model_validator(mode="after")
    def eligible_among_all(self) -> Self:
        """No more eligible workers than workers."""
        if self.eligible_workers_on_contract > self.total_workers:
            raise ValueError("eligible_workers_on_contract is more than total_workers")
        return self


class LoanRequestBody(Body):
    borrower_id: uuid.UUID | None = Field(default=None, description="a person's loan: the borrower registered "
                                                                    "first (give this or business_id)")
    business_id: uuid.UUID | None = Field(default=None, description="a business's loan")
    purpose: Purpose
    amount: Money = Field(description="VND asked")
    term_months: PositiveCount
    course_months: MonthCount | None = Field(default=None, description="training loans only, at least 1")
    security_offered: bool = False
    other_programme_debt_same_purpose: Money = Field(default=0, description="VND still owed to the bank under "
                                                                            "another programme, same purpose")
    agent_organisation: AgentOrganisation | None = Field(default=None, description="a person's loan only")
    savings_group: Text | None = Field(default=None, description="a person's loan only: the group's name or number")
    workforce: WorkforceRequest | None = Field(default=None, description="a business's loan only")
    plan_confirmed_on: PastDay | None = Field(default=None, description="a business's loan only: the day the "
                                                                        "commune confirmed its plan (Form 02)")
    applied_on: PastDay | None = Field(default=None, description="default: today in Vietnam")

    @model_validator(mode="after")
    def fits_the_borrower_and_purpose(self) -> Self:
        """A person's loan or a business's, with the details of each; the course for training only."""
        if problems := [InitErrorDetails(type=PydanticCustomError("application", message), loc=(field,), input=None)
                        for field, message in loan_problems(self)]:
            raise ValidationError.from_exception_data(type(self).__name__, problems)
        return self


def loan_problems(body: LoanRequestBody) -> list[tuple[str, str]]:
    """Each field that does not fit the rest of the application, with why."""
    problems = []
    if (body.borrower_id is None) == (body.business_id is None):
        problems.append(("borrower_id", "give exactly one of borrower_id and business_id"))
    person = body.borrower_id is not None
    for field, given in (("agent_organisation", body.agent_organisation), ("savings_group", body.savings_group)):
        if person and given is None:
            problems.append((field, "a person's loan names the agent organisation and its savings group"))
        if not person and given is not None:
            problems.append((field, "only a person's loan goes through an agent organisation"))
    if person == (body.workforce is not None) or (person and body.plan_confirmed_on is not None):
        problems.append(("workforce", "a business's loan, and only one, gives its workforce and plan_confirmed_on"))
    if (body.purpose is Purpose.TRAINING) != (body.course_months is not None) or body.course_months == 0:
        problems.append(("course_months", "a training loan, and only one, gives the course's months (at least 1)"))
    if body.amount < 1:
        problems.append(("amount", "a loan of 0 VND is no loan"))
    return problems
