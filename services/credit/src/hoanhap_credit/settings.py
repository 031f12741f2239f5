"""Settings of the credit service, read from the environment."""

import base64

from pydantic import Field, field_validator

from hoanhap.contracts.credit.servicing import DEBT_GROUPS
from hoanhap.service.settings import Base64Key, ServiceSettings
from hoanhap_credit.domain.debt_groups import DEFAULT_DEBT_GROUPS, DebtGroupRange, checked_ranges
from hoanhap_credit.domain.rates import DEFAULT_POOR_HOUSEHOLD_RATES, RateInForce, RateTable
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation

KEY_BYTES = 32


class CreditSettings(ServiceSettings):
    """The shared service settings, its consumers' name, the key of the identity digest, its own master key, the
    rates in force and the end of day's debt groups."""

    http_port: int = 8003
    consumer_group: str = Field(default="credit", pattern=r"^[a-z0-9][a-z0-9-]{0,60}$",
                                description="names this deployment's consumers of the registry's topics (and their "
                                            "Kafka groups); a second deployment needs its own")
    identity_digest_key: Base64Key = Field(description="base64 of >= 32 random bytes, the registry's key of the "
                                                       "identity digest (held by the registry and credit only): "
                                                       "credit computes an applicant's digest with it to find them")

    borrower_master_key: Base64Key = Field(description="base64 of 32 random bytes, credit's own: wraps every "
                                                       "borrower's and business's key (sealing identities and "
                                                       "reasons) and keys the bank's lookup of citizen IDs")
    poor_household_rates: list[RateInForce] = Field(
        default_factory=lambda: list(DEFAULT_POOR_HOUSEHOLD_RATES.rates),
        description='JSON list of the poor-household rates in force, oldest first (a new rate applies to loans '
                    'first disbursed from its day), e.g. [{"effective_from": "2023-10-10", "annual_rate": "0.066"}]')

    debt_groups: list[DebtGroupRange] = Field(
        default_factory=lambda: list(DEFAULT_DEBT_GROUPS),
        description="JSON list of the debt groups by days past due, numbered from 1 (in order) to at most 5, from 0 "
                    "days without gap or overlap, the last open-ended; default the State Bank's five, unverified for "
                    'this bank: [{"group": 1, "from_days": 0, "to_days": 9}, {"group": 2, "from_days": 10, '
                    '"to_days": 90}, {"group": 3, "from_days": 91, "to_days": 180}, {"group": 4, "from_days": 181, '
                    '"to_days": 360}, {"group": 5, "from_days": 361, "to_days": null}]')
    max_extension_months: int = Field(default=12, ge=0, le=120,
                                      description="how many months after the term's end an instalment may at most "
                                                  "be extended to (unverified: the bank's rules on extension)")
    end_of_day_batch: int = Field(default=1_000, ge=1, le=10_000,
                                  description="loans the end of day closes in one transaction")
    end_of_day_in_service: bool = Field(default=True,
                                        description="whether the service closes each day itself after Vietnam's "
                                                    "midnight; false when the deployment's own scheduler runs "
                                                    "hoanhap-credit-end-of-day instead")

    @field_validator("debt_groups")
    @classmethod
    def groups_cover_every_day(cls, value: list[DebtGroupRange]) -> list[DebtGroupRange]:
        """Every day past due in one group; groups numbered 1, 2... up to the contract's 5 (LoanOverdue)."""
        try:
            checked_ranges(tuple(value))
        except ScheduleRuleViolation as refused:
            raise ValueError(refused.message) from refused
        if [found.group for found in value] != list(range(1, len(value) + 1)) or len(value) > DEBT_GROUPS:
            raise ValueError(f"the groups must be numbered 1, 2... in order, at most {DEBT_GROUPS}")
        return value

    @property
    def master_key(self) -> bytes:
        """The key wrapping borrowers' keys (AES-256: its first 32 bytes)."""
        return base64.b64decode(self.borrower_master_key)[:KEY_BYTES]

    @property
    def rates(self) -> RateTable:
        """The rates in force, checked (oldest first, each between 0 and 1)."""
        return RateTable(tuple(self.poor_household_rates))

    @property
    def digest_key(self) -> bytes:
        """The key of the identity digest, as the registry decodes it."""
        return base64.b64decode(self.identity_digest_key)
