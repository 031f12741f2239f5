"""Closed sets of values shared by several services' events."""

from enum import StrEnum


class ReleaseType(StrEnum):
    """How a person came to be managed in the community (Decree 49/2020, Circular 10/2024)."""

    COMPLETED_SENTENCE = "completed_sentence"
    SPECIAL_AMNESTY = "special_amnesty"
    CONDITIONAL_EARLY_RELEASE = "conditional_early_release"
    SUSPENDED_SENTENCE = "suspended_sentence"
    NON_CUSTODIAL_REFORM = "non_custodial_reform"

    @property
    def has_supervision_period(self) -> bool:
        """True for the types supervised for a set period: early release, suspended sentence, reform."""
        return self in SUPERVISED_FOR_A_PERIOD


SUPERVISED_FOR_A_PERIOD = frozenset(
    {
        ReleaseType.CONDITIONAL_EARLY_RELEASE,
        ReleaseType.SUSPENDED_SENTENCE,
        ReleaseType.NON_CUSTODIAL_REFORM,
    }
)


class Sex(StrEnum):
    """Sex as recorded on the release papers."""

    FEMALE = "female"
    MALE = "male"


class RiskGroup(StrEnum):
    """Circular 10/2024 groups: A stable, B struggling, C at risk of reoffending, D detained or in a facility."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
