"""decide(case, command) -> events: the registry's rules, pure."""

from datetime import date

from hoanhap.contracts import CaseClosureReason, ReoffenceStatus
from hoanhap.working_days import WorkingCalendar, confirm_due_on
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.errors import CaseConflict, RuleViolation
from hoanhap_registry.domain.state import PersonCase


def decide(case: PersonCase | None, command: cmd.Command, calendar: WorkingCalendar) -> list[ev.RegistryFact]:
    """The events the command produces on the case, or a DomainError saying why not."""
    if isinstance(command, cmd.RegisterRelease):
        if case is not None:
            raise CaseConflict("this person is already registered")
        return [command.release]
    assert case is not None, "the handler answers 404 for a person never registered"
    if case.erased_on is not None:
        raise CaseConflict(f"this person's identity was erased on {case.erased_on}; the case accepts no changes")
    if isinstance(command, cmd.EraseIdentity):
        return [ev.PersonErased(erased_on=command.erased_on)]
    if case.closure is not None:
        raise CaseConflict(f"the case was closed on {case.closure.closed_on}; it accepts no changes but erasure")
    return _decide_open(case, command, calendar)


def _decide_open(case: PersonCase, command: cmd.Command, calendar: WorkingCalendar) -> list[ev.RegistryFact]:
    match command:
        case cmd.ConfirmResidence():
            return [confirm_residence(case, command, calendar)]
        case cmd.RecordIntake():
            return [record_intake(case, command)]
        case cmd.ChangeResidence():
            return [change_residence(case, command)]
        case cmd.RecordReoffence():
            return [record_reoffence(case, command)]
        case cmd.CloseCase():
            return [close_case(case, command)]
    raise TypeError(f"unknown command {type(command).__name__}")


def confirm_residence(case: PersonCase, command: cmd.ConfirmResidence, calendar: WorkingCalendar) -> ev.RegistryFact:
    if case.confirmed_on is not None:
        raise CaseConflict(f"the residence was already confirmed on {case.confirmed_on}")
    _not_before(command.confirmed_on, case.release.notified_on, "confirmed_on", "the notification")
    return ev.ResidenceConfirmed(province_code=case.province_code, commune_code=case.commune_code,
                                 confirmed_on=command.confirmed_on,
                                 due_on=confirm_due_on(case.release.notified_on, calendar))


def record_intake(case: PersonCase, command: cmd.RecordIntake) -> ev.RegistryFact:
    _not_before(command.commitment_on, case.release.release_date, "commitment_on", "the release date")
    _not_before(command.information_sheet_on, case.release.release_date, "information_sheet_on", "the release date")
    return ev.IntakeRecorded(commitment_on=command.commitment_on, information_sheet_on=command.information_sheet_on)


def change_residence(case: PersonCase, command: cmd.ChangeResidence) -> ev.RegistryFact:
    if (command.province_code, command.commune_code) == (case.province_code, case.commune_code):
        raise RuleViolation("commune_code", f"the person already lives in commune {case.commune_code}")
    _not_before(command.moved_on, case.release.release_date, "moved_on", "the release date")
    return ev.ResidenceChanged(previous_province_code=case.province_code, previous_commune_code=case.commune_code,
                               province_code=command.province_code, commune_code=command.commune_code,
                               village=command.village, moved_on=command.moved_on)


SETTLING_AN_ARREST = (ReoffenceStatus.NEW_CONVICTION, ReoffenceStatus.ARREST_WITHDRAWN)


def record_reoffence(case: PersonCase, command: cmd.RecordReoffence) -> ev.RegistryFact:
    earlier = case.reoffences.get(command.reoffence_id)
    if command.updates_arrest and earlier is None:
        raise RuleViolation("arrest_id", f"no reoffence {command.reoffence_id} is recorded for this person")
    if earlier is None and command.status == ReoffenceStatus.ARREST_WITHDRAWN:
        raise RuleViolation("arrest_id", "a withdrawn arrest needs the arrest_id of the arrest it settles")
    if earlier is not None and not (earlier.status == ReoffenceStatus.ARREST_PENDING_TRIAL
                                    and command.status in SETTLING_AN_ARREST):
        raise CaseConflict(f"reoffence {command.reoffence_id} is already recorded as {earlier.status}; "
                           "only an arrest pending trial can be settled, by a conviction or its withdrawal")
    _not_before(command.committed_on, case.release.release_date, "committed_on", "the release date")
    return ev.ReoffenceRecorded(reoffence_id=command.reoffence_id, committed_on=command.committed_on,
                                offence_articles=command.offence_articles, status=command.status)


def close_case(case: PersonCase, command: cmd.CloseCase) -> ev.RegistryFact:
    if command.reason == CaseClosureReason.OTHER and not (command.note or "").strip():
        raise RuleViolation("note", "closing a case for another reason needs a note saying which")
    _not_before(command.closed_on, case.release.release_date, "closed_on", "the release date")
    return ev.CaseClosed(closed_on=command.closed_on, reason=command.reason, note=command.note)


def _not_before(day: date, earliest: date, field: str, what: str) -> None:
    if day < earliest:
        raise RuleViolation(field, f"{field} {day} is before {what} ({earliest})")
