"""Public province tables are reused for a short while instead of being computed for every caller."""

import asyncio

from hoanhap_stats.figures import recent_tables
from hoanhap_stats.figures.recent_tables import RecentTables


def counting():
    computed: list[str] = []

    def compute(name: str):
        async def table() -> dict[str, int]:
            computed.append(name)
            return {"released": len(computed)}
        return table
    return computed, compute


def test_a_table_asked_again_within_the_period_is_not_computed_again():
    computed, compute = counting()
    recent = RecentTables(seconds=60)

    first = asyncio.run(recent.get("hanoi-2025", compute("hanoi-2025")))
    again = asyncio.run(recent.get("hanoi-2025", compute("hanoi-2025")))
    other = asyncio.run(recent.get("hue-2025", compute("hue-2025")))

    assert first == again == {"released": 1} and other == {"released": 2}
    assert computed == ["hanoi-2025", "hue-2025"]


def test_with_no_period_every_answer_is_computed_anew():
    computed, compute = counting()
    recent = RecentTables(seconds=0)
    for _ in range(3):
        asyncio.run(recent.get("hanoi-2025", compute("hanoi-2025")))
    assert len(computed) == 3


def test_no_more_tables_are_kept_than_the_limit(monkeypatch):
    monkeypatch.setattr(recent_tables, "MOST_KEPT", 10)
    computed, compute = counting()
    recent = RecentTables(seconds=60)
    for number in range(25):
        asyncio.run(recent.get(number, compute(str(number))))
    assert len(recent._kept) <= 10
    asyncio.run(recent.get(24, compute("24")))
    assert computed.count("24") == 1, "the newest is still kept"
