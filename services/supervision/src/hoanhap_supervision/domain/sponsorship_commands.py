"""What officers ask of a case about its sponsors and the support given, free text already sealed."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.contracts import SponsorKind, SupportKind


@dataclass(frozen=True)
class AssignSponsor:
    sponsor_id: UUID
    kind: SponsorKind
    sealed_name: str
    sealed_contact: str | None
    token_subject: str | None
    model_id: UUID | None
    assigned_on: date


@dataclass(frozen=True)
class EndSponsorship:
    sponsor_id: UUID
    ended_on: date
    sealed_reason: str


@dataclass(frozen=True)
class ProvideSupport:
    support_id: UUID
    kind: SupportKind
    provided_on: date
    value: int | None
    model_id: UUID | None
    sealed_note: str | None
    by_subject: str
    by_role: str
