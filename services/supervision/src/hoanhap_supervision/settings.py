"""Settings of the supervision service, read from the environment."""

import base64
from datetime import date

from pydantic import Field, field_validator

from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap.service.settings import Base64Key, ServiceSettings
from hoanhap_supervision.domain.rules import DEFAULT_CONTACT_STANDARD, DEFAULT_REASSESSMENT_DAYS, SupervisionRules

KEY_BYTES = 32
DAYS_MAX = 3650


class SupervisionSettings(ServiceSettings):
    """The shared service settings, its consumer's name, the key that wraps people's keys, and the rules."""

    http_port: int = 8002
    consumer_group: str = Field(default="supervision", pattern=r"^[a-z0-9][a-z0-9-]{0,60}$",
                                description="names this deployment's consumer of the registry topic (and its "
                                            "Kafka group); a second deployment needs its own")
    notes_master_key: Base64Key = Field(description="base64 of 32 random bytes wrapping every person's own key, which "
                                              "seals the free text about them (crypto-shredding on erasure)")
    reassessment_days: dict[RiskGroup, int] = Field(
        default_factory=lambda: dict(DEFAULT_REASSESSMENT_DAYS),
        description='JSON: days from an assessment to the next, by the group it gave (defaults unverified), e.g. '
                    '{"A": 180, "B": 90, "C": 30, "D": 90}')
    contact_standard: dict[RiskGroup, dict[VisitKind, int]] = Field(
        default_factory=lambda: {group: dict(kinds) for group, kinds in DEFAULT_CONTACT_STANDARD.items()},
        description="JSON: most days allowed between two contacts of each kind where the person was met, by risk "
                    'group; a kind left out is not due (defaults unverified), e.g. {"A": {"home_visit": 90}, ...}')
    public_holidays: list[date] = Field(default_factory=list,
                                        description="JSON list of days off announced beyond Vietnam's statutory "
                                                    "public holidays (built in), the registry's setting, e.g. "
                                                    '["2026-01-02"]')

    @field_validator("reassessment_days")
    @classmethod
    def every_group_has_an_interval(cls, value: dict[RiskGroup, int]) -> dict[RiskGroup, int]:
        """Every group, 1 to 3650 days."""
        if missing := set(RiskGroup) - set(value):
            raise ValueError(f"no interval for group {', '.join(sorted(missing))}")
        if wrong := [group for group, days in value.items() if not 1 <= days <= DAYS_MAX]:
            raise ValueError(f"group {', '.join(sorted(wrong))}: days must be 1 to {DAYS_MAX}")
        return value

    @field_validator("contact_standard")
    @classmethod
    def every_group_has_a_standard(cls, value: dict[RiskGroup, dict[VisitKind, int]]
                                   ) -> dict[RiskGroup, dict[VisitKind, int]]:
        """Every group (maybe with no kind due), 1 to 3650 days."""
        if missing := set(RiskGroup) - set(value):
            raise ValueError(f"no contact standard for group {', '.join(sorted(missing))}")
        if any(not 1 <= days <= DAYS_MAX for kinds in value.values() for days in kinds.values()):
            raise ValueError(f"days between contacts must be 1 to {DAYS_MAX}")
        return value

    @property
    def master_key(self) -> bytes:
        """The key wrapping people's keys."""
        return base64.b64decode(self.notes_master_key)[:KEY_BYTES]

    @property
    def rules(self) -> SupervisionRules:
        """The reassessment intervals and the contact standard."""
        return SupervisionRules(self.reassessment_days, self.contact_standard)
