"""Running totals per figure and commune, kept by the projections, so no figure is ever recounted.

A projection turns a batch of events into deltas, in event order; ``apply_deltas`` adds each commune's net
change to its total in one statement, works back to the totals before the batch, and walks the deltas to give
each change its new value (one feed message per change).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection
from hoanhap_stats.projecting.feed import FigureChange, record_changes
from hoanhap_stats.projecting.lag import record_lag

FigureKey = tuple[str, str, str]
"""(figure, province code, commune code)"""


@dataclass(frozen=True, slots=True)
class Delta:
    """A figure of one commune moved by amount (negative: down)."""

    figure: str
    province_code: str
    commune_code: str
    amount: int

    @property
    def key(self) -> FigureKey:
        return self.figure, self.province_code, self.commune_code


async def apply_deltas(connection: Connection, envelopes: Sequence[c.Envelope], deltas: Sequence[Delta],
                       replaying: bool) -> None:
    """The last step of projecting a batch (inside its transaction): move the totals, put each change with its new
    value on the feed, and note the projection lag.

    A replay into a fresh schema only moves the totals: the live feed is carried over at the switch, so changes
    a replay put on the fresh one would be thrown away, and the lag is the live consumers' to report."""
    if not replaying:
        record_lag(envelopes)
    moving = [delta for delta in deltas if delta.amount]
    if not moving:
        return
    net: dict[FigureKey, int] = {}
    for delta in moving:
        net[delta.key] = net.get(delta.key, 0) + delta.amount
    after = await add_to_totals(connection, net)
    if not replaying:
        await record_changes(connection, changes_of(moving, net, after))


def changes_of(moving: list[Delta], net: dict[FigureKey, int], after: dict[FigureKey, int]) -> list[FigureChange]:
    """Each delta as the change it made, with the value it left: walked forward from the totals before the batch."""
    totals = {key: value - net[key] for key, value in after.items()}
    changes = []
    for delta in moving:
        totals[delta.key] += delta.amount
        changes.append(FigureChange(delta.figure, delta.province_code, delta.commune_code, totals[delta.key]))
    return changes


async def add_to_totals(connection: Connection, net: dict[FigureKey, int]) -> dict[FigureKey, int]:
    """Add each key's net change to its stored total in one statement; return the totals after it.

    Adding (rather than writing back what was read) and locking the rows in key order keeps totals right even
    when several stats instances share a consumer group and project different partitions at once: a second
    batch touching the same commune waits for the first to commit, and no two wait for each other.
    """
    keys = sorted(net)
    rows = await connection.fetch(
        "INSERT INTO commune_totals AS t (figure, province_code, commune_code, value) "
        "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) "
        "ON CONFLICT (figure, province_code, commune_code) DO UPDATE SET value = t.value + EXCLUDED.value "
        "RETURNING figure, province_code, commune_code, value",
        [key[0] for key in keys], [key[1] for key in keys], [key[2] for key in keys], [net[key] for key in keys])
    return {(row["figure"], row["province_code"], row["commune_code"]): row["value"] for row in rows}
