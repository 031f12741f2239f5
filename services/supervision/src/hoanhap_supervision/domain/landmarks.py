"""What a device's judgment rests on, version by version, kept in the case itself so an operation recorded offline
on an older version is judged without reading the case's stream again (see sync_rules).

A landmark is written at each version where the case's place, risk group or plan changed, or it was assessed; the
case as a device saw it at version v is the last landmark at or before v. Only those versions are kept: a case
gains one with each assessment, transfer and plan change, not with each contact.
"""

from dataclasses import dataclass, field

from hoanhap.contracts import NeedArea, PlanStatus, RiskGroup


@dataclass(frozen=True)
class Landmark:
    """The case from `version` on: where it was, its risk group, its plan and how many assessments it had."""

    version: int
    province_code: str
    commune_code: str
    risk_group: RiskGroup | None
    assessments: int
    plan: dict[NeedArea, PlanStatus] = field(default_factory=dict)


def seen_at(landmarks: tuple[Landmark, ...], version: int) -> Landmark | None:
    """The case as it stood at version (None before it opened, or past the last landmark's case's version: the
    caller checks that)."""
    seen = None
    for landmark in landmarks:
        if landmark.version > version:
            break
        seen = landmark
    return seen


def next_landmarks(landmarks: tuple[Landmark, ...], now: Landmark) -> tuple[Landmark, ...]:
    """The landmarks with the case as it stands now, if it differs from the last one in what a judgment rests
    on."""
    last = landmarks[-1] if landmarks else None
    if last is not None and same_ground(last, now):
        return landmarks
    return (*landmarks, now)


def same_ground(before: Landmark, after: Landmark) -> bool:
    """Nothing a device's judgment rests on changed between them."""
    return (before.province_code, before.commune_code, before.risk_group, before.assessments, before.plan) == (
        after.province_code, after.commune_code, after.risk_group, after.assessments, after.plan)
