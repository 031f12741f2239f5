"""Through HTTP and the real Kafka: where a person is registered as a borrower, and what registering a citizen ID
the bank knows answers. The registry decides the place (its person's residence); staff elsewhere can neither hold
the person's own commune off nor learn anything of a borrower of theirs."""

import httpx
import pytest

from tests.support.credit import bank_headers, borrower_body, person_known_to_credit
from tests.support.services import officer_headers, release_body

OFFICER = bank_headers()
FAR_OFFICER = bank_headers(communes=("26506",), province="79")
FAR_PLACE = {"province_code": "79", "commune_code": "26506"}
RESIDENCE_ELSEWHERE = {"detail": "the person's registered residence is outside your jurisdiction"}


@pytest.fixture(scope="module")
def bank(credit: str):
    with httpx.Client(base_url=credit, timeout=30) as client:
        yield client


def released(registry: str, credit_database: str) -> dict[str, str]:
    """A person the registry released to commune 00004, once credit knows of them: their borrower body."""
    release = release_body()
    with httpx.Client(base_url=registry, timeout=30, headers=officer_headers()) as police:
        person_id = police.post("/v1/releases", json=release).json()["person_id"]
    person_known_to_credit(credit_database, person_id)
    return {**borrower_body(citizen_id=release["citizen_id"], birth_date=release["birth_date"]),
            "person_id": person_id}


def test_a_released_person_is_refused_to_staff_elsewhere_and_registered_where_the_registry_says_they_live(
        bank: httpx.Client, registry: str, credit_database: str) -> None:
    person = released(registry, credit_database)
    body = {key: value for key, value in person.items() if key != "person_id"}
    far = bank.post("/v1/borrowers", json={**body, **FAR_PLACE}, headers=FAR_OFFICER)
    assert (far.status_code, far.json()) == (403, RESIDENCE_ELSEWHERE)

    home = bank.post("/v1/borrowers", json=body, headers=OFFICER)
    assert (home.status_code, home.json()["person_id"]) == (201, person["person_id"])
    record = bank.get(f"/v1/borrowers/{home.json()['borrower_id']}", headers=OFFICER).json()
    assert (record["province_code"], record["commune_code"]) == ("01", "00004")


def test_a_record_made_elsewhere_before_the_release_reached_credit_moves_to_the_commune_the_registry_names(
        bank: httpx.Client, registry: str, credit_database: str) -> None:
    release = release_body()
    body = borrower_body(citizen_id=release["citizen_id"], birth_date=release["birth_date"])
    squatted = bank.post("/v1/borrowers", json={**body, **FAR_PLACE, "birth_date": "1950-01-01"},
                         headers=FAR_OFFICER)
    assert (squatted.status_code, squatted.json()["person_id"]) == (201, None)
    with httpx.Client(base_url=registry, timeout=30, headers=officer_headers()) as police:
        person_id = police.post("/v1/releases", json=release).json()["person_id"]
    person_known_to_credit(credit_database, person_id)

    home = bank.post("/v1/borrowers", json=body, headers=OFFICER)
    borrower_id = squatted.json()["borrower_id"]
    assert (home.status_code, home.json()) == (200, {"borrower_id": borrower_id, "person_id": person_id,
                                                     "updated": False})
    record = bank.get(f"/v1/borrowers/{borrower_id}", headers=OFFICER).json()
    assert (record["province_code"], record["commune_code"], record["person_id"]) == ("01", "00004", person_id)
    assert bank.get(f"/v1/borrowers/{borrower_id}", headers=FAR_OFFICER).status_code == 404


def test_staff_elsewhere_get_for_a_known_citizen_id_the_answer_of_a_person_living_elsewhere_whatever_the_birth_date(
        bank: httpx.Client) -> None:
    body = borrower_body()
    assert bank.post("/v1/borrowers", json=body, headers=OFFICER).status_code == 201

    for birth_date in (body["birth_date"], "1950-01-01"):
        far = bank.post("/v1/borrowers", json={**body, **FAR_PLACE, "birth_date": birth_date}, headers=FAR_OFFICER)
        assert (far.status_code, far.json()) == (403, RESIDENCE_ELSEWHERE)
        assert body["citizen_id"] not in far.text


def test_staff_of_the_commune_registering_a_known_citizen_id_again_must_type_the_birth_date_on_record(
        bank: httpx.Client) -> None:
    body = borrower_body()
    assert bank.post("/v1/borrowers", json=body, headers=OFFICER).status_code == 201

    other = bank.post("/v1/borrowers", json={**body, "birth_date": "1991-02-03"}, headers=OFFICER)
    assert other.status_code == 422
    assert [problem["loc"] for problem in other.json()["detail"]] == [["body", "birth_date"]]
    assert body["citizen_id"] not in other.text


def test_a_known_citizen_id_registered_again_with_another_name_and_address_keeps_the_identity_and_says_so(
        bank: httpx.Client) -> None:
    body = borrower_body()
    first = bank.post("/v1/borrowers", json=body, headers=OFFICER).json()

    again = bank.post("/v1/borrowers", json={**body, "full_name": "Lê Văn Tám", "address": "Thôn 3"},
                      headers=OFFICER)
    assert (again.status_code, again.json()) == (200, {**first, "updated": False})
    identity = bank.get(f"/v1/borrowers/{first['borrower_id']}", headers=OFFICER).json()["identity"]
    assert (identity["full_name"], identity["address"]) == (body["full_name"], body["address"])
