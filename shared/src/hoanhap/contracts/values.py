"""Value types shared by the integration events: identifiers that carry no identity, places, money, time.

Every integer type here is strict: a float (even 30000000.0) or a numeric string is rejected, never rounded.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

from pydantic import UUID4, AfterValidator, AwareDatetime, Field, Strict


def exact_digits(count: int, what: str) -> Callable[[str], str]:
    """A validator accepting exactly `count` ASCII digits, naming `what` in its error."""

    def check(value: str) -> str:
        if len(value) != count or not (value.isascii() and value.isdigit()):
            raise ValueError(f"{what} must be exactly {count} digits, got {value!r}")
        return value

    return check


def lowercase_hex(count: int, what: str) -> Callable[[str], str]:
    """A validator accepting exactly `count` lowercase hexadecimal characters, naming `what` in its error."""

    def check(value: str) -> str:
        if len(value) != count or value.strip("0123456789abcdef"):
            raise ValueError(f"{what} must be exactly {count} lowercase hex characters, got {value!r}")
        return value

    return check


def as_utc(value: datetime) -> datetime:
    """The same instant expressed in UTC."""
    return value.astimezone(UTC)


PersonId = Annotated[
    UUID4, Field(description="Random identifier of a person; says nothing about who they are")
]
NationalIdDigest = Annotated[
    str,
    AfterValidator(lowercase_hex(64, "national ID digest")),
    Field(
        json_schema_extra={"pattern": "^[0-9a-f]{64}$"},
        description="HMAC-SHA256 (lowercase hex) of the citizen ID, keyed per deployment",
    ),
]
ProvinceCode = Annotated[
    str,
    AfterValidator(exact_digits(2, "province code")),
    Field(
        json_schema_extra={"pattern": "^[0-9]{2}$"},
        description="Official province code (34 provinces since 2025-07-01)",
    ),
]
CommuneCode = Annotated[
    str,
    AfterValidator(exact_digits(5, "commune code")),
    Field(json_schema_extra={"pattern": "^[0-9]{5}$"}, description="Official commune-level unit code"),
]
FormerPlaceName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description="Name of a former district or commune from an old record, kept as text, never coded",
    ),
]
Money = Annotated[int, Strict(), Field(ge=0, description="An amount in whole VND (integer, never a float)")]
InterestRateBasisPoints = Annotated[
    int, Strict(), Field(ge=0, le=10_000, description="Yearly interest rate in basis points (6.6% = 660)")
]
BirthYear = Annotated[int, Strict(), Field(ge=1900, le=2100)]
MonthCount = Annotated[int, Strict(), Field(ge=0, le=1200, description="A length of time in months")]
Count = Annotated[int, Strict(), Field(ge=0)]
PositiveCount = Annotated[int, Strict(), Field(ge=1)]
PenalCodeArticle = Annotated[
    int, Strict(), Field(ge=1, description="Article number of the 2015 Penal Code (as amended)")
]
OffenceArticles = Annotated[tuple[PenalCodeArticle, ...], Field(min_length=1)]
UtcDateTime = Annotated[
    AwareDatetime,
    AfterValidator(as_utc),
    Field(description="A timezone-aware instant, stored in UTC; naive datetimes are rejected"),
]
