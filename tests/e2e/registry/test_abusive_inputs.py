"""The abusive inputs a probe used to stall or blow up the services, sent to the registry (and the oversized
requests to each of the four services): a 7.7 MB body of 700,000 keys, a 200 MB upload (with and without its
length), a 50 MB body with no token, an 8 MB header, workbooks unpacking to hundreds of MB, a million-row CSV and a
burst of concurrent uploads. Each answer is under 1 MB, every service stays ready, and the registry's process tree
stays under its memory budget (deploy/README.md, "Memory budget")."""

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from hoanhap_devstack.databases import create_database
from tests.support.hostile_files import csv_of_short_rows, xlsx_repeating_one_cell, xlsx_with_unused_shared_string
from tests.support.process_memory import PeakMemory, process_listening_on, tree_rss
from tests.support.raw_http import chunked, head, pieces, raw_request, status_of
from tests.support.services import officer_headers, running_service

REGISTRY_BUDGET_BYTES = 1536 * 1024 * 1024  # deploy/README.md, "Memory budget"
ANSWER_BYTES = 1024 * 1024
MB = 1024 * 1024
SERVICES = ("registry", "stats", "supervision", "credit")
# What the server's kernel may take into its receive buffer after the service stopped reading, plus a piece in flight
UNREAD = int(Path("/proc/sys/net/ipv4/tcp_rmem").read_text().split()[2]) + 2 * MB


@pytest.fixture(scope="module")
def services(endpoints, kafka_bootstrap_servers, tmp_path_factory) -> Iterator[dict[str, str]]:
    """The four services running, each on its own database: their base URLs."""
    logs = tmp_path_factory.mktemp("abuse")
    urls: dict[str, str] = {}
    contexts = []
    try:
        for service in SERVICES:
            database = asyncio.run(create_database(endpoints, f"abuse_{service}_{uuid.uuid4().hex[:6]}"))
            extra = {"consumer_group": f"abuse-{uuid.uuid4().hex[:6]}"} if service == "stats" else {}
            contexts.append(running_service(service, database, kafka_bootstrap_servers, logs / f"{service}.log",
                                            **extra))
            urls[service] = contexts[-1].__enter__()
        yield urls
    finally:
        for context in reversed(contexts):
            context.__exit__(None, None, None)


def test_abusive_inputs_get_small_answers_and_leave_every_service_ready_within_the_memory_budget(services):
    registry_url = services["registry"]
    with PeakMemory(process_listening_on(registry_url)) as memory, \
            httpx.Client(base_url=registry_url, timeout=60, headers=officer_headers()) as registry:
        at_rest = memory.peak
        answers = oversized_requests(registry_url)
        assert {name: status_of(answer) for name, answer in answers.items()} == {
            "700k keys": 413, "700k keys, no length": 413, "200 MB upload": 413, "200 MB upload, no length": 413,
            "50 MB, no token": 413, "8 MB header": 431}
        assert all(len(answer) < ANSWER_BYTES for answer in answers.values())

        unused = registry.post("/v1/imports", params={"filename": "a.xlsx"},
                               content=xlsx_with_unused_shared_string(300 * MB))
        assert unused.status_code == 422 and "sharedStrings.xml" in unused.text and len(unused.content) < ANSWER_BYTES
        million = registry.post("/v1/imports", params={"filename": "a.csv"}, content=csv_of_short_rows(1_000_000))
        assert million.status_code == 422 and "100,000" in million.text and len(million.content) < ANSWER_BYTES
        burst_of_huge_cells(registry)
        for service, url in services.items():
            assert oversized_to_any_service(url) == {"50 MB, no token": 413, "8 MB header": 431}, service

        for service, url in services.items():
            assert httpx.get(f"{url}/health/ready", timeout=10).status_code == 200, service
    print(f"registry RSS: {at_rest / MB:.0f} MB at rest, {memory.peak / MB:.0f} MB at most under abuse; others: "
          + ", ".join(f"{name} {tree_rss(process_listening_on(url)) / MB:.0f} MB" for name, url in services.items()))
    assert memory.peak < REGISTRY_BUDGET_BYTES


def oversized_requests(url: str) -> dict[str, bytes]:
    """Send the oversized requests, checking the service stopped reading each early; what it answered to each."""
    officer, answers = officer_headers(), {}
    many_keys = json.dumps({f"k{number}": 0 for number in range(700_000)}).encode()
    assert len(many_keys) > 7 * MB
    json_body = {**officer, "Content-Type": "application/json"}
    answers["700k keys"], _ = raw_request(url, head("POST", "/v1/releases", {
        **json_body, "Content-Length": str(len(many_keys))}), pieces(len(many_keys), many_keys[:MB]))
    answers["700k keys, no length"], _ = raw_request(url, head("POST", "/v1/releases", {
        **json_body, "Transfer-Encoding": "chunked"}), chunked(len(many_keys)))
    answers["200 MB upload"], taken = raw_request(url, head("POST", "/v1/imports?filename=a.xlsx", {
        **officer, "Content-Length": str(200 * MB)}), pieces(200 * MB))
    assert taken < UNREAD
    answers["200 MB upload, no length"], taken = raw_request(url, head("POST", "/v1/imports?filename=a.xlsx", {
        **officer, "Transfer-Encoding": "chunked"}), chunked(200 * MB))
    assert taken < 20 * MB + UNREAD
    answers["50 MB, no token"], taken = raw_request(url, head("POST", "/v1/releases", {
        "Content-Type": "application/json", "Content-Length": str(50 * MB)}), pieces(50 * MB))
    assert taken < UNREAD
    answers["8 MB header"], _ = raw_request(url, b"GET /health/ready HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ",
                                            pieces(8 * MB, b"a" * MB))
    return answers


def oversized_to_any_service(url: str) -> dict[str, int | None]:
    """A 50 MB body without a token and an 8 MB header, which no service reads: what each was answered."""
    body, taken = raw_request(url, head("POST", "/v1/anything", {"Content-Length": str(50 * MB)}), pieces(50 * MB))
    assert taken < UNREAD and len(body) < ANSWER_BYTES
    header, _ = raw_request(url, b"GET /health/live HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ",
                            pieces(8 * MB, b"a" * MB))
    assert len(header) < ANSWER_BYTES
    return {"50 MB, no token": status_of(body), "8 MB header": status_of(header)}


def burst_of_huge_cells(registry: httpx.Client) -> None:
    """Six concurrent uploads of a small workbook repeating a 20 MB cell: those past the cap are refused with 503
    and Retry-After, the others fail at the cell with a small report."""
    repeated = xlsx_repeating_one_cell(20 * MB, rows=1_000)
    with ThreadPoolExecutor(6) as pool:
        burst = list(pool.map(lambda _: httpx.post(f"{registry.base_url}/v1/imports", params={"filename": "r.xlsx"},
                                                   content=repeated, headers=registry.headers, timeout=60), range(6)))
    assert {answer.status_code for answer in burst} <= {202, 503}, [answer.text for answer in burst]
    assert [answer.headers["Retry-After"] for answer in burst if answer.status_code == 503]
    for started in (answer for answer in burst if answer.status_code == 202):
        report = finished(registry, started.headers["Location"])
        assert report.json()["status"] == "failed" and "20,971,520 characters" in report.json()["failure"]
        assert len(report.content) < ANSWER_BYTES


def finished(registry: httpx.Client, location: str) -> httpx.Response:
    """The import's answer once it is no longer running."""
    for _ in range(300):
        report = registry.get(location)
        if report.json()["status"] != "running":
            return report
        time.sleep(0.2)
    raise AssertionError(f"import still running: {report.text[:300]}")
