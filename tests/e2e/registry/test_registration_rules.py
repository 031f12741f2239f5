"""Registration over HTTP: one registration per citizen ID and release date, retries act once, jurisdiction,
overdue confirmations."""

import concurrent.futures
import uuid

import asyncpg

from tests.support.services import officer_headers, release_body, supervisor_headers


def test_same_citizen_id_released_on_the_same_date_is_one_registration(registry):
    body = release_body()
    first = registry.post("/v1/releases", json=body, headers=officer_headers())
    again = registry.post("/v1/releases", json=body, headers=officer_headers())

    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == {"person_id": first.json()["person_id"], "already_registered": True}


def test_retried_post_with_the_same_idempotency_key_acts_once(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    headers = {**officer_headers(), "Idempotency-Key": "reoffence-from-tablet-17"}
    reoffence = {"committed_on": "2026-05-01", "offence_articles": [173], "status": "arrest_pending_trial"}

    first = registry.post(f"/v1/people/{person}/reoffences", json=reoffence, headers=headers)
    retry = registry.post(f"/v1/people/{person}/reoffences", json=reoffence, headers=headers)

    assert first.status_code == retry.status_code == 200
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replay"] == "true"
    assert len(registry.get(f"/v1/people/{person}", headers=officer_headers()).json()["reoffences"]) == 1


def test_idempotency_key_reused_for_another_request_is_refused(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    headers = {**officer_headers(), "Idempotency-Key": "same-key"}
    registry.post(f"/v1/people/{person}/residence-confirmation", json={"confirmed_on": "2026-01-12"},
                  headers=headers)
    other = registry.post(f"/v1/people/{person}/intake", json={"commitment_on": "2026-01-16",
                                                              "information_sheet_on": "2026-01-16"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]


def test_two_officers_changing_the_same_person_at_once_one_wins_the_other_gets_409_with_version(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    version = registry.get(f"/v1/people/{person}", headers=officer_headers()).headers["ETag"]
    changes = [("residence-confirmation", {"confirmed_on": "2026-01-12"}),
               ("intake", {"commitment_on": "2026-01-16", "information_sheet_on": "2026-01-16"})]

    def send(change):
        path, body = change
        return registry.post(f"/v1/people/{person}/{path}", json=body,
                             headers={**officer_headers(sub=path), "If-Match": version})

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(send, changes))

    assert sorted(answer.status_code for answer in answers) == [200, 409]
    loser = next(answer for answer in answers if answer.status_code == 409)
    assert loser.json()["current_version"] == 2
    case = registry.get(f"/v1/people/{person}", headers=officer_headers()).json()
    assert case["version"] == 2, "exactly one change was applied; the other was refused, not lost silently"


def test_people_of_other_provinces_are_invisible_and_other_communes_forbidden(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]

    assert registry.get(f"/v1/people/{person}", headers=officer_headers(province="79")).status_code == 404
    other_commune = officer_headers(communes=("00070",))
    assert registry.get(f"/v1/people/{person}", headers=other_commune).status_code == 403
    assert registry.post("/v1/releases", json=release_body(), headers=other_commune).status_code == 403
    assert registry.get(f"/v1/people/{person}").status_code == 401


def test_closed_case_accepts_no_change_but_erasure(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    closed = registry.post(f"/v1/people/{person}/closure", headers=supervisor_headers(),
                           json={"closed_on": "2027-01-15", "reason": "record_cleared"})
    assert closed.status_code == 200

    refused = registry.post(f"/v1/people/{person}/residence-confirmation", headers=officer_headers(),
                            json={"confirmed_on": "2027-02-01"})
    erased = registry.post(f"/v1/people/{person}/erasure", headers=supervisor_headers(),
                           json={"erased_on": "2027-02-01"})

    assert refused.status_code == 409 and "closed on 2027-01-15" in refused.json()["detail"]
    assert erased.status_code == 200


def test_transfer_moves_the_case_out_of_the_old_communes_reach(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    moved = registry.post(f"/v1/people/{person}/residence-changes", headers=officer_headers(),
                          json={"province_code": "79", "commune_code": "26506", "moved_on": "2026-03-01"})
    assert moved.status_code == 200
    assert registry.get(f"/v1/people/{person}", headers=officer_headers()).status_code == 404
    assert registry.get(f"/v1/people/{person}", headers=officer_headers(province="79")).status_code == 200


def test_overdue_confirmations_list_the_unconfirmed_cases_past_three_working_days(registry):
    commune = "00008"
    late = registry.post("/v1/releases", json=release_body(commune_code=commune, notified_on="2026-01-05"),
                         headers=officer_headers()).json()["person_id"]
    confirmed = registry.post("/v1/releases", json=release_body(commune_code=commune, notified_on="2026-01-05"),
                              headers=officer_headers()).json()["person_id"]
    registry.post(f"/v1/people/{confirmed}/residence-confirmation", json={"confirmed_on": "2026-01-06"},
                  headers=officer_headers())

    overdue = registry.get(f"/v1/communes/{commune}/overdue-confirmations", params={"today": "2026-01-09"},
                           headers=officer_headers()).json()
    not_yet = registry.get(f"/v1/communes/{commune}/overdue-confirmations", params={"today": "2026-01-08"},
                           headers=officer_headers()).json()

    assert [row["person_id"] for row in overdue] == [late]
    assert overdue[0]["identity"]["full_name"] == "Nguyễn Văn Bình"
    assert not_yet == []


def test_unofficial_commune_or_one_of_another_province_is_refused_naming_the_field(registry):
    unknown = registry.post("/v1/releases", json=release_body(commune_code="99999"), headers=officer_headers())
    elsewhere = registry.post("/v1/releases", json=release_body(commune_code="26506"), headers=officer_headers())

    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["body", "commune_code"]
    assert elsewhere.status_code == 422 and "belongs to province 79" in elsewhere.json()["detail"][0]["msg"]



def test_a_move_to_a_commune_of_another_province_is_refused_naming_the_commune(registry):
    person = registry.post("/v1/releases", json=release_body(), headers=officer_headers()).json()["person_id"]
    refused = registry.post(f"/v1/people/{person}/residence-changes", headers=officer_headers(),
                            json={"province_code": "79", "commune_code": "00070", "moved_on": "2026-03-01"})

    assert refused.status_code == 422
    assert [(error["loc"][-1], "Phường Hoàn Kiếm" in error["msg"]) for error in refused.json()["detail"]] == [
        ("commune_code", True)]
    unchanged = registry.get(f"/v1/people/{person}", headers=officer_headers()).json()
    assert unchanged["residence"]["commune_code"] == "00004"


async def test_overdue_list_and_person_view_reckon_the_same_due_day_across_tet(registry, database_url):
    commune = "00025"
    body = release_body(commune_code=commune, release_date="2026-02-12", notified_on="2026-02-13")
    person = registry.post("/v1/releases", json=body, headers=officer_headers()).json()["person_id"]
    await _as_projected_before_holidays_were_known(database_url, person)

    during_tet = registry.get(f"/v1/communes/{commune}/overdue-confirmations", params={"today": "2026-02-19"},
                              headers=officer_headers()).json()
    after = registry.get(f"/v1/communes/{commune}/overdue-confirmations", params={"today": "2026-02-26"},
                         headers=officer_headers()).json()
    view = registry.get(f"/v1/people/{person}", headers=officer_headers()).json()

    assert during_tet == []
    assert [(row["person_id"], row["confirmation_due_on"]) for row in after] == [(person, "2026-02-25")]
    assert view["confirmation"]["due_on"] == "2026-02-25"


async def _as_projected_before_holidays_were_known(database_url: str, person: str) -> None:
    """The row as a registry without Tết in its calendar projected it: due 3 weekdays after the notification."""
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("UPDATE people SET confirmation_due_on = '2026-02-18' WHERE person_id = $1",
                                 uuid.UUID(person))
    finally:
        await connection.close()
