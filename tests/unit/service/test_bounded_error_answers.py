"""A 422 lists the first problems, each quoting at most an excerpt of what was sent, and counts the rest: a body
with hundreds of thousands of unknown keys, or one huge value, gets a small answer that still names the field."""

import json

from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict

from hoanhap.auth.policy import PUBLIC, AccessPolicy
from hoanhap.excerpts import EXCERPT_CHARACTERS
from hoanhap.service.app import create_service_app
from hoanhap.service.error_answers import HIDDEN, MAX_LISTED_PROBLEMS, bounded
from hoanhap.service.request_limits import JSON_BODY_BYTES
from hoanhap.service.settings import ServiceSettings


class Notice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    village: str
    months: int


def client() -> TestClient:
    app = create_service_app("test", ServiceSettings(), AccessPolicy("test", {"POST /v1/notices": PUBLIC}))

    @app.post("/v1/notices")
    async def notices(notice: Notice) -> dict[str, str]:
        return {"village": notice.village}

    return TestClient(app)


def test_a_body_with_many_unknown_keys_gets_the_first_problems_and_the_count_of_the_rest():
    keys = 60_000
    body = json.dumps({"village": "Tổ 5", "months": 3, **{f"k{number}": 0 for number in range(keys)}}).encode()
    assert len(body) < JSON_BODY_BYTES

    answer = client().post("/v1/notices", content=body, headers={"Content-Type": "application/json"})

    assert answer.status_code == 422
    assert len(answer.content) < 10_000
    assert len(answer.json()["detail"]) == MAX_LISTED_PROBLEMS
    assert answer.json()["errors_not_listed"] == keys - MAX_LISTED_PROBLEMS
    assert answer.json()["detail"][0]["loc"] == ["body", "k0"]


def test_a_huge_value_is_refused_naming_its_field_without_quoting_it():
    answer = client().post("/v1/notices", json={"village": "Tổ 5", "months": "9" * 900_000})

    assert answer.status_code == 422 and len(answer.content) < 2_000
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "months"] and "input" not in problem
    assert "9999" not in answer.text
    assert "errors_not_listed" not in answer.json()


def test_a_huge_key_is_cut_in_the_location_too():
    answer = client().post("/v1/notices", json={"village": "Tổ 5", "months": 3, "k" * 500_000: 1})

    assert answer.status_code == 422 and len(answer.content) < 2_000
    assert answer.json()["detail"][0]["loc"][1].startswith("k" * EXCERPT_CHARACTERS)


def test_a_message_quoting_the_value_sent_or_a_part_of_it_has_it_hidden():
    sent = "Nguyễn Văn Bình, 001090000123"
    problem = {"type": "value_error", "loc": ("body", "birth_date"), "input": f"  {sent}  ",
               "msg": f"Value error, not a day: {sent}, nor '{sent[:12]}'", "ctx": {"error": f"not {sent!r}"}}

    answer = bounded(problem)

    assert answer == {"type": "value_error", "loc": ["body", "birth_date"],
                      "msg": f"Value error, not a day: {HIDDEN}, nor '{HIDDEN}'", "ctx": {"error": f"not '{HIDDEN}'"}}


def test_a_check_spanning_fields_has_every_field_sent_hidden_from_its_message():
    problem = {"type": "value_error", "loc": ("body", "commune_code"), "msg": "Nguyễn Văn Bình lives in 00004",
               "input": {"full_name": "Nguyễn Văn Bình", "commune_code": "00004", "ids": ["001090000123"]}}

    assert bounded(problem)["msg"] == f"{HIDDEN} lives in {HIDDEN}"


def test_a_quoted_choice_the_value_sent_only_contains_is_left_in_the_message():
    problem = {"type": "enum", "loc": ("body", "kind"), "msg": "Input should be 'counselling' or 'job'",
               "input": "career counselling"}

    assert bounded(problem)["msg"] == "Input should be 'counselling' or 'job'"


def test_a_short_value_is_left_in_a_message_that_mentions_it_by_chance():
    problem = {"type": "too_short", "loc": ("body", "months"), "msg": "at least 2 months", "input": "2"}

    assert bounded(problem)["msg"] == "at least 2 months"
