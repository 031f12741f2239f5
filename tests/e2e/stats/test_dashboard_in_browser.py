"""The dashboard in real headless Chromium: a figure changes, without a reload, when the registry records a release;
withheld cells read as withheld, and the province's figure is the API's, not a sum that counts them as 0; a
dashboard turned away by a full feed goes live once there is room."""

import asyncio
import uuid
from pathlib import Path

import httpx

from hoanhap.vietnam_time import vietnam_today
from hoanhap_devstack.databases import create_database
from tests.support.browser import Browser
from tests.support.services import officer_headers, release_body, running_registry, running_service

REPO = Path(__file__).resolve().parents[3]
SCREENSHOT = REPO / "test-artifacts" / "dashboard.png"
PROVINCE, LARGE_COMMUNE, SMALL_COMMUNE = "46", "19768", "19777"  # only this test registers people in Huế
LAST_CLOSED_YEAR = vietnam_today().year - 1  # the public's default year
IN_CLOSED_YEAR = {"release_date": f"{LAST_CLOSED_YEAR}-03-01", "notified_on": f"{LAST_CLOSED_YEAR}-03-01",
           "province_code": PROVINCE}
POLICE = officer_headers(PROVINCE)


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
                            consumer_group=f"browser-{uuid.uuid4().hex[:6]}", public_feed_seconds="1") as stats_url:
        async with httpx.AsyncClient(base_url=registry_url, timeout=30) as registry, Browser() as browser:
            for _ in range(6):  # enough people in the commune that the public figure is not withheld
                await registry.post("/v1/releases", json=release_body(**IN_CLOSED_YEAR, commune_code=LARGE_COMMUNE),
                                    headers=POLICE)
            for _ in range(2):  # a small commune: withheld, and the large one with it, or the total would tell it
                await registry.post("/v1/releases", json=release_body(**IN_CLOSED_YEAR, commune_code=SMALL_COMMUNE),
                                    headers=POLICE)
            await browser.open(stats_url + f"/dashboard/#province={PROVINCE}")
            await browser.wait_for_text("live", lambda text: "trực tiếp" in text)
            await browser.wait_for_text("people-managed", lambda text: (digits(text) or 0) >= 8)
            before = await settled_figure(browser, "people-managed")
            small = await browser.text_of(f"people-{SMALL_COMMUNE}")
            large = await browser.text_of(f"people-{LARGE_COMMUNE}")
            reoffences = await browser.text_of("reoffences")
            legend = await browser.text_of("legend")

            await registry.post("/v1/releases", json=release_body(**IN_CLOSED_YEAR, commune_code=LARGE_COMMUNE),
                                headers=POLICE)
            after = digits(await browser.wait_for_text("people-managed", lambda text: digits(text) != before))

            await browser.screenshot(SCREENSHOT)
    assert before == 8, "the province card is the published total, withheld cells included, not a sum of 0s"
    assert after == before + 1
    assert "không công bố" in small and "không công bố" in large and digits(small) is None
    assert digits(reoffences) == 0, "a province total of 0 is shown as 0"
    assert "không công bố" in legend
    assert SCREENSHOT.stat().st_size > 10_000


async def test_a_dashboard_turned_away_by_a_full_feed_goes_live_once_there_is_room(endpoints, kafka_bootstrap_servers,
                                                                                    tmp_path):
    stats_db = await create_database(endpoints, f"browser_full_{uuid.uuid4().hex[:6]}")
    room = asyncio.Event()
    with running_service("stats", stats_db, kafka_bootstrap_servers, tmp_path / "stats.log",
                         consumer_group=f"browser-{uuid.uuid4().hex[:6]}", feed_clients_max="1") as stats_url:
        async with httpx.AsyncClient(base_url=stats_url, timeout=30) as stats, Browser() as browser:
            holder = asyncio.create_task(hold_the_feed(stats, room))
            await asyncio.sleep(1)  # the holder's place is taken before the dashboard asks
            await browser.open(stats_url + f"/dashboard/#province={PROVINCE}")
            await browser.wait_for_text("live", lambda text: "trực tiếp" in text)
            turned_away = not await is_live(browser, 5)
            room.set()
            await holder
            live_again = await is_live(browser, 60)
    assert turned_away and live_again


async def hold_the_feed(stats: httpx.AsyncClient, room: asyncio.Event) -> None:
    """Take the feed's one place and keep it until there must be room."""
    async with stats.stream("GET", "/v1/feed") as answer:
        assert answer.status_code == 200
        await room.wait()


async def is_live(browser: Browser, within: float) -> bool:
    """True as soon as the dashboard shows its live mark; False when it has not within `within` seconds."""
    deadline = asyncio.get_running_loop().time() + within
    while asyncio.get_running_loop().time() < deadline:
        result = await browser.call("Runtime.evaluate", returnByValue=True,
                                    expression="document.getElementById('live')?.classList.contains('on') ?? false")
        if result["result"].get("value"):
            return True
        await asyncio.sleep(0.2)
    return False
