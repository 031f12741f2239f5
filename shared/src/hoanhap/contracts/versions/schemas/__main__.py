"""`python -m hoanhap.contracts.versions.schemas [--check] [--dir DIR] [--allow-breaking]`: (re)write the schemas.

Rewriting refuses a breaking change to a published version: give the event a new version instead.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hoanhap.contracts.versions.document_folders import SCHEMAS_DIR
from hoanhap.contracts.versions.generated import stale_files, write_files
from hoanhap.contracts.versions.known_events import EVENT_CATALOGUE
from hoanhap.contracts.versions.schemas import REGENERATE_COMMAND, breaking_rewrites, expected_schema_files


def main(argv: Sequence[str] | None = None) -> int:
    """Check or rewrite the committed schemas; 0 when they are (now) current, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m hoanhap.contracts.versions.schemas", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report stale files; exit 1 if any")
    parser.add_argument("--dir", type=Path, default=SCHEMAS_DIR, help="folder of the committed schemas")
    parser.add_argument("--allow-breaking", action="store_true", help="rewrite despite breaking changes")
    args = parser.parse_args(argv)
    expected = expected_schema_files(EVENT_CATALOGUE)
    if args.check:
        return report_stale(stale_files(expected, args.dir), args.dir)
    if (breaking := breaking_rewrites(expected, args.dir)) and not args.allow_breaking:
        print("refusing to rewrite published schema versions with breaking changes:", file=sys.stderr)
        print("\n".join(f"  {change}" for change in breaking), file=sys.stderr)
        print("add a new schema version of the event and an upcaster instead", file=sys.stderr)
        return 1
    written = write_files(expected, args.dir)
    print(f"{len(written)} schema file(s) written to {args.dir}" if written else "schemas are current")
    return 0


def report_stale(problems: list[str], folder: Path) -> int:
    """Print what is stale and how to fix it; the exit status."""
    if not problems:
        return 0
    print(f"JSON Schemas in {folder} are stale:", file=sys.stderr)
    print("\n".join(f"  {problem}" for problem in problems), file=sys.stderr)
    print(f"run `{REGENERATE_COMMAND}` and commit the result", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
