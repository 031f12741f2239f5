"""Closed choices an officer picks when assessing a person or logging a contact (kept inside the service: none of
them crosses to Kafka)."""

from enum import StrEnum


class WorkAndIncome(StrEnum):
    """Whether the person earns a living."""

    STABLE = "stable"
    IRREGULAR = "irregular"
    NONE = "none"


class Housing(StrEnum):
    """Where the person lives."""

    STABLE = "stable"
    TEMPORARY = "temporary"
    NONE = "none"


class Family(StrEnum):
    """Whether family supports the person."""

    SUPPORTIVE = "supportive"
    STRAINED = "strained"
    NONE = "none"


class SubstanceUse(StrEnum):
    """Drug or alcohol use."""

    NONE = "none"
    PAST = "past"
    CURRENT = "current"


class Compliance(StrEnum):
    """How the person keeps the commitment (HCD-05) and reports."""

    COMPLIES = "complies"
    LAPSES = "lapses"
    REFUSES = "refuses"


class VisitOutcome(StrEnum):
    """What came of a contact; only a contact where the person was met counts towards the contact standard."""

    MET = "met"
    NOT_AT_HOME = "not_at_home"
    REFUSED = "refused"
