"""Settings of the credit service, read from the environment."""

import base64

from pydantic import Field

from hoanhap.service.settings import Base64Key, ServiceSettings
from hoanhap_credit.domain.rates import DEFAULT_POOR_HOUSEHOLD_RATES, RateInForce, RateTable

KEY_BYTES = 32


class CreditSettings(ServiceSettings):
    """The shared service settings, its consumers' name, the key of the identity digest, its own master key and
    the rates in force."""

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
