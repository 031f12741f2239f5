"""On the real PostgreSQL: a commune's alerts, read from the registry's view (residences unconfirmed, of people
still managed there) and the cases table, the earliest due first."""

import uuid
from datetime import date

from hoanhap import contracts as c
from hoanhap.working_days import WorkingCalendar
from hoanhap_supervision.adapters.alert_queries import unconfirmed_residences
from hoanhap_supervision.adapters.caseload_queries import open_cases
from hoanhap_supervision.application.alerts import commune_alerts
from hoanhap_supervision.domain.alerts import AlertKind
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from tests.integration.supervision.conftest import feed
from tests.unit.supervision.application import registry_facts as facts

TODAY = date(2026, 3, 1)


def confirmed(person_id: uuid.UUID, commune_code: str) -> c.ResidenceConfirmed:
    return c.ResidenceConfirmed(person_id=person_id, province_code="01", commune_code=commune_code,
                                confirmed_on=date(2026, 1, 12), within_deadline=True)


async def test_the_alerts_list_unconfirmed_residences_overdue_work_and_periods_ending(supervision, pool):
    commune = f"8{uuid.uuid4().int % 10000:04d}"
    unconfirmed, ending, closed, erased, elsewhere = (uuid.uuid4() for _ in range(5))
    await feed(supervision, facts.released(unconfirmed, commune), facts.intake(unconfirmed),
               facts.released(ending, commune).model_copy(update={"supervision_months": 2}),
               confirmed(ending, commune), facts.intake(ending),
               facts.released(closed, commune), facts.closed(closed),
               facts.released(erased, commune), facts.erased(erased), facts.released(elsewhere, "00070"))
    async with pool.acquire() as connection:
        waiting = await unconfirmed_residences(connection, "01", commune)
        cases = await open_cases(connection, "01", commune)
        other_province = await unconfirmed_residences(connection, "79", commune)
    assert [(person.person_id, person.notified_on) for person in waiting] == [(unconfirmed, date(2026, 1, 9))]
    assert other_province == []
    alerts = commune_alerts(cases, waiting, DEFAULT_RULES, WorkingCalendar.of_vietnam(), TODAY)
    by_person = {person: [found.kind for found in alerts if found.person_id == person] for person in (unconfirmed,
                                                                                                  ending)}
    # notified Friday 9 January: due Wednesday 14 January; the reassessment was due on the intake, 16 January
    assert by_person[unconfirmed][:2] == [AlertKind.RESIDENCE_CONFIRMATION_OVERDUE, AlertKind.REASSESSMENT_OVERDUE]
    assert AlertKind.SUPERVISION_ENDING in by_person[ending]  # released 15 January for 2 months: ends 15 March
    assert AlertKind.RESIDENCE_CONFIRMATION_OVERDUE not in by_person[ending]
    assert {found.person_id for found in alerts} == {unconfirmed, ending}
    assert [found.due_on for found in alerts] == sorted(found.due_on for found in alerts)
