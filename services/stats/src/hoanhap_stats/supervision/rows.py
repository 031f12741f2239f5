"""Writing a folded batch of supervision events: one statement per table the batch touches, each row given once
(the fold kept the last value per key)."""

from uuid import UUID

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.projecting.upserts import Upsert, every_column_but
from hoanhap_stats.supervision.fold import CaseRow, SupervisionWrites

PLACED = {"case_id": "uuid", "person_id": "uuid", "province_code": "text", "commune_code": "text"}
"""The leading columns every row about a case has."""

CASES = Upsert("supervision_cases", {**PLACED, "opened_on": "date", "commitment_signed": "boolean",
                                     "ends_on": "date", "closed_on": "date", "closure_reason": "text",
                                     "risk_group": "text", "risk_assessed_on": "date"},
               key="case_id", replaced=("closed_on", "closure_reason", "risk_group", "risk_assessed_on"))
VISITS = Upsert("supervision_visits", {**PLACED, "visit_id": "uuid", "kind": "text", "visited_on": "date"},
                key="visit_id", replaced=("kind", "visited_on"))
SUPPORT = Upsert("supervision_support", {**PLACED, "support_id": "uuid", "kind": "text", "provided_on": "date",
                                         "value_vnd": "bigint", "model_id": "uuid"},
                 key="support_id", replaced=("kind", "provided_on", "value_vnd", "model_id"))
SPONSORS = Upsert("supervision_sponsors", {**PLACED, "assignment_id": "uuid", "sponsor_kind": "text",
                                           "assigned_on": "date", "model_id": "uuid"},
                  key="assignment_id")  # keyed by the event's id: a replayed one changes nothing
SPONSORSHIP_ENDS = Upsert("supervision_sponsorship_ends", {**PLACED, "end_id": "uuid", "ended_on": "date"},
                          key="end_id")  # keyed by the event's id, like SPONSORS
CONTACT_DUE = Upsert("supervision_contact_due", {**PLACED, "as_of": "date", "next_due_on": "date"},
                     key="case_id, as_of", replaced=("next_due_on",))
PLAN_AREAS = Upsert("supervision_plan_areas", {**PLACED, "area": "text", "changed_on": "date", "status": "text"},
                    key="case_id, area, changed_on", replaced=("status",))
MODEL_COLUMNS = {"model_id": "uuid", "title": "text", "level": "text", "province_code": "text",
                 "commune_code": "text", "former_district_name": "text", "launched_on": "date"}
MODELS = Upsert("local_models", MODEL_COLUMNS, key="model_id", replaced=every_column_but(MODEL_COLUMNS, "model_id"))
MODEL_COMMUNES = Upsert("local_model_communes", {"model_id": "uuid", "commune_code": "text"},
                        key="model_id, commune_code")  # a launch never changes: a replayed one changes nothing
MODEL_ENDS = Upsert("local_model_ends", {"model_id": "uuid", "ended_on": "date"}, key="model_id",
                    replaced=("ended_on",))
OUTREACH_COLUMNS = {"outreach_id": "uuid", "activity": "text", "quantity": "integer", "attendance": "integer",
                    "province_code": "text", "commune_code": "text", "held_on": "date", "model_id": "uuid"}
OUTREACH = Upsert("outreach", OUTREACH_COLUMNS, key="outreach_id",
                  replaced=every_column_but(OUTREACH_COLUMNS, "outreach_id"))


async def write_supervision_rows(connection: Connection, writes: SupervisionWrites) -> None:
    """New cases and changed ones whole (the fold started from the stored row), then each kind of row."""
    await CASES.write(connection, [[getattr(case, column) for column in CASES.columns]
                                   for case in writes.cases.values()])
    await VISITS.write(connection, [(*placed(event, case), event.visit_id, event.kind.value, event.visited_on)
                                    for event, case in writes.visits.values()])
    await SUPPORT.write(connection, [(*placed(event, case), event.support_id, event.kind.value, event.provided_on,
                                      event.value, event.model_id) for event, case in writes.support.values()])
    await SPONSORS.write(connection, [sponsorship(event_id, event, case)
                                      for event_id, (event, case) in writes.sponsors.items()])
    await SPONSORSHIP_ENDS.write(connection, [(*placed(event, case), event_id, event.ended_on)
                                              for event_id, (event, case) in writes.sponsorship_ends.items()])
    await CONTACT_DUE.write(connection, [(*placed(event, case), event.as_of, event.next_due_on)
                                         for event, case in writes.contact_due.values()])
    await PLAN_AREAS.write(connection, [(*placed(event, case), event.area.value, event.changed_on, event.status.value)
                                        for event, case in writes.plan_areas.values()])
    await MODELS.write(connection, [(model.model_id, model.title, model.level.value, model.province_code,
                                     model.commune_codes[0], model.former_district_name, model.launched_on)
                                    for model in writes.models.values()])
    await MODEL_COMMUNES.write(connection, [(model.model_id, commune) for model in writes.models.values()
                                            for commune in model.commune_codes])
    await MODEL_ENDS.write(connection, [(end.model_id, end.ended_on) for end in writes.model_ends.values()])
    await OUTREACH.write(connection, [(row.outreach_id, row.activity.value, row.quantity, row.attendance,
                                       row.province_code, row.commune_code, row.held_on, row.model_id)
                                      for row in writes.outreach.values()])


def placed(event: c.SupervisionCaseEvent, case: CaseRow) -> tuple[object, ...]:
    """The leading values of a row about the event's case."""
    return event.case_id, event.person_id, case.province_code, case.commune_code


def sponsorship(event_id: UUID, event: c.SponsorAssigned, case: CaseRow) -> tuple[object, ...]:
    """A sponsorship's row, keyed by the id of the event that assigned it."""
    return *placed(event, case), event_id, event.sponsor_kind.value, event.assigned_on, event.model_id
