"""The live feeds' clients in one process: a cap on how many, each change rendered once for all, and a bounded
backlog per client, so a slow client is dropped (to resume with Last-Event-ID) instead of holding memory."""

from datetime import UTC, datetime

from hoanhap.auth import Jurisdiction
from hoanhap_stats.feed_clients import BACKLOG, FeedClients, change_of

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
