"""Through HTTP and the real Kafka: a person released on parole into a commune, their intake recorded but their
residence never confirmed, shows one alert of each kind in the commune's alerts (residence confirmation,
contacts and reassessment overdue, supervision ending), the earliest due first; another commune's caller is
refused."""

from tests.support.services import officer_headers
from tests.support.supervision import opened_case

TODAY = "2026-07-01"


def test_a_communes_alerts_show_one_of_each_kind_for_a_person_the_earliest_due_first(registry, supervision):
    person_id = opened_case(registry, supervision, release_type="conditional_early_release",
                            supervision_end="2026-07-15")
    answer = supervision.get("/v1/communes/00004/alerts", params={"today": TODAY, "limit": 500},
                             headers=officer_headers())
    assert answer.status_code == 200, answer.text
    page = answer.json()
    assert (page["today"], page["limit"], page["offset"]) == (TODAY, 500, 0)
    mine = [alert for alert in page["alerts"] if alert["person_id"] == person_id]
    assert {alert["kind"] for alert in mine} == {"residence_confirmation_overdue", "contact_overdue",
                                                 "reassessment_overdue", "supervision_ending"}
    # notified Friday 9 January 2026: 3 working days later is Wednesday 14 January
    assert (mine[0]["kind"], mine[0]["due_on"], mine[0]["days_overdue"]) == (
        "residence_confirmation_overdue", "2026-01-14", 168)
    ending = next(alert for alert in mine if alert["kind"] == "supervision_ending")
    assert (ending["due_on"], ending["days_remaining"], ending["days_overdue"]) == ("2026-07-15", 14, 0)
    assert [alert["due_on"] for alert in mine] == sorted(alert["due_on"] for alert in mine)
    elsewhere = supervision.get("/v1/communes/00004/alerts", headers=officer_headers(communes=("00070",)))
    assert elsewhere.status_code == 403, elsewhere.text
