"""Around decide: whenever a decision moves a person's earliest next-due contact day (their case opened, they were
assessed, or met), one more event records the new day. Every path that decides (an officer's request, an offline
sync, a registry fact) goes through here, so none can leave it out, and the standard itself never leaves the
service: only the day it gives does (published as NextContactDueSet)."""

from datetime import date

from hoanhap_supervision.domain import commands as cmd
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.contact_schedule import earliest_contact_due
from hoanhap_supervision.domain.decide import decide
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.state import SupervisionCase, fields_after


def decide_and_follow(case: SupervisionCase | None, command: cmd.Command, rules: SupervisionRules,
                      today: date) -> list[ev.SupervisionFact]:
    """The events the command makes of the case, followed by the next-due contact day when they moved it."""
    events = decide(case, command, rules, today)
    return [*events, *next_contact_due(case, events, rules)]


def next_contact_due(case: SupervisionCase | None, events: list[ev.SupervisionFact],
                     rules: SupervisionRules) -> list[ev.NextContactDueChanged]:
    """NextContactDueChanged after these events of the case when they opened it or moved its earliest due day."""
    before = None if case is None else earliest_contact_due(case, rules)
    as_of = None
    for event in events:
        case = fields_after(case, event)
        as_of = day_of(event) or as_of
    if case is None or as_of is None:
        return []
    after = earliest_contact_due(case, rules)
    opened = any(isinstance(event, ev.SupervisionStarted) for event in events)
    return [ev.NextContactDueChanged(next_due_on=after, as_of=as_of)] if opened or after != before else []


def day_of(event: ev.SupervisionFact) -> date | None:
    """The day of a fact that can move the contact schedule: an opening, an assessment, a contact."""
    match event:
        case ev.SupervisionStarted():
            return event.commitment_on
        case ev.RiskAssessed():
            return event.assessed_on
        case ev.VisitRecorded():
            return event.visited_on
    return None
