"""The live feeds' clients in one process: a cap on how many, each change rendered once for all, and a bounded
backlog per client, so a slow client is dropped (to resume with Last-Event-ID) instead of holding memory."""

import asyncio
from datetime import UTC, datetime

import pytest

from hoanhap.auth import Jurisdiction
from hoanhap_stats.live import api as live
from hoanhap_stats.live.clients import BACKLOG, FeedClients, change_of

HANOI = Jurisdiction(province="01")
ONE_COMMUNE = Jurisdiction(province="01", communes=("00004",))


def change(id_: int, province: str = "01", commune: str = "00004"):
    return change_of({"id": id_, "figure": "people_managed", "province_code": province, "commune_code": commune,
                      "value": 7, "recorded_at": datetime(2026, 12, 4, tzinfo=UTC)})


def test_clients_past_the_limit_are_refused_until_one_leaves():
    clients = FeedClients(limit=2)
    first, second = clients.admit(), clients.admit()

    assert first is not None and second is not None
    assert clients.admit() is None
    first.close()
    assert clients.admit() is not None and len(clients) == 2


async def test_a_change_goes_once_rendered_to_each_follower_of_its_places_only():
    clients = FeedClients(limit=10)
    province, commune, elsewhere, public = (clients.admit() for _ in range(4))
    province.follow(HANOI)
    commune.follow(ONE_COMMUNE)
    elsewhere.follow(Jurisdiction(province="79"))

    clients.publish(change(5))
    clients.publish(change(6, commune="00008"))

    firsts = [await province.next_change(0), await commune.next_change(0)]
    assert firsts[0] is firsts[1], "rendered once, shared"
    assert firsts[0].message.startswith("id: 5\nevent: change\ndata: ")
    assert (await province.next_change(0)).id == 6
    assert await commune.next_change(0) is None, "not the commune's"
    assert await elsewhere.next_change(0) is None and await public.next_change(0) is None
    assert clients.head == 6, "the public feed's notices read the head"


async def test_a_client_that_falls_a_backlog_behind_is_dropped_and_holds_no_changes():
    clients = FeedClients(limit=10)
    slow, keeping_up = clients.admit(), clients.admit()
    slow.follow(HANOI)
    keeping_up.follow(HANOI)

    for id_ in range(1, BACKLOG + 1):
        clients.publish(change(id_))
        assert (await keeping_up.next_change(0)).id == id_
    assert not slow.dropped, "a full backlog is still kept"
    clients.publish(change(BACKLOG + 1))

    assert slow.dropped
    assert await slow.next_change(0) is None, "its backlog was let go, not delivered"
    assert (await keeping_up.next_change(0)).id == BACKLOG + 1, "the others go on"


class StoredFeed:
    """The feed table as a client catching up reads it: the stored changes of its places, in id order; `on_read`
    runs at each read, as if the table grew meanwhile."""

    def __init__(self, ids: list[int], on_read=lambda: None) -> None:
        self.ids, self.on_read = ids, on_read

    async def own_changes(self, jurisdiction: Jurisdiction, after: int) -> list:
        self.on_read()
        return [change(id_) for id_ in self.ids if id_ > after]


async def test_the_jurisdiction_stream_goes_from_stored_to_new_changes_without_repeating_one():
    clients = FeedClients(limit=10)
    subscription = clients.admit()

    def third_stored_and_read_by_the_source_once_the_client_follows() -> None:
        if subscription.jurisdiction is not None and 3 not in feed.ids:
            feed.ids.append(3)
            clients.publish(change(3))

    feed = StoredFeed([1, 2], on_read=third_stored_and_read_by_the_source_once_the_client_follows)
    stream = live.changes(feed, subscription, HANOI, after=0)
    messages = [await anext(stream) for _ in range(3)]
    clients.publish(change(4))
    messages.append(await anext(stream))

    assert [message.split("\n")[0] for message in messages] == ["id: 1", "id: 2", "id: 3", "id: 4"]


async def test_the_jurisdiction_stream_of_a_dropped_client_ends_so_it_resumes_from_its_last_id():
    clients = FeedClients(limit=10)
    subscription = clients.admit()
    stream = live.changes(StoredFeed([]), subscription, HANOI, after=0)
    waiting = asyncio.ensure_future(anext(stream))
    await asyncio.sleep(0)  # the client follows the feed, then falls behind

    for id_ in range(1, BACKLOG + 2):
        clients.publish(change(id_))

    with pytest.raises(StopAsyncIteration):
        await waiting
