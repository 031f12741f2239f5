"""The rules of the reintegration plan and appointments on an open case: a status change or a note is dated from
the case's opening to today (a status the area already has changes nothing); an appointment may be set for any
time from the case's opening on (the future included); its outcome is recorded once, on a day from the case's
opening to today, and attended or missed not before the appointment's day."""

from datetime import date

from hoanhap.contracts import PlanStatus
from hoanhap_supervision.domain import decide as case_rules
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain import reintegration_commands as cmd
from hoanhap_supervision.domain.errors import CaseConflict, NotInCase, RuleViolation
from hoanhap_supervision.domain.reintegration import HAPPENED
from hoanhap_supervision.domain.state import SupervisionCase

ReintegrationCommand = cmd.ChangePlan | cmd.MakeAppointment | cmd.RecordAppointmentOutcome


def decide_reintegration(case: SupervisionCase, command: ReintegrationCommand,
                         today: date) -> list[ev.SupervisionFact]:
    """The events a plan or appointment command makes of an open case."""
    case_rules.ensure_written_possible(case)
    match command:
        case cmd.ChangePlan():
            return plan_change(case, command, today)
        case cmd.MakeAppointment():
            return [appointment(case, command)]
        case cmd.RecordAppointmentOutcome():
            return [appointment_outcome(case, command, today)]


def plan_change(case: SupervisionCase, command: cmd.ChangePlan, today: date) -> list[ev.SupervisionFact]:
    """The area's new status (if it differs) and the note (if any)."""
    if command.status is None and command.sealed_note is None:
        raise RuleViolation("status", "give the area's new status, a note, or both")
    case_rules.ensure_day_within(command.changed_on, "changed_on", case.opened_on, today, "the case opened")
    events: list[ev.SupervisionFact] = []
    previous = case.plan.get(command.area, PlanStatus.NOT_STARTED)
    if command.status is not None and command.status is not previous:
        events.append(ev.PlanStatusChanged(area=command.area, status=command.status, previous_status=previous,
                                           changed_on=command.changed_on, by_subject=command.by_subject,
                                           by_role=command.by_role))
    if command.sealed_note is not None:
        events.append(ev.PlanNoteAdded(area=command.area, noted_on=command.changed_on,
                                       sealed_note=command.sealed_note, by_subject=command.by_subject,
                                       by_role=command.by_role))
    return events


def appointment(case: SupervisionCase, command: cmd.MakeAppointment) -> ev.AppointmentMade:
    """An appointment from the case's opening on."""
    if command.day < case.opened_on:
        raise RuleViolation("starts_at", f"starts_at {command.day} is before the case opened ({case.opened_on})")
    return ev.AppointmentMade(appointment_id=command.appointment_id, starts_at=command.starts_at,
                              day=command.day, purpose=command.purpose, sealed_where=command.sealed_where,
                              sealed_with=command.sealed_with, by_subject=command.by_subject)


def appointment_outcome(case: SupervisionCase, command: cmd.RecordAppointmentOutcome,
                        today: date) -> ev.AppointmentOutcomeRecorded:
    """The outcome of an appointment the case holds, recorded once."""
    made = case.appointments.get(command.appointment_id)
    if made is None:
        raise NotInCase("this case has no such appointment")
    if made.outcome is not None:
        raise CaseConflict(f"this appointment's outcome is already recorded ({made.outcome.value})")
    case_rules.ensure_day_within(command.outcome_on, "outcome_on", case.opened_on, today, "the case opened")
    if command.outcome in HAPPENED and command.outcome_on < made.day:
        raise RuleViolation("outcome_on", f"an appointment on {made.day} cannot be {command.outcome.value} "
                                          f"on {command.outcome_on}")
    return ev.AppointmentOutcomeRecorded(appointment_id=command.appointment_id, outcome=command.outcome,
                                         outcome_on=command.outcome_on, by_subject=command.by_subject)
