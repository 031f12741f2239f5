"""If-Match names the version a write applies to (the ETag a read returned, weak or strong); anything else is 422."""

from fastapi import FastAPI, Request

from hoanhap.write_path.versions import etag, expected_version
from tests.unit.write_path.kit_apps import client_of


def client():  # type: ignore[no-untyped-def]
    app = FastAPI()

    @app.post("/write")
    async def write(request: Request) -> dict[str, int | None]:
        return {"expected": expected_version(request)}

    return client_of(app)


def test_without_if_match_any_version_will_do():
    assert client().post("/write").json() == {"expected": None}


def test_the_etag_a_read_returned_names_its_version():
    assert client().post("/write", headers={"If-Match": etag(3)}).json() == {"expected": 3}
    assert client().post("/write", headers={"If-Match": 'W/"12"'}).json() == {"expected": 12}


def test_a_version_that_is_not_a_number_is_refused_at_the_header():
    answer = client().post("/write", headers={"If-Match": '"three"'})
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["header", "If-Match"]
