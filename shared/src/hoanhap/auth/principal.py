"""Who is calling: agency, role and jurisdiction, as the bearer token states them."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Agency(StrEnum):
    """The agencies that run a service or read its figures."""

    POLICE = "police"
    SUPERVISION = "supervision"
    BANK = "bank"
    STEERING_COMMITTEE = "steering_committee"


class Role(StrEnum):
    """What a person may do: officers record, supervisors also correct and close, analysts read figures."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ANALYST = "analyst"
    ADMIN = "admin"


class Jurisdiction(BaseModel):
    """A province, and optionally only some of its communes (none listed: the whole province)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    province: str = Field(pattern=r"^\d{2}$", description="official province code")
    communes: tuple[str, ...] = Field(default=(), description="official commune codes; empty: all")

    def covers(self, province_code: str, commune_code: str | None = None) -> bool:
        """True when the place lies inside this jurisdiction."""
        if province_code != self.province:
            return False
        return not self.communes or commune_code is None or commune_code in self.communes


class Principal(BaseModel):
    """The verified caller."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    sub: str = Field(min_length=1)
    agency: Agency
    role: Role
    jurisdiction: Jurisdiction

    def can_access(self, province_code: str, commune_code: str | None = None) -> bool:
        """True when the caller may read identified data and write at this place."""
        return self.jurisdiction.covers(province_code, commune_code)

    def sees_province(self, province_code: str) -> bool:
        """True when the province is the caller's: people of other provinces are invisible (404)."""
        return province_code == self.jurisdiction.province
