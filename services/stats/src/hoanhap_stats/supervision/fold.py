"""A batch of supervision events folded in memory: the rows to write and the commune totals they move.

Free of I/O, like the registry's fold: given what the read models already hold of the batch's cases, it walks
the events in order and ends with one set of rows per table (the last value per key) plus, in event order, every
change to a commune figure. An event about a case stats never saw opened is left out: the supervision service
opens a case before anything else happens in it, and all of a person's events share a partition, so they arrive
in order.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from uuid import UUID

import hoanhap.contracts as c
from hoanhap_stats.projecting.commune_totals import Delta

PEOPLE_SUPERVISED = "people_supervised"
VISITS = "visits"


@dataclass(frozen=True, slots=True)
class CaseRow:
    """A supervision case as its read-model row holds it."""

    case_id: UUID
    person_id: UUID
    province_code: str
    commune_code: str
    opened_on: date
    commitment_signed: bool
    ends_on: date | None
    closed_on: date | None = None
    closure_reason: str | None = None
    risk_group: str | None = None
    risk_assessed_on: date | None = None


@dataclass(slots=True)
class KnownCases:
    """What the read models hold of the batch's cases and visits before it; the fold keeps it current."""

    cases: dict[UUID, CaseRow] = field(default_factory=dict)
    visit_ids: set[UUID] = field(default_factory=set)


@dataclass(slots=True)
class SupervisionWrites:
    """Everything a batch writes, each table's rows keyed so the last event wins; rows about a case carry it
    for its place."""

    cases: dict[UUID, CaseRow] = field(default_factory=dict)
    visits: dict[UUID, tuple[c.VisitLogged, CaseRow]] = field(default_factory=dict)
    support: dict[UUID, tuple[c.SupportProvided, CaseRow]] = field(default_factory=dict)
    sponsors: dict[UUID, tuple[c.SponsorAssigned, CaseRow]] = field(default_factory=dict)
    sponsorship_ends: dict[UUID, tuple[c.SponsorshipEnded, CaseRow]] = field(default_factory=dict)
    contact_due: dict[tuple[UUID, date], tuple[c.NextContactDueSet, CaseRow]] = field(default_factory=dict)
    plan_areas: dict[tuple[UUID, str, date], tuple[c.PlanAreaStatusChanged, CaseRow]] = field(default_factory=dict)
    models: dict[UUID, c.ModelLaunched] = field(default_factory=dict)
    model_ends: dict[UUID, c.ModelEnded] = field(default_factory=dict)
    outreach: dict[UUID, c.OutreachLogged] = field(default_factory=dict)
    deltas: list[Delta] = field(default_factory=list)


def fold(known: KnownCases, envelopes: list[c.Envelope]) -> SupervisionWrites:
    """The batch's writes and figure changes; known is updated to the state after the batch."""
    writes = SupervisionWrites()
    for envelope in envelopes:
        event = envelope.data
        match event:
            case c.ModelLaunched():
                writes.models[event.model_id] = event
            case c.ModelEnded():
                writes.model_ends[event.model_id] = event
            case c.OutreachLogged():
                writes.outreach[event.outreach_id] = event
            case c.SupervisionOpened() if event.case_id not in known.cases:
                opened(known, writes, event)
            case c.SupervisionCaseEvent() if event.case_id in known.cases:
                about_case(known, writes, envelope.id, event)
    return writes


def opened(known: KnownCases, writes: SupervisionWrites, event: c.SupervisionOpened) -> None:
    case = CaseRow(event.case_id, event.person_id, event.province_code, event.commune_code, event.opened_on,
                   event.commitment_signed, event.supervision_ends_on)
    known.cases[case.case_id] = writes.cases[case.case_id] = case
    writes.deltas.append(Delta(PEOPLE_SUPERVISED, case.province_code, case.commune_code, 1))


def about_case(known: KnownCases, writes: SupervisionWrites, event_id: UUID, event: c.SupervisionCaseEvent) -> None:
    """An event of a known case: a row of its own (visit, support, sponsor, its end, next-due day, plan area status;
    the last of a case and day wins for the last two) or a change to the case."""
    case = known.cases[event.case_id]
    match event:
        case c.VisitLogged():
            visited(known, writes, event, case)
        case c.SupportProvided():
            writes.support[event.support_id] = (event, case)
        case c.SponsorAssigned():
            writes.sponsors[event_id] = (event, case)
        case c.SponsorshipEnded():
            writes.sponsorship_ends[event_id] = (event, case)
        case c.NextContactDueSet():
            writes.contact_due[event.case_id, event.as_of] = (event, case)
        case c.PlanAreaStatusChanged():
            writes.plan_areas[event.case_id, event.area.value, event.changed_on] = (event, case)
        case c.RiskGroupAssessed() | c.SupervisionClosed():
            changed = evolve(case, event)
            known.cases[case.case_id] = writes.cases[case.case_id] = changed
            writes.deltas += people_supervised_change(case, changed)


def visited(known: KnownCases, writes: SupervisionWrites, event: c.VisitLogged, case: CaseRow) -> None:
    writes.visits[event.visit_id] = (event, case)
    if event.visit_id not in known.visit_ids:
        known.visit_ids.add(event.visit_id)
        writes.deltas.append(Delta(VISITS, case.province_code, case.commune_code, 1))


def evolve(case: CaseRow, event: c.RiskGroupAssessed | c.SupervisionClosed) -> CaseRow:
    """The case after a reassessment or its closing; a case closes once, later closings change nothing."""
    if isinstance(event, c.RiskGroupAssessed):
        return replace(case, risk_group=event.risk_group.value, risk_assessed_on=event.assessed_on)
    if case.closed_on is not None:
        return case
    return replace(case, closed_on=event.closed_on, closure_reason=event.reason.value)


def people_supervised_change(before: CaseRow, after: CaseRow) -> list[Delta]:
    """-1 in the case's commune when it closed, nothing otherwise."""
    if before.closed_on is None and after.closed_on is not None:
        return [Delta(PEOPLE_SUPERVISED, after.province_code, after.commune_code, -1)]
    return []
