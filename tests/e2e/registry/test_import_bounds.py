"""An import's report is read a page of rows at a time, and a registry process runs at most two imports at once:
an upload past that is refused with 503 and Retry-After before its file is read."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.support.services import new_citizen_id, officer_headers
from tests.support.spreadsheets import GOOD_ROW, csv_file, table

UNREADABLE = csv_file([["Ghi chú"], ["x"]])


def finished_import(registry, location: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report = registry.get(location, headers=officer_headers(), params={"rows": "none"}).json()
        if report["status"] != "running":
            return report
        time.sleep(0.2)
    raise AssertionError(f"import still running after {timeout} s: {report}")


def test_an_imports_rows_are_listed_a_page_at_a_time_and_the_pages_together_are_every_row(registry):
    rows = [{**GOOD_ROW, "citizen_id": new_citizen_id()} for _ in range(5)]
    location = registry.post("/v1/imports", params={"filename": "a.csv"}, content=csv_file(table(rows)),
                             headers=officer_headers()).headers["Location"]
    finished_import(registry, location)

    pages, after_row = [], 0
    while after_row is not None:
        page = registry.get(location, params={"limit": 2, "after_row": after_row}, headers=officer_headers()).json()
        pages.append([row["row_number"] for row in page["rows"]])
        after_row = page["next_after_row"]

    assert pages == [[2, 3], [4, 5], [6]]
    assert registry.get(location, params={"limit": 101}, headers=officer_headers()).status_code == 422


def held_upload(base_url: str, arrived: threading.Semaphore, released: threading.Event) -> httpx.Response:
    """An upload whose file arrives only once `released` is set: it holds an import slot until then; `arrived` is
    released once its headers and first bytes are sent."""
    content = csv_file(table([{**GOOD_ROW, "citizen_id": new_citizen_id()}]))

    def slowly():
        yield content[:10]
        arrived.release()
        released.wait(60)
        yield content[10:]

    with httpx.Client(base_url=base_url, timeout=90) as client:
        return client.post("/v1/imports", params={"filename": "slow.csv"}, content=slowly(),
                           headers=officer_headers())


def first_refusal(registry) -> httpx.Response:
    """Upload a small file until one is refused for want of a slot (uploads still arriving hold theirs)."""
    for _ in range(20):
        answer = registry.post("/v1/imports", params={"filename": "n.csv"}, content=UNREADABLE,
                               headers=officer_headers())
        if answer.status_code == 503:
            return answer
        assert answer.status_code == 422, answer.text
        time.sleep(0.1)
    raise AssertionError("no upload was refused while two others were arriving")


def test_an_upload_past_two_running_imports_is_refused_with_503_and_retry_after_and_the_two_finish(registry):
    arrived, released = threading.Semaphore(0), threading.Event()
    with ThreadPoolExecutor(2) as pool:
        held = [pool.submit(held_upload, str(registry.base_url), arrived, released) for _ in range(2)]
        try:
            assert arrived.acquire(timeout=30) and arrived.acquire(timeout=30)
            refused = first_refusal(registry)
        finally:
            released.set()
        answers = [upload.result() for upload in held]

    assert refused.headers["Retry-After"] == "30" and "already running 2 imports" in refused.json()["detail"]
    assert [answer.status_code for answer in answers] == [202, 202]
    assert all(finished_import(registry, answer.headers["Location"])["status"] == "finished" for answer in answers)
    after = registry.post("/v1/imports", params={"filename": "n.csv"}, content=UNREADABLE, headers=officer_headers())
    assert after.status_code == 422, "the slots were given back"
