"""Province tables computed lately, reused while nothing new was projected: a public table over a closed year
costs a query per commune, and every public caller asks for the same few. A table is reused only for the same
projected state (the stored offsets every projected batch moves), so it is never older than the read models;
PUBLIC_TABLE_SECONDS bounds how long one is kept at all."""

import time
from collections.abc import Awaitable, Callable, Hashable
from typing import TypeVar

from hoanhap.postgres.connections import Connection

Counts = TypeVar("Counts")
MOST_KEPT = 1000
PROJECTED_STATE = "SELECT coalesce(sum(next_offset), 0), count(*), max(updated_at) FROM consumer_offsets"


async def projected_state(connection: Connection) -> Hashable:
    """What changes whenever stats projects a batch (or a rebuild starts): the stored offsets, summed."""
    return tuple(await connection.fetchrow(PROJECTED_STATE))


class RecentTables:
    """Answers of province tables by what was asked and the state they were computed at, each kept `seconds`;
    the oldest go when MOST_KEPT are kept."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._kept: dict[Hashable, tuple[float, object]] = {}

    async def get(self, asked: Hashable, compute: Callable[[], Awaitable[Counts]]) -> Counts:
        """The table kept for `asked` (which includes the projected state) if it is recent enough, else a new one."""
        now = time.monotonic()
        kept = self._kept.get(asked)
        if kept is not None and now - kept[0] < self.seconds:
            return kept[1]  # type: ignore[return-value]
        table = await compute()
        if len(self._kept) >= MOST_KEPT:
            self._kept = {key: value for key, value in self._kept.items() if now - value[0] < self.seconds}
            while len(self._kept) >= MOST_KEPT:
                del self._kept[next(iter(self._kept))]
        self._kept[asked] = (now, table)
        return table
