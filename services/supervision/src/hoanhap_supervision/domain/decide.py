"""decide(case, command, rules, today) -> events: the rules of a supervision case.

The registry's facts arrive once each but may find the case in any state: one that no longer applies (a second
opening, a transfer of a closed case) decides no event rather than refusing, so its delivery is never stuck.
Officers' commands are refused with a reason: RuleViolation (422 at a field) or CaseConflict (409).
"""

from datetime import date

from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain import reintegration_decisions as reintegration
from hoanhap_supervision.domain import sponsorship_decisions as sponsorship
from hoanhap_supervision.domain.errors import CaseConflict, RuleViolation
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase


def decide(case: SupervisionCase | None, command: cmd.Command, rules: SupervisionRules,
           today: date) -> list[ev.SupervisionFact]:
    """The events the command makes of the case."""
    if isinstance(command, cmd.OpenSupervision):
        return [] if case is not None else [opening(command)]
    if case is None:
        return []
    if isinstance(command, cmd.EraseNotes):
        return [] if case.notes_erased else [ev.NotesErased(erased_at=command.erased_at)]
    if not case.is_open:
        return refused_when_closed(command)
    match command:
        case cmd.TransferCase():
            return transfer(case, command)
        case cmd.PromptReassessment():
            return [ev.ReassessmentPrompted(reoffence_id=command.reoffence_id, committed_on=command.committed_on,
                                            due_on=command.due_on)]
        case cmd.EndSupervision():
            return [ev.SupervisionEnded(closed_on=command.closed_on, reason=command.reason)]
        case cmd.AssessRisk():
            return [assessment(case, command, rules, today)]
        case cmd.LogVisit():
            return [visit(case, command, today)]
        case cmd.AssignOfficer():
            return assignment(case, command, today)
        case cmd.AssignSponsor() | cmd.EndSponsorship() | cmd.ProvideSupport():
            return sponsorship.decide_sponsorship(case, command, today)
        case cmd.ChangePlan() | cmd.MakeAppointment() | cmd.RecordAppointmentOutcome():
            return reintegration.decide_reintegration(case, command, today)
    return []


def opening(command: cmd.OpenSupervision) -> ev.SupervisionStarted:
    """The case opens on the day the commitment was signed, where the person lives."""
    return ev.SupervisionStarted(
        person_id=command.person_id, province_code=command.province_code, commune_code=command.commune_code,
        commitment_on=command.commitment_on, information_sheet_on=command.information_sheet_on,
        release_type=command.release_type, release_date=command.release_date,
        supervision_ends_on=command.supervision_ends_on)


def refused_when_closed(command: cmd.Command) -> list[ev.SupervisionFact]:
    """Officers cannot add to a closed case; the registry's later facts about it change nothing."""
    if isinstance(command, cmd.AssessRisk | cmd.LogVisit | cmd.AssignOfficer
                  | cmd.AssignSponsor | cmd.EndSponsorship | cmd.ProvideSupport
                  | cmd.ChangePlan | cmd.MakeAppointment | cmd.RecordAppointmentOutcome):
        raise CaseConflict("this supervision case is closed")
    return []


def transfer(case: SupervisionCase, command: cmd.TransferCase) -> list[ev.SupervisionFact]:
    """The case moves with the person (nothing to do if it is there already)."""
    if (case.province_code, case.commune_code) == (command.province_code, command.commune_code):
        return []
    return [ev.CaseTransferred(previous_province_code=case.province_code, previous_commune_code=case.commune_code,
                               province_code=command.province_code, commune_code=command.commune_code,
                               moved_on=command.moved_on)]


def assessment(case: SupervisionCase, command: cmd.AssessRisk, rules: SupervisionRules,
               today: date) -> ev.RiskAssessed:
    """An assessment on a day from the case's opening (or the last assessment) to today."""
    ensure_written_possible(case)
    ensure_day_within(command.assessed_on, "assessed_on", case.assessed_on or case.opened_on, today,
                      "the last assessment" if case.assessed_on else "the case opened")
    return ev.RiskAssessed(risk_group=command.risk_group, previous_risk_group=case.risk_group,
                           assessed_on=command.assessed_on, factors=command.factors,
                           sealed_reason=command.sealed_reason,
                           next_reassessment_on=rules.next_reassessment(command.risk_group, command.assessed_on))


def visit(case: SupervisionCase, command: cmd.LogVisit, today: date) -> ev.VisitRecorded:
    """A contact on a day from the case's opening to today; by a sponsor only for a person it sponsors."""
    ensure_written_possible(case)
    sponsorship.ensure_acting_sponsor_sponsors(case, command.by_subject)
    ensure_day_within(command.visited_on, "visited_on", case.opened_on, today, "the case opened")
    return ev.VisitRecorded(visit_id=command.visit_id, kind=command.kind, visited_on=command.visited_on,
                            outcome=command.outcome, by_subject=command.by_subject, by_role=command.by_role,
                            sealed_note=command.sealed_note)


def assignment(case: SupervisionCase, command: cmd.AssignOfficer, today: date) -> list[ev.SupervisionFact]:
    """An officer in charge from a day between the case's opening and today (nothing if already in charge)."""
    ensure_day_within(command.assigned_on, "assigned_on", case.opened_on, today, "the case opened")
    if case.officer == command.officer:
        return []
    return [ev.OfficerAssigned(officer=command.officer, assigned_on=command.assigned_on)]


def ensure_written_possible(case: SupervisionCase) -> None:
    """Nothing more is written about a person erased in the registry."""
    if case.notes_erased:
        raise CaseConflict("this person was erased: nothing more is recorded about them")


def ensure_day_within(day: date, field: str, earliest: date, today: date, earliest_is: str) -> None:
    """Refuse a day in the future or before the earliest one that makes sense."""
    if day > today:
        raise RuleViolation(field, f"{field} {day} is in the future (today is {today})")
    if day < earliest:
        raise RuleViolation(field, f"{field} {day} is before {earliest_is} ({earliest})")
