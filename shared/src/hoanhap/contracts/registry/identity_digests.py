"""The registry's identity digests for the bank: one record per person on a compacted topic, withdrawn on erasure.

Not an event stream but the latest value per key: the key is the person id, the value the record below (JSON),
and a tombstone (no value) withdraws it when the person is erased, so once the log cleaner has compacted the
topic no copy of the digest is left on Kafka. Only the registry writes it and only the credit service reads it
(`docs/threat-model.md`); the digest itself is `hoanhap.contracts.digest.identity_digest`.
"""

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from hoanhap.contracts.values import PersonId, lowercase_hex

IDENTITY_DIGEST_TOPIC = "hoanhap.registry.identity-digests"

# Cleaner settings the registry creates the topic with: the segment holding a digest closes within an hour and is
# compacted within a day of a tombstone; a tombstone is kept a day for consumers that were away.
IDENTITY_DIGEST_TOPIC_CONFIG = {
    "cleanup.policy": "compact",
    "segment.ms": str(60 * 60 * 1000),
    "max.compaction.lag.ms": str(24 * 60 * 60 * 1000),
    "delete.retention.ms": str(24 * 60 * 60 * 1000),
}

IdentityDigest = Annotated[
    str,
    AfterValidator(lowercase_hex(64, "identity digest")),
    Field(json_schema_extra={"pattern": "^[0-9a-f]{64}$"},
          description="scrypt (lowercase hex) of the citizen ID and birth date, keyed per deployment"),
]


class IdentityDigestRecord(BaseModel):
    """The value under a person's key: the digest the bank computes from an applicant's documents to find them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    person_id: PersonId
    identity_digest: IdentityDigest

    def key(self) -> bytes:
        """The Kafka key: the person id, so a tombstone under it withdraws this record."""
        return str(self.person_id).encode()
