"""Request bodies: every field validated, every refusal naming the field and the reason."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap.contracts.values import Day
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.events import AssessmentFactors


def encodable(value: str) -> str:
    """Text that can be stored: valid Unicode (no lone surrogate)."""
    try:
        value.encode()
    except UnicodeEncodeError as error:
        raise ValueError("is not valid Unicode text") from error
    return value


FreeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000,
                                            pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"),
                     AfterValidator(encodable)]
"""What an officer writes: sealed with the person's key, never published, unreadable once they are erased."""


class Body(BaseModel):
    """Unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class AssessmentRequest(Body):
    risk_group: RiskGroup
    factors: AssessmentFactors = Field(description="what decided the group, each a closed choice")
    reason: FreeText = Field(description="why, in the officer's words (kept sealed)")
    assessed_on: Day = Field(description="from the case's opening (or its last assessment) to today")


class OfficerAssignment(Body):
    officer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                              pattern=r"^[^\x00-\x1f]*$"), AfterValidator(encodable)] = Field(
        description="the officer's token subject (who they sign in as)")
    assigned_on: Day = Field(description="from the case's opening to today")


class VisitRequest(Body):
    kind: VisitKind
    visited_on: Day = Field(description="from the case's opening to today")
    outcome: VisitOutcome = Field(description="only a contact where the person was met counts for the standard")
    note: FreeText | None = Field(default=None, description="what happened (kept sealed)")
