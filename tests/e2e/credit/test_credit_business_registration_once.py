"""Through HTTP: a business is registered once per registration number, so its loans are counted under one id (the
same-purpose debt rule); a business with no number may be registered again (it fails the legal-establishment rule
anyway)."""

import asyncio

import httpx
import pytest

from tests.support.credit import bank_headers, business_body

OFFICER = bank_headers()
FAR_OFFICER = bank_headers(communes=("26506",), province="79")
AT_ONCE = 8


@pytest.fixture(scope="module")
def bank(credit: str):
    with httpx.Client(base_url=credit, timeout=30, headers=OFFICER) as client:
        yield client


def test_a_business_registered_again_under_its_number_written_otherwise_is_the_same_business(
        bank: httpx.Client) -> None:
    body = business_body()
    first = bank.post("/v1/businesses", json=body)
    assert first.status_code == 201
    number = body["registration"].lower().replace("-", " ")
    again = bank.post("/v1/businesses", json={**body, "registration": f" {number} ", "name": "HTX Phú Vinh"})
    assert (again.status_code, again.json()) == (200, {**first.json(), "updated": False})


def test_a_business_with_no_registration_number_may_be_registered_again(bank: httpx.Client) -> None:
    body = business_body(registration=None, kind="household_business")
    answers = [bank.post("/v1/businesses", json=body) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [201, 201]
    assert answers[0].json()["business_id"] != answers[1].json()["business_id"]


def test_a_registration_number_held_by_a_business_of_another_commune_is_refused_to_staff_elsewhere(
        bank: httpx.Client) -> None:
    body = business_body()
    assert bank.post("/v1/businesses", json=body).status_code == 201
    far = bank.post("/v1/businesses", json={**body, "province_code": "79", "commune_code": "26506"},
                    headers=FAR_OFFICER)
    assert far.status_code == 409
    assert "business_id" not in far.text


async def test_the_same_business_registered_at_once_is_registered_once(credit: str) -> None:
    body = business_body()
    async with httpx.AsyncClient(base_url=credit, headers=OFFICER, timeout=60) as client:
        answers = await asyncio.gather(*(client.post("/v1/businesses", json=body) for _ in range(AT_ONCE)))
    assert sorted(answer.status_code for answer in answers) == [200] * (AT_ONCE - 1) + [201]
    assert len({answer.json()["business_id"] for answer in answers}) == 1
