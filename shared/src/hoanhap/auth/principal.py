"""Who is calling: the agency, the role and the jurisdiction that a verified bearer token states."""

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hoanhap.contracts.values import CommuneCode, ProvinceCode
from hoanhap.places import official_places


class Agency(StrEnum):
    """The agency a caller works for; each runs its own service (stats is the steering committee's)."""

    POLICE = "police"  # registry: commune and provincial police
    SUPERVISION = "supervision"  # supervision: police, sponsors and mass organisations
    BANK = "bank"  # credit: the Bank for Social Policies (NHCSXH)
    STEERING_COMMITTEE = "steering_committee"  # stats: Steering Committee 138


class Role(StrEnum):
    """What a caller does inside their agency; each service decides which roles may call which endpoint.

    officer     records facts about people in the jurisdiction (intake, visits, loan applications)
    supervisor  everything an officer does, and corrects, approves and closes
    analyst     reads figures (aggregates) only, never identified people
    admin       operates the service (replays, rebuilds, dead letters); no wider jurisdiction than the token's
    """

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ANALYST = "analyst"
    ADMIN = "admin"


class Jurisdiction(BaseModel):
    """A province, and optionally only some of its communes (none listed: the whole province)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    province: ProvinceCode
    communes: tuple[CommuneCode, ...] = Field(default=(), max_length=200,
                                              description="official commune codes; empty: all")

    @field_validator("communes", mode="before")
    @classmethod
    def absent_means_all(cls, value: Any) -> Any:
        """A null list of communes means the whole province, like an empty one."""
        return () if value is None else value

    @field_validator("province")
    @classmethod
    def official_province(cls, province: str) -> str:
        """Only an official province (34 since 2025-07-01): a token naming another place names nobody's."""
        problem = official_places().province_problem(province)
        if problem is not None:
            raise ValueError(problem.replace("province_code", "province"))
        return province

    @model_validator(mode="after")
    def communes_of_the_province(self) -> "Jurisdiction":
        """Every commune listed is an official commune of the province."""
        places = official_places()
        strangers = [code for code in self.communes if not places.is_commune_of(code, self.province)]
        if strangers:
            raise ValueError(f"communes {', '.join(strangers)} are not official communes of province "
                             f"{self.province}")
        return self

    @property
    def whole_province(self) -> bool:
        """True when no commune restriction applies."""
        return not self.communes

    def covers(self, province_code: str, commune_code: str | None = None) -> bool:
        """True when the place (a commune, or with None the whole province) lies inside this jurisdiction."""
        if province_code != self.province:
            return False
        if commune_code is None:
            return self.whole_province
        return self.whole_province or commune_code in self.communes


class Principal(BaseModel):
    """The verified caller, parsed from a token's claims (registered claims such as exp are ignored here)."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    sub: str = Field(min_length=1, max_length=200, description="who the token was issued to")
    issuer: str = Field(default="", alias="iss", max_length=200, description="who issued the token")
    agency: Agency
    role: Role
    jurisdiction: Jurisdiction

    def can_access(self, province_code: str, commune_code: str | None = None) -> bool:
        """True when the caller may read identified data and write at this place (None: province-wide)."""
        return self.jurisdiction.covers(province_code, commune_code)

    def sees_province(self, province_code: str) -> bool:
        """True when the province is the caller's; people of other provinces are invisible (404)."""
        return province_code == self.jurisdiction.province

    def has_role(self, *roles: Role) -> bool:
        """True when the caller's role is one of these."""
        return self.role in roles

    @property
    def caller_scope(self) -> str:
        """Whose stored things (Idempotency-Keys, imports) these are: the same subject named by another issuer,
        agency or jurisdiction is someone else."""
        communes = ",".join(sorted(self.jurisdiction.communes))
        return f"{self.issuer}|{self.sub}|{self.agency.value}|{self.jurisdiction.province}|{communes}"
