"""`python -m hoanhap.contracts.wire.asyncapi [--check] [--dir DIR]`: (re)write each service's AsyncAPI document."""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hoanhap.contracts.versions.document_folders import ASYNCAPI_DIR
from hoanhap.contracts.versions.generated import stale_files, write_files
from hoanhap.contracts.versions.known_events import EVENT_CATALOGUE
from hoanhap.contracts.wire.asyncapi import REGENERATE_COMMAND, expected_asyncapi_files


def main(argv: Sequence[str] | None = None) -> int:
    """Check or rewrite the committed AsyncAPI documents; 0 when they are (now) current, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m hoanhap.contracts.wire.asyncapi", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report stale files; exit 1 if any")
    parser.add_argument("--dir", type=Path, default=ASYNCAPI_DIR, help="folder of the committed documents")
    args = parser.parse_args(argv)
    expected = expected_asyncapi_files(EVENT_CATALOGUE)
    if not args.check:
        written = write_files(expected, args.dir)
        print(f"{len(written)} AsyncAPI document(s) written to {args.dir}" if written else "documents are current")
        return 0
    if problems := stale_files(expected, args.dir):
        print(f"AsyncAPI documents in {args.dir} are stale:", file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in problems), file=sys.stderr)
        print(f"run `{REGENERATE_COMMAND}` and commit the result", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
