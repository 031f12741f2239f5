"""How an operation recorded offline on a device is classified against the case as it is now (pure).

The device saw the case at `based_on_version`; meanwhile others may have written to it. The rules:
- the case closed meanwhile, or moved to another place (a registry transfer): rejected with that reason;
- a risk group changed meanwhile (an assessment gave another group than the device saw): conflict, kept for a
  supervisor, because the device's judgment was made on a group that no longer holds;
- an assessment on a stale version after any assessment meanwhile (even to the same group): conflict, two
  judgments of one person are for a supervisor to reconcile;
- a plan status change on a stale version after the same need area's status changed meanwhile: conflict (the
  device judged the area as it stood; the comparison is of the status seen and the status now);
- anything else on a stale version applies (a contact is a fact that happened whatever else was recorded; an
  officer put in charge or a reassessment prompted meanwhile contradicts nothing);
- a version ahead of the case is rejected (the device cannot have seen it).
A device clock more than CLOCK_SKEW_BOUND from the server's when it sent, or an operation dated after it was sent,
is flagged (stored and answered), never refused: the device time is evidence, not the record's date.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hoanhap.contracts import NeedArea
from hoanhap_supervision.domain.landmarks import Landmark
from hoanhap_supervision.domain.state import SupervisionCase

CLOCK_SKEW_BOUND = timedelta(minutes=10)
ASSESSMENT = "assessment"
PLAN = "plan"


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Verdict:
    """Why an operation is not applied: its outcome, a reason code and words an officer can act on."""

    outcome: Outcome
    reason: str
    message: str


def stale_verdict(seen: SupervisionCase | Landmark | None, now: SupervisionCase, kind: str, assessments_meanwhile: int,
                  based_on_version: int, version: int, area: NeedArea | None = None) -> Verdict | None:
    """None if the operation may apply to the case as it is now, else why not (area: a plan change's)."""
    if based_on_version > version or seen is None:
        return Verdict(Outcome.REJECTED, "version_ahead",
                       f"based_on_version {based_on_version} is not a version of this case (it is at {version})")
    if not now.is_open:
        return Verdict(Outcome.REJECTED, "closed", "this supervision case was closed meanwhile")
    if (seen.province_code, seen.commune_code) != (now.province_code, now.commune_code):
        return Verdict(Outcome.REJECTED, "transferred", "this supervision case moved to another place meanwhile")
    if seen.risk_group != now.risk_group:
        return Verdict(Outcome.CONFLICT, "risk_group_changed",
                       f"the risk group changed meanwhile ({seen.risk_group or 'none'} → {now.risk_group})")
    if kind == ASSESSMENT and assessments_meanwhile:
        return Verdict(Outcome.CONFLICT, "assessed_meanwhile", "the person was assessed meanwhile")
    if kind == PLAN and area is not None and seen.plan.get(area) != now.plan.get(area):
        return Verdict(Outcome.CONFLICT, "plan_status_changed", f"the plan's {area.value} status changed meanwhile")
    return None


def same_id_other_content() -> Verdict:
    """An operation id already used for other content: never an overwrite."""
    return Verdict(Outcome.CONFLICT, "operation_id_reused",
                   "this operation id was already used for other content; the first is kept")


def clock_skew(sent_at: datetime, received_at: datetime) -> timedelta:
    """How far the device's clock is ahead of the server's (negative: behind), as of the batch's sending."""
    return sent_at - received_at


def clock_flag(device_at: datetime, sent_at: datetime, received_at: datetime) -> str | None:
    """Why the device's times are doubtful, if they are."""
    if device_at > sent_at or device_at > received_at + CLOCK_SKEW_BOUND:
        return "device_time_in_future"
    if abs(clock_skew(sent_at, received_at)) > CLOCK_SKEW_BOUND:
        return "device_clock_skewed"
    return None
