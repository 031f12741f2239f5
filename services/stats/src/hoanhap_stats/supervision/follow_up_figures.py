"""How supervised people are followed up, over the supervision read models: whether their contacts meet the
standard (supervision sends the next-due day its standard gives, never the standard) and how far the areas of their
reintegration plans have come. Filtered on the cases' own place, like the other supervision figures."""

from dataclasses import replace

from hoanhap.contracts import NeedArea, PlanStatus
from hoanhap.postgres.connections import Connection
from hoanhap_stats.figures.measuring_day import measured_on
from hoanhap_stats.figures.own_place import figure_arguments
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision.figures import SUPERVISED

LATEST_DUE_COMPLIES = """coalesce((SELECT d.next_due_on IS NULL OR d.next_due_on >= $2 FROM supervision_contact_due d
    WHERE d.case_id = s.case_id AND d.as_of <= $2 ORDER BY d.as_of DESC LIMIT 1), false)"""
"""SQL, for a case `s` measured on $2: its latest next-due day known by then is none, or not before $2 (the due
day itself is not overdue); no next-due day known by then does not comply."""


async def contact_compliance(connection: Connection, period: Selection) -> tuple[int, int]:
    """(people under supervision on the measuring day whose contacts meet the standard, people under supervision
    that day: opened on or before it and not closed before it)."""
    day = measured_on(period)
    row = await connection.fetchrow(
        f"""WITH supervised AS ({SUPERVISED})
            SELECT (SELECT count(DISTINCT s.person_id) FROM supervised s WHERE {LATEST_DUE_COMPLIES}) AS complying,
                   (SELECT count(DISTINCT person_id) FROM supervised) AS supervised""",
        *figure_arguments(replace(period, start=day, end=day)))
    return row["complying"], row["supervised"]


async def plan_areas(connection: Connection, period: Selection) -> dict[str, tuple[int, int, int]]:
    """By need area, over the people under supervision in the period: (people with the area in their plan at its
    end, i.e. its status then is other than not started; people with it met then; areas that became met in it)."""
    rows = await connection.fetch(
        f"""WITH supervised AS ({SUPERVISED}), changes AS (
              SELECT a.person_id, a.area, a.status, a.changed_on,
                     lag(a.status) OVER (PARTITION BY a.case_id, a.area ORDER BY a.changed_on) AS before,
                     row_number() OVER (PARTITION BY a.case_id, a.area ORDER BY a.changed_on DESC) = 1 AS latest
              FROM supervision_plan_areas a JOIN supervised s ON s.case_id = a.case_id WHERE a.changed_on <= $2)
            SELECT area,
                   count(DISTINCT person_id) FILTER (WHERE latest AND status <> '{PlanStatus.NOT_STARTED}') AS in_plan,
                   count(DISTINCT person_id) FILTER (WHERE latest AND status = '{PlanStatus.MET}') AS met,
                   count(*) FILTER (WHERE status = '{PlanStatus.MET}' AND changed_on >= $1
                                    AND before IS DISTINCT FROM '{PlanStatus.MET}') AS became_met
            FROM changes GROUP BY area""", *figure_arguments(period))
    return dict.fromkeys(map(str, NeedArea), (0, 0, 0)) | {
        row["area"]: (row["in_plan"], row["met"], row["became_met"]) for row in rows}
