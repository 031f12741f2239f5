"""A registration, an import, a refusal or a remembered request tells a caller nothing of people outside their
jurisdiction: a release held elsewhere becomes a transfer request, answered without the person's id or place."""

import asyncio
import time

import asyncpg

from tests.support.services import new_citizen_id, officer_headers, release_body, supervisor_headers
from tests.support.spreadsheets import GOOD_ROW, csv_file, table

HCMC_COMMUNE = "26506"  # a commune of Thành phố Hồ Chí Minh (province 79)


def hcmc_officer(sub: str = "officer-1") -> dict[str, str]:
    return officer_headers("79", (HCMC_COMMUNE,), sub=sub)


def moved_to_hcmc(body: dict) -> dict:
    return {**body, "province_code": "79", "commune_code": HCMC_COMMUNE, "village": None}


def assert_names_nothing_of(answer: dict, person_id: str) -> None:
    text = str(answer)
    assert person_id not in text and "00004" not in text and "'01'" not in text, text


def test_registering_a_person_held_in_another_province_requests_a_transfer_without_their_id(registry):
    body = release_body()
    held = registry.post("/v1/releases", json=body, headers=officer_headers()).json()["person_id"]

    answer = registry.post("/v1/releases", json=moved_to_hcmc(body), headers=hcmc_officer())

    assert answer.status_code == 202, answer.text
    assert set(answer.json()) == {"transfer_request_id", "already_registered", "detail"}
    assert_names_nothing_of(answer.json(), held)
    again = registry.post("/v1/releases", json=moved_to_hcmc(body), headers=hcmc_officer())
    assert again.json()["transfer_request_id"] == answer.json()["transfer_request_id"], "one request, not two"


def test_the_holding_commune_sees_the_request_and_transfers_the_case_which_the_requester_then_sees(registry):
    body = release_body()
    held = registry.post("/v1/releases", json=body, headers=officer_headers()).json()["person_id"]
    registry.post("/v1/releases", json=moved_to_hcmc(body), headers=hcmc_officer())

    [request] = requests_on(registry, held)
    assert (request["to_province_code"], request["to_commune_code"]) == ("79", HCMC_COMMUNE)
    assert registry.post("/v1/people/search", json={"citizen_id": body["citizen_id"]},
                         headers=hcmc_officer()).json() == []

    moved = registry.post(f"/v1/people/{held}/residence-changes", headers=officer_headers(), json={
        "province_code": "79", "commune_code": HCMC_COMMUNE, "moved_on": "2026-02-01"})
    assert moved.status_code == 200, moved.text

    assert requests_on(registry, held) == []
    [found] = registry.post("/v1/people/search", json={"citizen_id": body["citizen_id"]},
                            headers=hcmc_officer()).json()
    assert found["person_id"] == held
    mine = registry.post("/v1/releases", json=moved_to_hcmc(body), headers=hcmc_officer())
    assert (mine.status_code, mine.json()["person_id"]) == (200, held), "now inside the caller's jurisdiction"


def test_another_commune_of_the_same_province_is_not_named_nor_given_the_id(registry):
    body = release_body()
    held = registry.post("/v1/releases", json=body, headers=officer_headers()).json()["person_id"]
    neighbour = officer_headers("01", ("00070",))

    answer = registry.post("/v1/releases", json={**body, "commune_code": "00070"}, headers=neighbour)
    refused = registry.get(f"/v1/people/{held}", headers=neighbour)

    assert answer.status_code == 202
    assert_names_nothing_of(answer.json(), held)
    assert refused.status_code == 403 and "00004" not in refused.text


def test_an_import_row_of_a_person_held_elsewhere_becomes_a_transfer_request(registry):
    citizen_id = new_citizen_id()
    held = registry.post("/v1/releases", headers=officer_headers(), json=release_body(
        citizen_id=citizen_id, release_date="2025-01-15", birth_date="1990-03-15", notified_on="2025-01-10")).json()
    rows = [{**GOOD_ROW, "citizen_id": citizen_id, "province_code": "79", "commune_code": HCMC_COMMUNE}]

    started = registry.post("/v1/imports", params={"filename": "danh-sach.csv"}, content=csv_file(table(rows)),
                            headers=hcmc_officer())
    report = finished(registry, started.headers["Location"], hcmc_officer())

    assert (report["registered"], report["already_registered"], report["transfer_requested"]) == (0, 0, 1)
    [row] = report["rows"]
    assert row["outcome"] == "transfer_requested" and row["person_id"] is None
    assert_names_nothing_of(row, held["person_id"])


def test_the_same_subject_in_another_province_neither_replays_a_key_nor_reads_an_import(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    reoffence = {"committed_on": "2026-05-01", "offence_articles": [173], "status": "arrest_pending_trial"}
    key = {"Idempotency-Key": "tablet-3-reoffence"}
    first = registry.post(f"/v1/people/{person}/reoffences", json=reoffence, headers={**officer_headers(), **key})
    import_location = registry.post("/v1/imports", params={"filename": "danh-sach.csv"},
                                    content=csv_file(table([GOOD_ROW])), headers=officer_headers()).headers["Location"]

    replayed = registry.post(f"/v1/people/{person}/reoffences", json=reoffence, headers={**hcmc_officer(), **key})
    read = registry.get(import_location, headers=hcmc_officer())

    assert first.status_code == 200
    assert replayed.status_code == 404 and "Idempotent-Replay" not in replayed.headers
    assert read.status_code == 404


def test_erasure_forgets_the_requests_remembered_about_the_person(registry, database_url):
    key = {"Idempotency-Key": "release-notice-4711"}
    person = registry.post("/v1/releases", json=release_body(), headers={**officer_headers(), **key}).json()
    assert remembered_about(database_url, person["person_id"]) == 1

    erased = registry.post(f"/v1/people/{person['person_id']}/erasure", headers=supervisor_headers())

    assert erased.status_code == 200, erased.text
    assert remembered_about(database_url, person["person_id"]) == 0


def requests_on(registry, person_id: str) -> list[dict]:
    listed = registry.get("/v1/communes/00004/transfer-requests", headers=officer_headers()).json()
    return [request for request in listed if request["person_id"] == person_id]


def remembered_about(database_url: str, person_id: str) -> int:
    async def count() -> int:
        connection = await asyncpg.connect(database_url)
        try:
            return int(await connection.fetchval("SELECT count(*) FROM idempotency_keys WHERE person_id = $1::uuid",
                                                 person_id))
        finally:
            await connection.close()
    return asyncio.run(count())


def finished(registry, location: str, headers: dict[str, str], timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report = registry.get(location, headers=headers).json()
        if report["status"] != "running":
            return report
        time.sleep(0.2)
    raise AssertionError(f"import still running after {timeout} s")
