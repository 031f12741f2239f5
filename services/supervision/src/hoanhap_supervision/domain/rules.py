"""The rules a deployment configures: how often each risk group is reassessed, and its contact standard (the
longest time allowed between two contacts of each kind). The defaults are *unverified*: no circular found so far
fixes these numbers; a province sets its own in the settings (docs in README.md)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from hoanhap.contracts import RiskGroup, VisitKind

A, B, C, D = RiskGroup.A, RiskGroup.B, RiskGroup.C, RiskGroup.D
HOME, REPORT, PHONE = VisitKind.HOME_VISIT, VisitKind.REPORTED_AT_COMMUNE, VisitKind.PHONE_CALL

DEFAULT_REASSESSMENT_DAYS: dict[RiskGroup, int] = {A: 180, B: 90, C: 30, D: 90}
"""Days from an assessment to the next one, by the group it gave (*unverified*)."""

DEFAULT_CONTACT_STANDARD: dict[RiskGroup, dict[VisitKind, int]] = {
    A: {HOME: 90, REPORT: 90},
    B: {HOME: 30, REPORT: 30, PHONE: 14},
    C: {HOME: 14, REPORT: 7, PHONE: 7},
    D: {},  # in detention or a facility: no contact is due
}
"""Most days allowed between two contacts of a kind where the person was met, by risk group (*unverified*)."""

UNASSESSED_LIKE = RiskGroup.B
"""Until their first assessment, a person's contacts are due as group B's (struggling, not yet known to comply)."""


@dataclass(frozen=True)
class SupervisionRules:
    """A deployment's reassessment intervals and contact standard."""

    reassessment_days: Mapping[RiskGroup, int]
    contact_standard: Mapping[RiskGroup, Mapping[VisitKind, int]]

    def next_reassessment(self, risk_group: RiskGroup, assessed_on: date) -> date:
        """The day a person assessed into this group on that day is due for reassessment."""
        return assessed_on + timedelta(days=self.reassessment_days[risk_group])


DEFAULT_RULES = SupervisionRules(DEFAULT_REASSESSMENT_DAYS, DEFAULT_CONTACT_STANDARD)
