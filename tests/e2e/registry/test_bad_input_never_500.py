"""Thousands of generated bad requests: never a 5xx, and every refusal names the field and the reason."""

import json
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.services import release_body, supervisor_headers

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=5)
CASE_BODIES = {
    "residence-confirmation": {"confirmed_on": "2026-01-12"},
    "intake": {"commitment_on": "2026-01-16", "information_sheet_on": "2026-01-16"},
    "residence-changes": {"province_code": "01", "commune_code": "00070", "moved_on": "2026-03-01"},
    "reoffences": {"committed_on": "2026-05-01", "offence_articles": [173], "status": "arrest_pending_trial"},
    "closure": {"closed_on": "2027-01-15", "reason": "other", "note": "moved abroad"},
    "erasure": {"erased_on": "2027-01-15"},
}
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


@st.composite
def mutated(draw: st.DrawFn, valid: dict) -> dict:
    """The valid body with one field dropped, retyped or added."""
    body = dict(valid)
    field = draw(st.sampled_from([*body, "unexpected_field"]))
    if draw(st.booleans()) and field in body:
        del body[field]
    else:
        body[field] = draw(JSON_VALUES)
    return body


def assert_refusal_is_explained(answer) -> None:
    assert answer.status_code < 500, answer.text
    if answer.status_code < 400:
        return
    detail = answer.json()["detail"]
    if answer.status_code == 422:
        assert detail and all(item["loc"] and item["msg"] for item in detail), detail
    else:
        assert isinstance(detail, str) and detail, detail


def test_generated_release_bodies_get_no_5xx_and_named_fields(registry):
    headers = supervisor_headers()  # may call every endpoint, closure and erasure included

    @FUZZ
    @given(body=mutated(release_body()))
    def post(body):
        assert_refusal_is_explained(registry.post("/v1/releases", json=body, headers=headers))

    post()


def test_generated_case_changes_get_no_5xx_and_named_fields(registry):
    headers = supervisor_headers()  # may call every endpoint, closure and erasure included
    person = registry.post("/v1/releases", json=release_body(), headers=headers).json()["person_id"]

    @FUZZ
    @given(change=st.sampled_from(sorted(CASE_BODIES)).flatmap(lambda path: st.tuples(
        st.just(path), mutated(CASE_BODIES[path]))))
    def post(change):
        path, body = change
        assert_refusal_is_explained(registry.post(f"/v1/people/{person}/{path}", json=body, headers=headers))

    post()


def test_generated_raw_bodies_paths_and_queries_get_no_5xx(registry):
    headers = supervisor_headers()  # may call every endpoint, closure and erasure included

    @FUZZ
    @given(raw=st.binary(max_size=200), person=st.text(max_size=40), query=st.dictionaries(
        st.sampled_from(["status", "limit", "offset", "released_from", "release_type", "today", "as_of"]),
        st.text(max_size=20), max_size=3))
    def send(raw, person, query):
        safe_person = quote(person, safe="") or "x"
        assert_refusal_is_explained(registry.post("/v1/releases", content=raw,
                                                  headers={**headers, "Content-Type": "application/json"}))
        assert_refusal_is_explained(registry.get(f"/v1/people/{safe_person}", headers=headers))
        assert_refusal_is_explained(registry.get("/v1/communes/00004/people", params=query, headers=headers))
        assert_refusal_is_explained(registry.post("/v1/people/search", content=json.dumps({"citizen_id": person}),
                                                  headers={**headers, "Content-Type": "application/json"}))

    send()
