"""`hoanhap-<service> verify | checkpoint | public-key`: audit a service's event store from the command line.

Reads DATABASE_URL, DATABASE_SCHEMA and the AUDIT_* variables (``audit.settings``); nothing else of the service,
so an auditor needs no other secret of it. Exit codes: 0 intact (or done), 1 tampered with, 2 cannot check.
"""

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TextIO

import asyncpg

from hoanhap.eventstore.audit.keys import public_key, public_key_text
from hoanhap.eventstore.audit.outside import checkpoints_kept_in
from hoanhap.eventstore.audit.periodic import checkpoint_now
from hoanhap.eventstore.audit.report import report_json, report_lines
from hoanhap.eventstore.audit.settings import AuditSettings
from hoanhap.eventstore.audit.trust import CheckpointsToCheck
from hoanhap.eventstore.errors import ChainBroken
from hoanhap.eventstore.postgres.verifying import verify_every_stream
from hoanhap.observability import configure_logging
from hoanhap.postgres.pool import create_pool
from hoanhap.service.runner import load_settings

COMMANDS = ("verify", "checkpoint", "public-key")
INTACT, TAMPERED, CANNOT_CHECK = 0, 1, 2


def main(store: str, argv: list[str]) -> int:
    """Run one audit command (argv starts with its name) on the store's own database; return the exit code."""
    args = parser(store).parse_args(argv)
    settings = load_settings(store, AuditSettings)
    configure_logging(store, settings.log_level)
    try:
        return asyncio.run(run_command(store, args, settings, sys.stdout))
    except ValueError as error:
        print(f"{store} {args.command}: {error}", file=sys.stderr)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        print(f"{store} {args.command}: cannot read the event store or a file ({error!r})", file=sys.stderr)
    return CANNOT_CHECK  # never TAMPERED: an error is not a finding


async def run_command(store: str, args: argparse.Namespace, settings: AuditSettings, out: TextIO) -> int:
    """The command args name, its answer written to out; ValueError when it cannot be run as given."""
    if args.command == "public-key":
        return _print_public_key(settings, out)
    pool = await create_pool(settings.database_url, max_size=1, schema=settings.database_schema)
    try:
        if args.command == "verify":
            return await _verify(pool, store, args, settings, out)
        return await _checkpoint(pool, store, settings, out)
    except (asyncpg.UndefinedTableError, asyncpg.UndefinedColumnError, asyncpg.UndefinedFunctionError) as error:
        raise ValueError(f"the event store's tables are missing or not upgraded ({error}); start the service "
                         "once, which installs and upgrades them") from None
    finally:
        await pool.close()


def parser(store: str) -> argparse.ArgumentParser:
    """The commands and their options."""
    parser = argparse.ArgumentParser(prog=f"hoanhap-{store}", description=f"Audit the {store} event store.")
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser("verify", help="check every stream's chain, the global chain and every checkpoint")
    verify.add_argument("--json", action="store_true", help="answer in JSON")
    verify.add_argument("--public-key", help="base64 public key checkpoints are signed with (else AUDIT_PUBLIC_KEY)")
    verify.add_argument("--checkpoints", type=Path,
                        help="the auditor's copies of the checkpoints, one JSON line each (else AUDIT_CHECKPOINT_FILE)")
    commands.add_parser("checkpoint", help="sign a checkpoint of the store now (needs AUDIT_SIGNING_KEY)")
    commands.add_parser("public-key", help="print the public key of AUDIT_SIGNING_KEY, for the auditor to keep")
    return parser


async def _verify(pool: asyncpg.Pool, store: str, args: argparse.Namespace, settings: AuditSettings,
                  out: TextIO) -> int:
    key = public_key(args.public_key) if args.public_key else settings.verifying_key
    copies = args.checkpoints or settings.audit_checkpoint_file
    if args.checkpoints and not args.checkpoints.exists():
        raise ValueError(f"the file of checkpoints {args.checkpoints} does not exist")
    outside = checkpoints_kept_in(copies, store) if copies and copies.exists() else []
    async with pool.acquire() as connection:
        verdict = await verify_every_stream(connection, CheckpointsToCheck(store, outside, key))
    if args.json:
        print(json.dumps(report_json(store, verdict, key is not None), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(report_lines(store, verdict, key is not None)), file=out)
    return INTACT if verdict.ok else TAMPERED


async def _checkpoint(pool: asyncpg.Pool, store: str, settings: AuditSettings, out: TextIO) -> int:
    key = settings.signing_key
    if key is None:
        raise ValueError("AUDIT_SIGNING_KEY is not set: checkpoints are signed with it")
    try:
        checkpoint = await checkpoint_now(pool, store, key, settings)
    except ChainBroken as broken:
        print(str(broken), file=out)
        return TAMPERED
    print(checkpoint.line() if checkpoint else "nothing appended since the last checkpoint: none taken", file=out)
    return INTACT


def _print_public_key(settings: AuditSettings, out: TextIO) -> int:
    key = settings.signing_key
    if key is None:
        raise ValueError("AUDIT_SIGNING_KEY is not set")
    print(public_key_text(key), file=out)
    return INTACT
