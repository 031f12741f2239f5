"""What officers (and, for support, sponsors) ask to record about sponsors and support, before its free text is
sealed with the person's key."""

import uuid
from dataclasses import dataclass
from datetime import date

from hoanhap.auth import Principal
from hoanhap.contracts import SponsorKind, SupportKind
from hoanhap.sealing import seal_text
from hoanhap_supervision.application.sponsor_tokens import acting_role
from hoanhap_supervision.domain import sponsorship_commands as cmd


@dataclass(frozen=True)
class SponsorInput:
    sponsor_id: uuid.UUID
    kind: SponsorKind
    name: str
    contact: str | None
    token_subject: str | None
    model_id: uuid.UUID | None
    assigned_on: date

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.AssignSponsor:
        """The command, the sponsor's name and contact sealed with the person's key."""
        contact = None if self.contact is None else seal_text(self.contact, key, person_id)
        return cmd.AssignSponsor(sponsor_id=self.sponsor_id, kind=self.kind,
                                 sealed_name=seal_text(self.name, key, person_id), sealed_contact=contact,
                                 token_subject=self.token_subject, model_id=self.model_id,
                                 assigned_on=self.assigned_on)


@dataclass(frozen=True)
class SponsorshipEndInput:
    sponsor_id: uuid.UUID
    ended_on: date
    reason: str

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.EndSponsorship:
        """The command, its reason sealed with the person's key."""
        return cmd.EndSponsorship(sponsor_id=self.sponsor_id, ended_on=self.ended_on,
                                  sealed_reason=seal_text(self.reason, key, person_id))


@dataclass(frozen=True)
class SupportInput:
    support_id: uuid.UUID
    kind: SupportKind
    provided_on: date
    value: int | None
    model_id: uuid.UUID | None
    note: str | None

    def sealed(self, key: bytes, person_id: uuid.UUID, principal: Principal) -> cmd.ProvideSupport:
        """The command by the caller (officer, supervisor or sponsor), its note sealed with the person's key."""
        note = None if self.note is None else seal_text(self.note, key, person_id)
        return cmd.ProvideSupport(support_id=self.support_id, kind=self.kind, provided_on=self.provided_on,
                                  value=self.value, model_id=self.model_id, sealed_note=note,
                                  by_subject=principal.sub, by_role=acting_role(principal))
