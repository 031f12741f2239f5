"""`python -m hoanhap.relay`: run one service's relay on its own, or republish everything with --from-start."""

import argparse
import asyncio
import importlib
import signal
import sys

from hoanhap.eventstore import DEFAULT_CHANNEL, PostgresEventStore
from hoanhap.postgres.pool import create_pool
from hoanhap.relay.relay import EventMapper, Relay, idempotent_producer
from hoanhap.relay.running import run_relay
from hoanhap.relay.schema import install_relay_schema


def main(argv: list[str] | None = None, mapper: EventMapper | None = None) -> int:
    """Run the relay until SIGINT or SIGTERM; a service passes its own mapper instead of --mapper."""
    args = _parser(mapper is None).parse_args(argv)
    asyncio.run(_run(args, mapper or _import_mapper(args.mapper)))
    return 0


async def _run(args: argparse.Namespace, mapper: EventMapper) -> None:
    pool = await create_pool(args.database_url, min_size=1, max_size=4)
    producer = idempotent_producer(args.bootstrap_servers)
    await producer.start()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    try:
        await install_relay_schema(pool)
        store = PostgresEventStore(pool, notify_channel=args.channel)
        relay = Relay(args.name, pool, store, producer, mapper, batch_size=args.batch_size)
        if args.from_start:
            await relay.reset()
        await run_relay(relay, args.database_url, args.channel, stop)
    finally:
        await producer.stop()
        await pool.close()


def _import_mapper(path: str) -> EventMapper:
    module, _, name = path.partition(":")
    mapper: EventMapper = getattr(importlib.import_module(module), name)
    return mapper


def _parser(needs_mapper: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relay", description=__doc__)
    parser.add_argument("--database-url", required=True, help="the service's own database")
    parser.add_argument("--bootstrap-servers", required=True, help="Kafka bootstrap servers")
    parser.add_argument("--name", required=True, help="relay name (its stored position's key)")
    parser.add_argument("--channel", default=DEFAULT_CHANNEL, help="NOTIFY channel of the event store")
    parser.add_argument("--batch-size", type=int, default=2000, help="events read and published per batch")
    parser.add_argument("--from-start", action="store_true", help="republish every event from the first")
    if needs_mapper:
        parser.add_argument("--mapper", required=True, help="module:function turning a stored event into a message")
    return parser


if __name__ == "__main__":
    sys.exit(main())
