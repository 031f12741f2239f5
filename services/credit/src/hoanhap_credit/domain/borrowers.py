"""The borrowers and businesses on the bank's record, as the loans need them: where they are, and who they are to
other services (a registry person, or a business of a kind)."""

from dataclasses import dataclass
from uuid import UUID

from hoanhap.contracts.credit.choices import BusinessType


class BorrowerAlreadyRegistered(Exception):
    """Another request registered the same citizen ID first (the table's unique lookup digest)."""


@dataclass(frozen=True)
class BorrowerOnRecord:
    """A person the bank lends to; person_id is the registry's, None when the registry has no release of them."""

    borrower_id: UUID
    person_id: UUID | None
    province_code: str
    commune_code: str


@dataclass(frozen=True)
class BusinessOnRecord:
    """A business the bank lends to."""

    business_id: UUID
    kind: BusinessType
    name: str
    registration: str | None
    province_code: str
    commune_code: str

    @property
    def registration_key(self) -> str | None:
        """The registration number as the bank matches it (one business per number)."""
        return registration_key(self.registration)


def registration_key(registration: str | None) -> str | None:
    """A business registration number as the bank matches it: its letters and digits, upper case ("htx 0104-2021"
    and "HTX-0104-2021" are one number); None when there is no number (such a business may be registered again)."""
    if registration is None:
        return None
    return "".join(character for character in registration if character.isalnum()).upper() or None
