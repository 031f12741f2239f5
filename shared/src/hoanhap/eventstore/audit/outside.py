"""Copies of checkpoints outside the database: a log line and, when set, a line appended to a file, which an
auditor keeps (or ships) where an intruder in the database cannot reach them."""

import os
from pathlib import Path

import structlog

from hoanhap.eventstore.audit.checkpoint import Checkpoint, checkpoint_of_line

log = structlog.get_logger(__name__)


def keep_outside(checkpoint: Checkpoint, file: Path | None) -> None:
    """Log the signed checkpoint and append it to file, flushed to disk."""
    log.info("event store checkpoint signed", store=checkpoint.store, position=checkpoint.position,
             checkpoint=checkpoint.line())
    if file is None:
        return
    with file.open("a", encoding="utf-8") as copies:
        copies.write(checkpoint.line() + "\n")
        copies.flush()
        os.fsync(copies.fileno())


def checkpoints_kept_in(file: Path, store: str) -> list[Checkpoint]:
    """The checkpoints of store a file of copies holds; ValueError names the first line that is not one."""
    kept = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoint = checkpoint_of_line(line)
        except ValueError as error:
            raise ValueError(f"{file}, line {number}, {error}") from None
        if checkpoint.store != store:
            raise ValueError(f"{file}, line {number}, is a checkpoint of {checkpoint.store!r}, not of {store!r}")
        kept.append(checkpoint)
    return kept
