"""The live feeds' clients of one process, in memory: at most `limit` at a time, each change rendered once and handed to
every client whose places it concerns, each client's backlog bounded (one that falls further behind is dropped and
resumes with Last-Event-ID), so clients cost neither a database connection each nor memory without bound."""

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hoanhap.auth import Jurisdiction

BACKLOG = 1000  # changes a client may fall behind before it is dropped


@dataclass(frozen=True, slots=True)
class Change:
    """A feed row as its SSE message, rendered once for every client it goes to."""

    id: int
    province_code: str
    commune_code: str
    figure: str
    message: str


def change_of(row: Mapping) -> Change:
    """A feed row (id, recorded_at, figure, province_code, commune_code, value) as its SSE message."""
    data = {"figure": row["figure"], "province_code": row["province_code"], "commune_code": row["commune_code"],
            "value": row["value"], "recorded_at": row["recorded_at"].isoformat()}
    message = f"id: {row['id']}\nevent: change\ndata: {json.dumps(data)}\n\n"
    return Change(row["id"], row["province_code"], row["commune_code"], row["figure"], message)


def concerns(jurisdiction: Jurisdiction, change: Change) -> bool:
    """Whether the change is of the jurisdiction's province and, for a commune token, of one of its communes."""
    return change.province_code == jurisdiction.province and (
        not jurisdiction.communes or change.commune_code in jurisdiction.communes)


class Subscription:
    """One client's place among the feed's clients; once it follows a jurisdiction, its backlog of new changes."""

    def __init__(self, leave: Callable[["Subscription"], None]) -> None:
        self.jurisdiction: Jurisdiction | None = None
        self.dropped = False
        self._backlog: asyncio.Queue[Change | None] = asyncio.Queue(BACKLOG + 1)  # + 1 for the drop's None
        self._leave = leave

    def follow(self, jurisdiction: Jurisdiction) -> None:
        """From now on, queue every newly read change of the jurisdiction's places."""
        self.jurisdiction = jurisdiction

    def offer(self, change: Change) -> None:
        """Queue a change of the client's places; past the backlog, drop the client and free what it held."""
        if self.jurisdiction is None or self.dropped or not concerns(self.jurisdiction, change):
            return
        if self._backlog.qsize() < BACKLOG:
            self._backlog.put_nowait(change)
            return
        self.dropped = True
        while not self._backlog.empty():
            self._backlog.get_nowait()
        self._backlog.put_nowait(None)

    async def next_change(self, seconds: float) -> Change | None:
        """The next queued change; None if none came within `seconds`, or if the client was dropped."""
        if not self._backlog.empty():
            return self._backlog.get_nowait()
        try:
            return await asyncio.wait_for(self._backlog.get(), seconds)
        except TimeoutError:
            return None

    def close(self) -> None:
        """Give the client's place back."""
        self._leave(self)


class FeedClients:
    """Who follows the feeds in this process, how far the feed has been read (`head`), and the cap on clients."""

    def __init__(self, limit: int, head: int = 0) -> None:
        self.limit = limit
        self.head = head
        self._subscriptions: set[Subscription] = set()

    def admit(self) -> Subscription | None:
        """A place for one more client, or None when `limit` clients are already served."""
        if len(self._subscriptions) >= self.limit:
            return None
        subscription = Subscription(self._subscriptions.discard)
        self._subscriptions.add(subscription)
        return subscription

    def publish(self, change: Change) -> None:
        """Hand a newly read change to every client following it, and move the head past it."""
        for subscription in self._subscriptions:
            subscription.offer(change)
        self.head = max(self.head, change.id)

    def __len__(self) -> int:
        return len(self._subscriptions)
