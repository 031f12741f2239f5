"""An outreach report: one activity held in a commune, or province-wide, how many of it, and for a gathering how
many people attended. A report is recorded once and never changed (a correction is another report's matter)."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.contracts import OutreachActivity
from hoanhap_supervision.domain.community_events import OutreachReported
from hoanhap_supervision.domain.errors import RuleViolation
from hoanhap_supervision.domain.place_catalogue import PlaceCatalogue, ensure_official_place


@dataclass(frozen=True)
class ReportOutreach:
    outreach_id: UUID
    activity: OutreachActivity
    quantity: int
    attendance: int | None
    province_code: str
    commune_code: str | None
    held_on: date


def decide_outreach(command: ReportOutreach, places: PlaceCatalogue, today: date) -> OutreachReported:
    """The report, if its place, day and attendance are possible."""
    if command.held_on > today:
        raise RuleViolation("held_on", f"{command.held_on} is in the future")
    if command.activity.is_gathering and command.attendance is None:
        raise RuleViolation("attendance", f"how many attended is required for {command.activity}")
    if not command.activity.is_gathering and command.attendance is not None:
        raise RuleViolation("attendance", f"attendance is counted for gatherings only, not {command.activity}")
    ensure_official_place(places, command.province_code, command.commune_code)
    return OutreachReported(outreach_id=command.outreach_id, activity=command.activity, quantity=command.quantity,
                            attendance=command.attendance, province_code=command.province_code,
                            commune_code=command.commune_code, held_on=command.held_on)

