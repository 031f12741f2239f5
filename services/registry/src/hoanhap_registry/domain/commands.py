"""What officers ask the registry to do to a case, once the HTTP layer has validated and sealed the input."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.contracts import CaseClosureReason, ReoffenceStatus
from hoanhap_registry.domain.events import ReleaseRegistered


@dataclass(frozen=True)
class RegisterRelease:
    """Open a case; the identity is already sealed with the person's key."""

    release: ReleaseRegistered


@dataclass(frozen=True)
class ConfirmResidence:
    confirmed_on: date


@dataclass(frozen=True)
class RecordIntake:
    commitment_on: date
    information_sheet_on: date


@dataclass(frozen=True)
class ChangeResidence:
    province_code: str
    commune_code: str
    village: str | None
    moved_on: date


@dataclass(frozen=True)
class RecordReoffence:
    """A new reoffence (reoffence_id new), or the conviction of an earlier arrest (reoffence_id of that arrest)."""

    reoffence_id: UUID
    committed_on: date
    offence_articles: tuple[int, ...]
    status: ReoffenceStatus
    updates_arrest: bool = False


@dataclass(frozen=True)
class CloseCase:
    closed_on: date
    reason: CaseClosureReason
    note: str | None


@dataclass(frozen=True)
class EraseIdentity:
    erased_on: date


Command = (RegisterRelease | ConfirmResidence | RecordIntake | ChangeResidence | RecordReoffence | CloseCase
           | EraseIdentity)
