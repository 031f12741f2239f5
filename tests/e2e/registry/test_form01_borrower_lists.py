"""The commune's list of borrowers (Form 01) in the running registry: drawn from its facts (eligible people in,
a standing reoffence, probation not over, more than 5 years, another commune and the excluded out), exported as
CSV, XLSX and a printable page with the names, certified once, and each person on it told to the bank on the
registry topic as CommuneListingCertified, without name or signatory."""

import asyncio
import csv
import io
import uuid

import httpx
from openpyxl import load_workbook

from hoanhap.auth import Role
from hoanhap.contracts import REGISTRY_TOPIC, CommuneListingCertified, from_kafka_message
from hoanhap.vietnam_time import vietnam_today
from tests.support.kafka_reading import read_topic
from tests.support.services import officer_headers, release_body

LISTS = "/v1/communes/00004/borrower-lists"
SIGNATORY = "Chủ tịch UBND phường Lê Văn Ký"


def registered(registry: httpx.Client, **changes: object) -> str:
    answer = registry.post("/v1/releases", json=release_body(**changes), headers=officer_headers())
    assert answer.status_code == 201, answer.text
    person_id: str = answer.json()["person_id"]
    return person_id


def people(registry: httpx.Client) -> dict[str, str]:
    """One person on each side of each rule, by what they show."""
    found = {"eligible": registered(registry, full_name="Phạm Thị Lan"),
             "excluded": registered(registry, full_name="Đỗ Văn Loại"),
             "reoffended": registered(registry, full_name="Vũ Văn Tái"),
             "on_probation": registered(registry, full_name="Lý Văn Thử", release_type="conditional_early_release",
                                        supervision_end="2027-06-30"),
             "too_long_ago": registered(registry, full_name="Hồ Văn Cũ", release_date="2021-06-01",
                                        notified_on="2021-05-28"),
             "elsewhere": registered(registry, full_name="Mai Văn Xa", commune_code="00070")}
    reoffence = registry.post(f"/v1/people/{found['reoffended']}/reoffences", headers=officer_headers(), json={
        "committed_on": "2026-05-01", "offence_articles": [173], "status": "arrest_pending_trial"})
    assert reoffence.status_code == 200, reoffence.text
    return found


def test_a_list_is_drawn_exported_certified_once_and_told_to_the_bank_without_names(
        registry: httpx.Client, kafka_bootstrap_servers: str, registry_log) -> None:
    who = people(registry)
    drawn = registry.post(LISTS, json={"excluded_person_ids": [who["excluded"]]}, headers=officer_headers())
    assert drawn.status_code == 201, drawn.text
    listing = drawn.json()
    assert listing["drawn_on"] == vietnam_today().isoformat() and listing["certification"] is None
    assert [(row["person_id"], row["full_name"]) for row in listing["rows"]] == [(who["eligible"], "Phạm Thị Lan")]
    list_id = listing["list_id"]

    sheet = registry.get(f"{LISTS}/{list_id}.csv", headers=officer_headers())
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    assert rows == [["STT", "Họ và tên", "Năm sinh", "Nơi cư trú", "Diện", "Ngày chấp hành xong án / đặc xá"],
                    ["1", "Phạm Thị Lan", "1990", "Tổ 5, Phường Ba Đình, Thành phố Hà Nội",
                     "Chấp hành xong án phạt tù", "15/01/2026"]]
    workbook = load_workbook(io.BytesIO(registry.get(f"{LISTS}/{list_id}.xlsx", headers=officer_headers()).content))
    assert [list(row) for row in workbook.active.iter_rows(values_only=True)] == [
        rows[0], [1, "Phạm Thị Lan", 1990, *rows[1][3:]]]
    page = registry.get(f"{LISTS}/{list_id}.html", headers=officer_headers()).text
    assert "Phạm Thị Lan" in page and "CÔNG AN XÃ" in page and "UBND XÃ XÁC NHẬN" in page and "15/01/2026" in page

    today = vietnam_today().isoformat()
    certified = registry.post(f"{LISTS}/{list_id}/certification", headers=officer_headers(),
                              json={"certified_on": today, "certified_by": SIGNATORY})
    assert certified.status_code == 200, certified.text
    assert certified.json()["certification"] == {"certified_on": today, "certified_by": SIGNATORY,
                                                 "recorded_by": "officer-1"}
    assert listing["drawn_by"] == "officer-1"
    again = registry.post(f"{LISTS}/{list_id}/certification", headers=officer_headers(),
                          json={"certified_on": today, "certified_by": SIGNATORY})
    assert again.status_code == 409, again.text
    assert SIGNATORY in registry.get(f"{LISTS}/{list_id}.html", headers=officer_headers()).text

    records = [record for record in asyncio.run(read_topic(kafka_bootstrap_servers, REGISTRY_TOPIC, expected=8))
               if dict(record.headers)["ce_type"] == b"hoanhap.registry.CommuneListingCertified"]
    every_list = [from_kafka_message(record.key, record.value, record.headers).data for record in records]
    events = [event for event in every_list if event.list_id == uuid.UUID(list_id)]  # other tests certify lists too
    assert events == [CommuneListingCertified(person_id=uuid.UUID(who["eligible"]), list_id=uuid.UUID(list_id),
                                              province_code="01", commune_code="00004",
                                              certified_on=vietnam_today())]
    wire = b"".join(record.value + b"".join(value for _, value in record.headers) for record in records)
    log = registry_log.read_bytes()
    for secret in ("Phạm Thị Lan", SIGNATORY):
        assert secret.encode() not in wire and secret.encode() not in log


def test_another_communes_officer_is_refused_and_a_list_of_another_commune_is_not_found(
        registry: httpx.Client) -> None:
    list_id = registry.post(LISTS, headers=officer_headers()).json()["list_id"]

    outsider = registry.get(f"{LISTS}/{list_id}", headers=officer_headers(communes=("00070",)))
    elsewhere = registry.get(f"/v1/communes/00070/borrower-lists/{list_id}", headers=officer_headers())

    assert (outsider.status_code, elsewhere.status_code) == (403, 404)


def test_a_certification_before_the_drawing_or_in_the_future_is_refused_naming_the_field(
        registry: httpx.Client) -> None:
    list_id = registry.post(LISTS, headers=officer_headers()).json()["list_id"]

    for day in ("2020-01-01", "2999-01-01"):
        refused = registry.post(f"{LISTS}/{list_id}/certification", headers=officer_headers(),
                                json={"certified_on": day, "certified_by": SIGNATORY})
        assert refused.status_code == 422 and "certified_on" in refused.text, refused.text


def test_a_drawing_retried_with_its_idempotency_key_answers_the_same_list_with_its_names(
        registry: httpx.Client) -> None:
    person_id = registered(registry, full_name="Trịnh Thị Lại")
    headers = {**officer_headers(), "Idempotency-Key": f"draw-{uuid.uuid4()}"}

    first, retried = (registry.post(LISTS, json={}, headers=headers) for _ in range(2))

    assert (first.status_code, retried.status_code) == (201, 201)
    assert retried.headers.get("idempotent-replay") == "true"
    assert retried.json() == first.json() and person_id in {row["person_id"] for row in first.json()["rows"]}


def test_a_person_erased_after_the_drawing_keeps_a_row_without_a_name_and_is_not_told_to_the_bank(
        registry: httpx.Client) -> None:
    person_id = registered(registry, full_name="Kiều Văn Xoá")
    list_id = registry.post(LISTS, headers=officer_headers()).json()["list_id"]
    erasure = registry.post(f"/v1/people/{person_id}/erasure", json={"erased_on": vietnam_today().isoformat()},
                            headers=officer_headers(role=Role.SUPERVISOR))
    assert erasure.status_code == 200, erasure.text

    rows = registry.get(f"{LISTS}/{list_id}", headers=officer_headers()).json()["rows"]
    certified = registry.post(f"{LISTS}/{list_id}/certification", headers=officer_headers(),
                              json={"certified_on": vietnam_today().isoformat(), "certified_by": SIGNATORY})

    assert [row["full_name"] for row in rows if row["person_id"] == person_id] == [None]
    assert certified.status_code == 200 and certified.json()["listed"] == len(rows) - 1
    assert "Kiều Văn Xoá" not in registry.get(f"{LISTS}/{list_id}.html", headers=officer_headers()).text
