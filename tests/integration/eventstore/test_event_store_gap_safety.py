"""Gap safety: a reader tailing read_all_after never skips an event that commits late, nor sees a rollback.

The danger: a position is handed out when a row is inserted, but the row becomes visible when its
transaction commits. Writer A takes position 1, writer B takes position 2 and commits first; a reader sees 2,
moves its cursor past it, and never sees 1 when A commits. The two control tests show this happening on a
plain table: once with a bare ``position > N`` reader, and once with the reader that also waits for
``tx_id < pg_snapshot_xmin(pg_current_snapshot())`` -- it is not enough when a transaction takes its id
before another yet takes its position after it, as one that writes an idempotency row first does.
The store serialises appends until commit instead (see hoanhap.eventstore.postgres.append_statement).
"""

import asyncio

from hoanhap.eventstore import PostgresEventStore
from hoanhap.eventstore.testing import new_stream_id, sample_events

PLAIN_LOG = ("CREATE TABLE plain_log (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
             "tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(), note text NOT NULL)")
NAIVE_READ = "SELECT position, note FROM plain_log WHERE position > $1 ORDER BY position"
XMIN_READ = ("SELECT position, note FROM plain_log WHERE position > $1 "
             "AND tx_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY position")


async def test_control_a_position_reader_on_a_plain_table_skips_a_late_commit(connect) -> None:
    early, late, reader = await connect(), await connect(), await connect()
    await reader.execute(PLAIN_LOG)
    early_transaction = early.transaction()
    await early_transaction.start()
    await early.execute("INSERT INTO plain_log (note) VALUES ('early')")  # position 1, not committed yet
    await late.execute("INSERT INTO plain_log (note) VALUES ('late')")  # position 2, committed
    first_read = await reader.fetch(NAIVE_READ, 0)
    await early_transaction.commit()
    second_read = await reader.fetch(NAIVE_READ, first_read[-1]["position"])

    assert [row["note"] for row in first_read] == ["late"]
    assert second_read == []  # 'early' is committed, and this reader will never see it
    assert await reader.fetchval("SELECT count(*) FROM plain_log") == 2


async def test_control_an_xmin_filter_with_a_position_cursor_also_skips_a_late_commit(connect) -> None:
    early, late, reader = await connect(), await connect(), await connect()
    await reader.execute(PLAIN_LOG)
    late_transaction = late.transaction()
    await late_transaction.start()
    await late.fetchval("SELECT pg_current_xact_id()")  # takes the lower transaction id, writes nothing yet
    early_transaction = early.transaction()
    await early_transaction.start()
    await early.execute("INSERT INTO plain_log (note) VALUES ('early')")  # position 1, higher transaction id
    await late.execute("INSERT INTO plain_log (note) VALUES ('late')")  # position 2
    await late_transaction.commit()
    first_read = await reader.fetch(XMIN_READ, 0)  # xmin is early's id; late's is below it
    await early_transaction.commit()
    second_read = await reader.fetch(XMIN_READ, first_read[-1]["position"])

    assert [row["note"] for row in first_read] == ["late"]
    assert second_read == []


async def test_an_open_append_holds_back_every_later_append_so_no_reader_can_pass_it(
        store: PostgresEventStore, connect) -> None:
    early_connection, late_connection = await connect(), await connect()
    late_transaction = late_connection.transaction()
    await late_transaction.start()
    await late_connection.fetchval("SELECT pg_current_xact_id()")  # the interleaving that beats an xmin filter
    early_transaction = early_connection.transaction()
    await early_transaction.start()
    [early] = await store.bound_to(early_connection).append(new_stream_id(), 0, sample_events(1))

    late_append = asyncio.create_task(store.bound_to(late_connection).append(new_stream_id(), 0, sample_events(1)))
    finished, _ = await asyncio.wait({late_append}, timeout=0.3)
    assert not finished, "a second append took a position while the first was still uncommitted"
    assert await store.read_all_after(0) == []

    await early_transaction.commit()
    [late] = await late_append
    assert [event.event_id for event in await store.read_all_after(0)] == [early.event_id]
    await late_transaction.commit()
    assert late.position > early.position
    assert [event.event_id for event in await store.read_all_after(0)] == [early.event_id, late.event_id]
