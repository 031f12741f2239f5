"""Writing a folded batch of supervision events: one statement per table, each row given once (the fold kept the
last value per key, as ON CONFLICT DO UPDATE needs), nothing sent for a table the batch does not touch."""

from collections.abc import Sequence
from uuid import UUID

import hoanhap.contracts as c
from hoanhap.eventstore.connections import Connection
from hoanhap_stats.supervision_batch import CaseRow


async def upsert_cases(connection: Connection, cases: list[CaseRow]) -> None:
    """New cases and the changed ones, whole (the fold started from the stored row)."""
    if not cases:
        return
    await connection.execute(
        "INSERT INTO supervision_cases (case_id, person_id, province_code, commune_code, opened_on, "
        "commitment_signed, ends_on, closed_on, closure_reason, risk_group, risk_assessed_on) "
        "SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::boolean[], $7::date[], "
        "$8::date[], $9::text[], $10::text[], $11::date[]) "
        "ON CONFLICT (case_id) DO UPDATE SET closed_on = EXCLUDED.closed_on, closure_reason = EXCLUDED.closure_reason, "
        "risk_group = EXCLUDED.risk_group, risk_assessed_on = EXCLUDED.risk_assessed_on",
        [case.case_id for case in cases], [case.person_id for case in cases],
        [case.province_code for case in cases], [case.commune_code for case in cases],
        [case.opened_on for case in cases], [case.commitment_signed for case in cases],
        [case.ends_on for case in cases], [case.closed_on for case in cases],
        [case.closure_reason for case in cases], [case.risk_group for case in cases],
        [case.risk_assessed_on for case in cases])


def placed(rows: Sequence[tuple[c.SupervisionCaseEvent, CaseRow]]) -> list[list[object]]:
    """The leading columns every row about a case has: case, person, province, commune."""
    return [[event.case_id for event, _ in rows], [event.person_id for event, _ in rows],
            [case.province_code for _, case in rows], [case.commune_code for _, case in rows]]


async def upsert_visits(connection: Connection, visits: list[tuple[c.VisitLogged, CaseRow]]) -> None:
    """Visits, a corrected one replacing its row."""
    if not visits:
        return
    await connection.execute(
        "INSERT INTO supervision_visits (case_id, person_id, province_code, commune_code, visit_id, kind, visited_on) "
        "SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::date[]) "
        "ON CONFLICT (visit_id) DO UPDATE SET kind = EXCLUDED.kind, visited_on = EXCLUDED.visited_on",
        *placed(visits), [event.visit_id for event, _ in visits], [event.kind.value for event, _ in visits],
        [event.visited_on for event, _ in visits])


async def upsert_support(connection: Connection, support: list[tuple[c.SupportProvided, CaseRow]]) -> None:
    """Support given, a corrected record replacing its row."""
    if not support:
        return
    await connection.execute(
        "INSERT INTO supervision_support (case_id, person_id, province_code, commune_code, support_id, kind, "
        "provided_on, value_vnd, model_id) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], "
        "$5::uuid[], $6::text[], $7::date[], $8::bigint[], $9::uuid[]) "
        "ON CONFLICT (support_id) DO UPDATE SET kind = EXCLUDED.kind, provided_on = EXCLUDED.provided_on, "
        "value_vnd = EXCLUDED.value_vnd, model_id = EXCLUDED.model_id",
        *placed(support), [event.support_id for event, _ in support], [event.kind.value for event, _ in support],
        [event.provided_on for event, _ in support], [event.value for event, _ in support],
        [event.model_id for event, _ in support])


async def upsert_sponsors(connection: Connection, sponsors: dict[UUID, tuple[c.SponsorAssigned, CaseRow]]) -> None:
    """Sponsorships keyed by their event id: each is given once, a replayed one changes nothing."""
    if not sponsors:
        return
    rows = list(sponsors.values())
    await connection.execute(
        "INSERT INTO supervision_sponsors (case_id, person_id, province_code, commune_code, assignment_id, "
        "sponsor_kind, assigned_on, model_id) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], "
        "$5::uuid[], $6::text[], $7::date[], $8::uuid[]) ON CONFLICT (assignment_id) DO NOTHING",
        *placed(rows), list(sponsors), [event.sponsor_kind.value for event, _ in rows],
        [event.assigned_on for event, _ in rows], [event.model_id for event, _ in rows])


async def upsert_models(connection: Connection, models: list[c.ModelLaunched]) -> None:
    """Local models, a republished one replacing its row."""
    if not models:
        return
    await connection.execute(
        "INSERT INTO local_models (model_id, title, level, province_code, commune_code, former_district_name, "
        "launched_on) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], "
        "$7::date[]) ON CONFLICT (model_id) DO UPDATE SET title = EXCLUDED.title, level = EXCLUDED.level, "
        "province_code = EXCLUDED.province_code, commune_code = EXCLUDED.commune_code, "
        "former_district_name = EXCLUDED.former_district_name, launched_on = EXCLUDED.launched_on",
        [model.model_id for model in models], [model.title for model in models],
        [model.level.value for model in models], [model.province_code for model in models],
        [model.commune_code for model in models], [model.former_district_name for model in models],
        [model.launched_on for model in models])


async def upsert_outreach(connection: Connection, outreach: list[c.OutreachLogged]) -> None:
    """Outreach, a corrected record replacing its row."""
    if not outreach:
        return
    await connection.execute(
        "INSERT INTO outreach (outreach_id, activity, quantity, attendance, province_code, commune_code, held_on, "
        "model_id) SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::integer[], $5::text[], $6::text[], "
        "$7::date[], $8::uuid[]) ON CONFLICT (outreach_id) DO UPDATE SET activity = EXCLUDED.activity, "
        "quantity = EXCLUDED.quantity, attendance = EXCLUDED.attendance, province_code = EXCLUDED.province_code, "
        "commune_code = EXCLUDED.commune_code, held_on = EXCLUDED.held_on, model_id = EXCLUDED.model_id",
        [row.outreach_id for row in outreach], [row.activity.value for row in outreach],
        [row.quantity for row in outreach], [row.attendance for row in outreach],
        [row.province_code for row in outreach], [row.commune_code for row in outreach],
        [row.held_on for row in outreach], [row.model_id for row in outreach])
