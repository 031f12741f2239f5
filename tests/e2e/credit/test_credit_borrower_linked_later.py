"""Through HTTP and the real Kafka: a borrower the bank registers before the registry's facts of their release reach
credit is registered with no registry person; registered again once they have, they are found and linked, and their
next application is judged on the registry's facts."""

import httpx

from tests.support.credit import bank_headers, borrower_body, person_known_to_credit
from tests.support.services import officer_headers, release_body

OFFICER = bank_headers()


def test_a_borrower_registered_before_their_release_reached_credit_is_linked_when_registered_again(
        registry: str, credit: str, credit_database: str) -> None:
    release = release_body()
    body = borrower_body(citizen_id=release["citizen_id"], birth_date=release["birth_date"])
    with httpx.Client(base_url=credit, timeout=30, headers=OFFICER) as bank, \
            httpx.Client(base_url=registry, timeout=30, headers=officer_headers()) as police:
        first = bank.post("/v1/borrowers", json=body)
        assert (first.status_code, first.json()["person_id"]) == (201, None)
        person_id = police.post("/v1/releases", json=release).json()["person_id"]
        person_known_to_credit(credit_database, person_id)

        again = bank.post("/v1/borrowers", json=body)
        assert again.status_code == 200
        assert again.json() == {**first.json(), "person_id": person_id, "updated": False}
        assert bank.get(f"/v1/borrowers/{first.json()['borrower_id']}").json()["person_id"] == person_id
        application = {"borrower_id": first.json()["borrower_id"], "purpose": "training", "amount": 8_000_000,
                       "term_months": 6, "course_months": 2, "agent_organisation": "youth_union",
                       "savings_group": "Tổ 7"}
        loan = bank.post("/v1/loans", json=application).json()
        assert [failure["code"] for failure in loan["failures"]] == ["not_on_commune_list"]
