"""The dashboard in real headless Chromium: a figure changes, without a reload, when the registry records a release."""

import asyncio
import uuid
from pathlib import Path

import httpx

from hoanhap.devstack.databases import create_database
from tests.support.browser import Browser
from tests.support.services import officer_headers, release_body, running_registry, running_service

REPO = Path(__file__).resolve().parents[3]
SCREENSHOT = REPO / "test-artifacts" / "dashboard.png"


def digits(text: str) -> int | None:
    number = text.replace(".", "").strip()
    return int(number) if number.isdigit() else None


async def settled_figure(browser: Browser, element_id: str, quiet: float = 2.0) -> int | None:
    """The figure once it has not changed for `quiet` seconds (stats has caught up with the topic)."""
    value, since = digits(await browser.text_of(element_id)), asyncio.get_running_loop().time()
    while asyncio.get_running_loop().time() - since < quiet:
        await asyncio.sleep(0.2)
        now = digits(await browser.text_of(element_id))
        if now != value:
            value, since = now, asyncio.get_running_loop().time()
    return value


async def test_dashboard_figure_changes_live_when_a_release_is_registered(endpoints, kafka_bootstrap_servers,
                                                                          tmp_path):
    registry_db = await create_database(endpoints, f"browser_registry_{uuid.uuid4().hex[:6]}")
    stats_db = await create_database(endpoints, f"browser_stats_{uuid.uuid4().hex[:6]}")
    with running_registry(registry_db, kafka_bootstrap_servers, tmp_path / "registry.log") as registry_url, \
            running_service("stats", stats_db, kafka_bootstrap_servers, tmp_path / "stats.log",
                            consumer_group=f"browser-{uuid.uuid4().hex[:6]}") as stats_url:
        async with httpx.AsyncClient(base_url=registry_url, timeout=30) as registry, Browser() as browser:
            for _ in range(6):  # enough people in the commune that the public figure is not withheld
                await registry.post("/v1/releases", json=release_body(), headers=officer_headers())
            await browser.open(stats_url + "/dashboard/")
            await browser.wait_for_text("live", lambda text: "trực tiếp" in text)
            await browser.wait_for_text("people-managed", lambda text: (digits(text) or 0) >= 6)
            before = await settled_figure(browser, "people-managed")

            await registry.post("/v1/releases", json=release_body(), headers=officer_headers())
            after = digits(await browser.wait_for_text("people-managed", lambda text: digits(text) != before))

            await browser.screenshot(SCREENSHOT)
    assert before is not None and after == before + 1
    assert SCREENSHOT.stat().st_size > 10_000
