"""`python -m hoanhap.relay.held_cli`: list the events a relay holds back, retry a held stream after a fix, or set
a bad event aside so the rest of its stream is published. The running relay carries out a retry or a release
within a second or so."""

import argparse
import asyncio
import sys

import asyncpg

from hoanhap.relay import held


def main(argv: list[str] | None = None) -> int:
    """Run one operator action; exit 0, or 1 when there was nothing held at that position."""
    args = _parser().parse_args(argv)
    return asyncio.run(_run(args))


async def _run(args: argparse.Namespace) -> int:
    connection = await asyncpg.connect(args.database_url)
    try:
        if args.action == "list":
            for event in await held.unsettled(connection, args.relay):
                print(f"{event.position}\t{event.stream_id}\t{event.event_type}\t{event.reason}")
            return 0
        if args.action == "retry":
            count = await held.request_retry(connection, args.relay, args.position)
        else:
            count = await held.set_aside(connection, args.relay, args.position, args.by)
        print(f"{count} held event(s) released for publication" if count else f"nothing held at {args.position}")
        return 0 if count else 1
    finally:
        await connection.close()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hoanhap.relay.held_cli", description=__doc__)
    actions = parser.add_subparsers(dest="action", required=True)
    for action, text in (("list", "the events held, oldest first: position, stream, type, reason"),
                         ("retry", "publish the held events of this event's stream (after a fix)"),
                         ("set-aside", "never publish this event; publish the rest of its stream")):
        command = actions.add_parser(action, help=text)
        command.add_argument("--database-url", required=True, help="the service's own database")
        command.add_argument("--relay", required=True, help="the relay's name: its service's (registry, ...)")
        if action != "list":
            command.add_argument("--position", type=int, required=True, help="the held event's position")
        if action == "set-aside":
            command.add_argument("--by", required=True, help="who sets it aside, for the record")
    return parser


if __name__ == "__main__":
    sys.exit(main())
