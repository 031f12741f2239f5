"""A supervision case as its events leave it: evolve(state, event) -> state."""

from dataclasses import dataclass, field, replace
from datetime import date
from uuid import UUID

from hoanhap.contracts import CaseClosureReason, NeedArea, PlanStatus, ReleaseType, RiskGroup, VisitKind
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.landmarks import Landmark, next_landmarks
from hoanhap_supervision.domain.reintegration import Appointment
from hoanhap_supervision.domain.sponsorship import Sponsorship


@dataclass(frozen=True)
class SupervisionCase:
    """Everything the rules, the caseload and the views need to know about one supervised person."""

    person_id: UUID
    province_code: str
    commune_code: str
    opened_on: date
    release_type: ReleaseType
    release_date: date
    supervision_ends_on: date | None
    reassessment_due_on: date
    risk_group: RiskGroup | None = None
    assessed_on: date | None = None
    last_contacts: dict[VisitKind, date] = field(default_factory=dict)
    officer: str | None = None
    closed_on: date | None = None
    closure_reason: CaseClosureReason | None = None
    notes_erased: bool = False
    sponsors: dict[UUID, Sponsorship] = field(default_factory=dict)
    plan: dict[NeedArea, PlanStatus] = field(default_factory=dict)
    appointments: dict[UUID, Appointment] = field(default_factory=dict)
    version: int = 0
    assessments: int = 0
    landmarks: tuple[Landmark, ...] = ()

    @property
    def is_open(self) -> bool:
        """Still supervised."""
        return self.closed_on is None


def evolve(case: SupervisionCase | None, event: ev.SupervisionFact) -> SupervisionCase:
    """The case after one more event: its version counts the events, its landmarks what a judgment rests on."""
    changed = fields_after(case, event)
    version = (0 if case is None else case.version) + 1
    return replace(changed, version=version, landmarks=next_landmarks(changed.landmarks, landmark_of(changed, version)))


def fields_after(case: SupervisionCase | None, event: ev.SupervisionFact) -> SupervisionCase:
    """The case's fields after the event, its version and landmarks left as they were (what the rules read)."""
    return opened(event) if isinstance(event, ev.SupervisionStarted) else changed_by(case, event)


def landmark_of(case: SupervisionCase, version: int) -> Landmark:
    """What a judgment about the case rests on at this version."""
    return Landmark(version, case.province_code, case.commune_code, case.risk_group, case.assessments, case.plan)


def changed_by(case: SupervisionCase | None, event: ev.SupervisionFact) -> SupervisionCase:
    """The case's fields an event other than the opening changes."""
    assert case is not None, f"{event.type_name()} before the case opened"
    match event:
        case ev.CaseTransferred():
            return replace(case, province_code=event.province_code, commune_code=event.commune_code, officer=None)
        case ev.ReassessmentPrompted():
            return replace(case, reassessment_due_on=min(case.reassessment_due_on, event.due_on))
        case ev.RiskAssessed():
            return replace(case, risk_group=event.risk_group, assessed_on=event.assessed_on,
                           reassessment_due_on=event.next_reassessment_on, assessments=case.assessments + 1)
        case ev.VisitRecorded():
            return after_contact(case, event)
        case ev.OfficerAssigned():
            return replace(case, officer=event.officer)
        case ev.SupervisionEnded():
            return replace(case, closed_on=event.closed_on, closure_reason=event.reason)
        case ev.NotesErased():
            return replace(case, notes_erased=True)
        case ev.SponsorAssigned() | ev.SponsorshipEnded():
            return with_sponsorship(case, event)
        case ev.PlanStatusChanged():
            return replace(case, plan={**case.plan, event.area: event.status})
        case ev.AppointmentMade() | ev.AppointmentOutcomeRecorded():
            return with_appointment(case, event)
    return case


def opened(event: ev.SupervisionStarted) -> SupervisionCase:
    """A new case: its first assessment is due the day it opens."""
    return SupervisionCase(person_id=event.person_id, province_code=event.province_code,
                           commune_code=event.commune_code, opened_on=event.commitment_on,
                           release_type=event.release_type, release_date=event.release_date,
                           supervision_ends_on=event.supervision_ends_on, reassessment_due_on=event.commitment_on)


def after_contact(case: SupervisionCase, event: ev.VisitRecorded) -> SupervisionCase:
    """A contact where the person was met becomes the last of its kind (a later one of the same kind stays)."""
    if event.outcome is not VisitOutcome.MET:
        return case
    last = case.last_contacts.get(event.kind)
    if last is not None and last >= event.visited_on:
        return case
    return replace(case, last_contacts={**case.last_contacts, event.kind: event.visited_on})


def with_sponsorship(case: SupervisionCase, event: ev.SponsorAssigned | ev.SponsorshipEnded) -> SupervisionCase:
    """A sponsor assigned, or one of its sponsorships ended."""
    if isinstance(event, ev.SponsorAssigned):
        sponsorship = Sponsorship(event.token_subject, event.assigned_on)
    else:
        sponsorship = replace(case.sponsors[event.sponsor_id], ended_on=event.ended_on)
    return replace(case, sponsors={**case.sponsors, event.sponsor_id: sponsorship})


def with_appointment(case: SupervisionCase,
                     event: ev.AppointmentMade | ev.AppointmentOutcomeRecorded) -> SupervisionCase:
    """An appointment made, or its outcome recorded."""
    if isinstance(event, ev.AppointmentMade):
        made = Appointment(event.day)
    else:
        made = replace(case.appointments[event.appointment_id], outcome=event.outcome)
    return replace(case, appointments={**case.appointments, event.appointment_id: made})


def replay(events: list[ev.SupervisionFact]) -> SupervisionCase | None:
    """The case these events make (None before it opened)."""
    case: SupervisionCase | None = None
    for event in events:
        case = evolve(case, event)
    return case
