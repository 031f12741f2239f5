"""`python -m hoanhap.consumers replay-dead-letters`: apply a consumer's dead letters after the cause was fixed.

A service passes its own handler (``main(argv, handler=...)``); on its own, ``--handler module:function`` names it.
"""

import argparse
import asyncio
import importlib
import sys

from hoanhap.consumers.consumer import Handler, TrackedConsumer
from hoanhap.consumers.replay import replay_dead_letters
from hoanhap.postgres.pool import create_pool
from hoanhap.relay import idempotent_producer


def main(argv: list[str] | None = None, handler: Handler | None = None) -> int:
    """Replay every dead letter of the named consumer once and print how many were applied."""
    args = _parser(handler is None).parse_args(argv)
    replayed = asyncio.run(_replay(args, handler or _import_handler(args.handler)))
    print(f"replayed {replayed} dead letters of {args.consumer}")
    return 0


async def _replay(args: argparse.Namespace, handler: Handler) -> int:
    pool = await create_pool(args.database_url, max_size=4)
    producer = idempotent_producer(args.bootstrap_servers)
    await producer.start()
    try:
        consumer = TrackedConsumer(args.consumer, [], handler, pool, producer)
        return await replay_dead_letters(consumer, args.bootstrap_servers)
    finally:
        await producer.stop()
        await pool.close()


def _import_handler(path: str) -> Handler:
    module, _, name = path.partition(":")
    handler: Handler = getattr(importlib.import_module(module), name)
    return handler


def _parser(needs_handler: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="consumers", description=__doc__)
    commands = parser.add_subparsers(required=True)
    replay = commands.add_parser("replay-dead-letters", help="apply the consumer's dead letters once each")
    replay.add_argument("--database-url", required=True, help="the consuming service's own database")
    replay.add_argument("--bootstrap-servers", required=True, help="Kafka bootstrap servers")
    replay.add_argument("--consumer", required=True, help="the tracked consumer's name (its group id)")
    if needs_handler:
        replay.add_argument("--handler", required=True, help="module:function applying a batch of envelopes")
    return parser


if __name__ == "__main__":
    sys.exit(main())
