"""What supervision knows of a person from the registry's facts (its own view of the registry topic)."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.contracts import ReleaseType


@dataclass(frozen=True)
class RegistryPerson:
    """The person's place, release and supervision period as the registry last told them."""

    person_id: UUID
    province_code: str
    commune_code: str
    release_type: ReleaseType
    release_date: date
    supervision_ends_on: date | None
