"""Value types shared by the integration events: identifiers that carry no identity, places, money, time.

Every integer type here is strict: a float (even 30000000.0) or a numeric string is rejected, never rounded.

The bounds below are the one definition of what a value may be, for the HTTP requests that take it, the events
that carry it and the columns that store it: a count fits PostgreSQL's `integer`, an amount of money its `bigint`
(and a JavaScript number exactly, for the dashboard), a year or a day the calendar the services work in. A value
a request accepts is then one its event and every column downstream can hold (tests/unit/contracts/
test_value_bounds.py sweeps every field).
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import UUID4, AfterValidator, AwareDatetime, BeforeValidator, Field, Strict, WithJsonSchema

INTEGER_COLUMN_MAX = 2**31 - 1  # PostgreSQL integer
BIGINT_COLUMN_MAX = 2**63 - 1  # PostgreSQL bigint (positions, feed ids)
MONEY_MAX = 10**15  # VND 1 quadrillion: above any loan or aid (Decision 22 lends at most VND 2 billion a project)
MONTHS_MAX = 1200  # a hundred years
PENAL_CODE_LAST_ARTICLE = 500  # the 2015 Penal Code has 426 articles; room for amendments numbered on
FIRST_YEAR, LAST_YEAR = 1900, 2100
YOUNGEST_AT_RELEASE = 14  # criminal responsibility starts at 14 (Penal Code Art. 12)
OLDEST_AT_RELEASE = 110
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


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


def iso_day(value: Any) -> Any:
    """A day written YYYY-MM-DD (or a date object): a number is not a day, though pydantic would read 0 as
    1970-01-01, nor is a timestamp."""
    if isinstance(value, datetime) or not isinstance(value, date | str):
        raise ValueError("must be a day written YYYY-MM-DD")
    if isinstance(value, str) and not (len(value) == 10 and value[4] == value[7] == "-"):
        raise ValueError(f"must be a day written YYYY-MM-DD, not {value[:40]!r}")
    return value


def within_the_calendar(value: date) -> date:
    """A day of the years the services work in."""
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"{value.isoformat()} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return value


def within_the_calendar_years(value: datetime) -> datetime:
    """An instant of the years the services work in (9999-12-31T23:59:59-12:00 is not one: it is no time in UTC)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"{value.isoformat()} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return value


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
Money = Annotated[
    int, Strict(), Field(ge=0, le=MONEY_MAX, description="An amount in whole VND (integer, never a float)")
]
InterestRateBasisPoints = Annotated[
    int, Strict(), Field(ge=0, le=10_000, description="Yearly interest rate in basis points (6.6% = 660)")
]
BirthYear = Annotated[int, Strict(), Field(ge=FIRST_YEAR, le=LAST_YEAR)]
AgeAtRelease = Annotated[
    int, Strict(),
    Field(ge=YOUNGEST_AT_RELEASE, le=OLDEST_AT_RELEASE, description="Whole years of age on the release date"),
]
MonthCount = Annotated[int, Strict(), Field(ge=0, le=MONTHS_MAX, description="A length of time in months")]
Count = Annotated[int, Strict(), Field(ge=0, le=INTEGER_COLUMN_MAX)]
PositiveCount = Annotated[int, Strict(), Field(ge=1, le=INTEGER_COLUMN_MAX)]
PenalCodeArticle = Annotated[
    int, Strict(), Field(ge=1, le=PENAL_CODE_LAST_ARTICLE,
                         description="Article number of the 2015 Penal Code (as amended)")
]
Day = Annotated[
    date, BeforeValidator(iso_day), AfterValidator(within_the_calendar),
    WithJsonSchema({"type": "string", "format": "date",
                    "description": f"A day written YYYY-MM-DD, {FIRST_DAY} to {LAST_DAY}"}),
]
OffenceArticles = Annotated[tuple[PenalCodeArticle, ...], Field(min_length=1)]
Instant = Annotated[
    AwareDatetime, AfterValidator(within_the_calendar_years), AfterValidator(as_utc),
    Field(description=f"A time with its timezone, years {FIRST_YEAR} to {LAST_YEAR}: 2026-03-01T08:00:00+07:00"),
]
UtcDateTime = Annotated[
    AwareDatetime,
    AfterValidator(as_utc),
    Field(description="A timezone-aware instant, stored in UTC; naive datetimes are rejected"),
]
