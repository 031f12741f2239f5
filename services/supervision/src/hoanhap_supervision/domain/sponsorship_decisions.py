"""The rules of sponsors and support on a case: a sponsor is assigned from a day between the case's opening and
today, one token subject sponsors a person once at a time, a sponsorship ends once, on or after its start; support
is given on a day of the case, and only material aid carries a value (in whole VND, required for it)."""

from datetime import date

from hoanhap.contracts import SupportKind
from hoanhap_supervision.domain import decide as case_rules
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain import sponsorship_commands as cmd
from hoanhap_supervision.domain.errors import CaseConflict, NotInCase, RuleViolation
from hoanhap_supervision.domain.sponsorship import is_sponsor_subject
from hoanhap_supervision.domain.state import SupervisionCase

SponsorshipCommand = cmd.AssignSponsor | cmd.EndSponsorship | cmd.ProvideSupport


def decide_sponsorship(case: SupervisionCase, command: SponsorshipCommand, today: date) -> list[ev.SupervisionFact]:
    """The event a sponsor or support command makes of an open case."""
    case_rules.ensure_written_possible(case)
    match command:
        case cmd.AssignSponsor():
            return [sponsor_assignment(case, command, today)]
        case cmd.EndSponsorship():
            return [sponsorship_end(case, command, today)]
        case cmd.ProvideSupport():
            return [support(case, command, today)]


def ensure_acting_sponsor_sponsors(case: SupervisionCase, by_subject: str) -> None:
    """A sponsor records contacts and support only for a person it sponsors in the very state the write is
    appended to: the scope is checked before the request too, and this check closes the gap between the two (a
    sponsorship ended meanwhile refuses the write; the append's version check catches one ended after it)."""
    if is_sponsor_subject(by_subject) and not sponsors_person(case, by_subject):
        raise NotInCase("this sponsor does not sponsor the person (any more)")


def sponsors_person(case: SupervisionCase, subject: str) -> bool:
    """True while a sponsorship of the person by this token subject has not ended."""
    return any(sponsorship.is_active and sponsorship.token_subject == subject
               for sponsorship in case.sponsors.values())


def sponsor_assignment(case: SupervisionCase, command: cmd.AssignSponsor, today: date) -> ev.SponsorAssigned:
    """A new sponsor, unless its token subject already sponsors the person."""
    case_rules.ensure_day_within(command.assigned_on, "assigned_on", case.opened_on, today, "the case opened")
    if command.token_subject is not None and sponsors_person(case, command.token_subject):
        raise CaseConflict(f"{command.token_subject} already sponsors this person")
    return ev.SponsorAssigned(sponsor_id=command.sponsor_id, sponsor_kind=command.kind,
                              sealed_name=command.sealed_name, sealed_contact=command.sealed_contact,
                              token_subject=command.token_subject, model_id=command.model_id,
                              assigned_on=command.assigned_on)


def sponsorship_end(case: SupervisionCase, command: cmd.EndSponsorship, today: date) -> ev.SponsorshipEnded:
    """The end of a sponsorship the case holds and has not ended, on a day from its start to today."""
    sponsorship = case.sponsors.get(command.sponsor_id)
    if sponsorship is None:
        raise NotInCase("this case has no such sponsor")
    if not sponsorship.is_active:
        raise CaseConflict(f"this sponsorship already ended on {sponsorship.ended_on}")
    case_rules.ensure_day_within(command.ended_on, "ended_on", sponsorship.assigned_on, today,
                                 "the sponsor was assigned")
    return ev.SponsorshipEnded(sponsor_id=command.sponsor_id, ended_on=command.ended_on,
                               sealed_reason=command.sealed_reason)


def support(case: SupervisionCase, command: cmd.ProvideSupport, today: date) -> ev.SupportGiven:
    """Support on a day of the case, by a sponsor only for a person it sponsors; material aid with its value,
    anything else without one."""
    ensure_acting_sponsor_sponsors(case, command.by_subject)
    case_rules.ensure_day_within(command.provided_on, "provided_on", case.opened_on, today, "the case opened")
    if command.kind is SupportKind.MATERIAL_AID and command.value is None:
        raise RuleViolation("value", "material aid needs its value in whole VND")
    if command.kind is not SupportKind.MATERIAL_AID and command.value is not None:
        raise RuleViolation("value", f"only material aid has a value, not {command.kind.value}")
    return ev.SupportGiven(support_id=command.support_id, kind=command.kind, provided_on=command.provided_on,
                           value=command.value, model_id=command.model_id, sealed_note=command.sealed_note,
                           by_subject=command.by_subject, by_role=command.by_role)
