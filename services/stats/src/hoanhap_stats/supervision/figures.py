"""Counts over the supervision read models: visits and how many supervised people they reached, risk groups,
support given, sponsors, local models and outreach. Each filters on its rows' own place (see figures/own_place.py)."""

from typing import Any

from hoanhap.contracts import ModelLevel, OutreachActivity, RiskGroup, SponsorKind, SupportKind, VisitKind
from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.amounts import Amount
from hoanhap_stats.figures.own_place import figure_arguments, own_place, own_rows, place_arguments
from hoanhap_stats.figures.selection import Selection

NOT_ASSESSED = "not_assessed"
SUPERVISED = f"""SELECT s.case_id, s.person_id, s.opened_on, s.risk_group FROM supervision_cases s
    WHERE s.opened_on <= $2 AND (s.closed_on IS NULL OR s.closed_on >= $1) AND {own_rows('s')}"""
"""The cases under supervision at some time in the period: opened by its end, not closed before its start."""


async def visits_by_kind(connection: Connection, period: Selection) -> dict[str, int]:
    """Visits made in the period, by kind."""
    rows = await connection.fetch(
        f"SELECT v.kind, count(*) AS visits FROM supervision_visits v WHERE v.visited_on BETWEEN $1 AND $2 "
        f"AND {own_rows('v')} GROUP BY v.kind ORDER BY v.kind", *figure_arguments(period))
    return dict.fromkeys(map(str, VisitKind), 0) | {row["kind"]: row["visits"] for row in rows}


async def visit_coverage(connection: Connection, period: Selection) -> tuple[int, int]:
    """(people under supervision in the period who were visited in it, people under supervision in it)."""
    row = await connection.fetchrow(
        f"""WITH supervised AS ({SUPERVISED})
            SELECT (SELECT count(DISTINCT s.person_id) FROM supervised s WHERE EXISTS (
                      SELECT 1 FROM supervision_visits v WHERE v.case_id = s.case_id
                        AND v.visited_on BETWEEN $1 AND $2)) AS visited,
                   (SELECT count(DISTINCT person_id) FROM supervised) AS supervised""", *figure_arguments(period))
    return row["visited"], row["supervised"]


async def people_by_risk_group(connection: Connection, period: Selection) -> dict[str, int]:
    """People under supervision in the period by the latest risk group of their latest case in it (every group
    listed, with those never assessed)."""
    rows = await connection.fetch(
        f"""SELECT coalesce(risk_group, '{NOT_ASSESSED}') AS risk_group, count(*) AS people FROM (
              SELECT DISTINCT ON (s.person_id) s.risk_group FROM ({SUPERVISED}) s
              ORDER BY s.person_id, s.opened_on DESC) latest GROUP BY 1""", *figure_arguments(period))
    return dict.fromkeys([*map(str, RiskGroup), NOT_ASSESSED], 0) | {row["risk_group"]: row["people"] for row in rows}


async def support_by_kind(connection: Connection, period: Selection) -> dict[str, tuple[int, Amount]]:
    """Support given in the period, by kind: (times given, value of the material aid counted)."""
    rows = await connection.fetch(
        f"SELECT t.kind, count(*) AS given, coalesce(sum(t.value_vnd), 0) AS vnd, "
        f"count(*) FILTER (WHERE t.value_vnd > 0) AS valued FROM supervision_support t "
        f"WHERE t.provided_on BETWEEN $1 AND $2 AND {own_rows('t')} GROUP BY t.kind ORDER BY t.kind",
        *figure_arguments(period))
    return dict.fromkeys(map(str, SupportKind), (0, Amount())) | {
        row["kind"]: (row["given"], Amount(int(row["vnd"]), row["valued"])) for row in rows}


async def sponsors_by_kind(connection: Connection, period: Selection) -> dict[str, tuple[int, int]]:
    """Sponsorships taken on in the period, by kind of sponsor: (all, those acting for a local model)."""
    rows = await connection.fetch(
        f"SELECT p.sponsor_kind, count(*) AS sponsors, count(p.model_id) AS through_models "
        f"FROM supervision_sponsors p WHERE p.assigned_on BETWEEN $1 AND $2 AND {own_rows('p')} "
        f"GROUP BY p.sponsor_kind ORDER BY p.sponsor_kind", *figure_arguments(period))
    return dict.fromkeys(map(str, SponsorKind), (0, 0)) | {
        row["sponsor_kind"]: (row["sponsors"], row["through_models"]) for row in rows}


async def sponsorship_ends(connection: Connection, period: Selection) -> tuple[int, int]:
    """(sponsorships ended in the period, sponsorships in force at its end). In force: taken on by the end less
    ended by then, exact because a sponsorship ends once, after it was taken on, both counted in the case's place."""
    row = await connection.fetchrow(
        f"SELECT count(*) FILTER (WHERE x.ended_on >= $1) AS ended, (SELECT count(*) FROM supervision_sponsors p "
        f"WHERE p.assigned_on <= $2 AND {own_rows('p')}) - count(*) AS in_force FROM supervision_sponsorship_ends x "
        f"WHERE x.ended_on <= $2 AND {own_rows('x')}", *figure_arguments(period))
    return row["ended"], row["in_force"]


MODEL_COVERS_PLACE = """($3::text IS NULL OR m.province_code = $3) AND ($4::text IS NULL OR EXISTS (
    SELECT 1 FROM local_model_communes k WHERE k.model_id = m.model_id AND k.commune_code = $4))"""
"""SQL keeping the models `m` of the province ($3) covering the commune ($4): each model once, whatever the place."""


async def models_by_level(connection: Connection, period: Selection) -> dict[str, tuple[int, int]]:
    """Local models covering the place, by level: (launched in the period, in place at its end: launched by then
    and not ended on or before its last day)."""
    rows = await connection.fetch(
        f"SELECT m.level, count(*) FILTER (WHERE m.launched_on >= $1) AS launched, "
        f"count(*) FILTER (WHERE e.ended_on IS NULL OR e.ended_on > $2) AS in_place "
        f"FROM local_models m LEFT JOIN local_model_ends e ON e.model_id = m.model_id "
        f"WHERE m.launched_on <= $2 AND {MODEL_COVERS_PLACE} GROUP BY m.level ORDER BY m.level",
        *place_arguments(period))
    return dict.fromkeys(map(str, ModelLevel), (0, 0)) | {
        row["level"]: (row["launched"], row["in_place"]) for row in rows}


async def outreach_by_activity(connection: Connection, period: Selection) -> dict[str, dict[str, Any]]:
    """Outreach held in the period, by activity: times held, broadcasts/items/sessions/... and attendance. A
    province-wide report (no commune) counts in its province's figures and in no commune's."""
    rows = await connection.fetch(
        f"SELECT o.activity, count(*) AS held, sum(o.quantity) AS quantity, sum(o.attendance) AS attendance "
        f"FROM outreach o WHERE o.held_on BETWEEN $1 AND $2 AND {own_place('o', 3)} "
        f"GROUP BY o.activity ORDER BY o.activity", *place_arguments(period))
    return {str(activity): {"held": 0, "quantity": 0, "attendance": 0 if activity.is_gathering else None}
            for activity in OutreachActivity} | {
        row["activity"]: {"held": row["held"], "quantity": int(row["quantity"]),
                          "attendance": None if row["attendance"] is None else int(row["attendance"])} for row in rows}
