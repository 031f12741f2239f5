"""Which checkpoints a whole-store verification holds the store to: those in the database and the copies kept
outside it, each signed by the store's key; a copy missing from the database is itself a finding."""

from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hoanhap.eventstore.audit.checkpoint import Checkpoint
from hoanhap.eventstore.verification import CheckpointDefect, CheckpointProblem


@dataclass(frozen=True, slots=True)
class CheckpointsToCheck:
    """The copies of the store's checkpoints kept outside its database, and the public key every checkpoint's
    signature is checked with (None: signatures are not checked)."""

    store: str
    outside: Sequence[Checkpoint] = ()
    key: Ed25519PublicKey | None = None


@dataclass(frozen=True, slots=True)
class CheckedCheckpoints:
    """The checkpoints the store must extend, and those found forged or missing from the database."""

    anchors: tuple[Checkpoint, ...] = ()
    problems: tuple[CheckpointProblem, ...] = ()
    checked: int = 0


def checked_checkpoints(kept: Sequence[Checkpoint], to_check: CheckpointsToCheck) -> CheckedCheckpoints:
    """Every distinct checkpoint, kept or outside: forged ones are problems, the others anchors."""
    in_database = set(kept)
    every = list(dict.fromkeys([*kept, *to_check.outside]))
    problems = [_not_in_database(checkpoint) for checkpoint in every if checkpoint not in in_database]
    forged = [checkpoint for checkpoint in every if to_check.key and not checkpoint.is_signed_by(to_check.key)]
    problems += [_forged(checkpoint) for checkpoint in forged]
    anchors = tuple(checkpoint for checkpoint in every if checkpoint not in forged)
    return CheckedCheckpoints(anchors, tuple(problems), len(every))


def _not_in_database(checkpoint: Checkpoint) -> CheckpointProblem:
    return CheckpointProblem(checkpoint.position, checkpoint.taken_at, CheckpointDefect.NOT_IN_DATABASE,
                             f"the checkpoint of {checkpoint.taken_at.isoformat()} at position {checkpoint.position} "
                             "was kept outside the database but is not in it: it was deleted or changed there")


def _forged(checkpoint: Checkpoint) -> CheckpointProblem:
    return CheckpointProblem(checkpoint.position, checkpoint.taken_at, CheckpointDefect.BAD_SIGNATURE,
                             f"the checkpoint of {checkpoint.taken_at.isoformat()} at position {checkpoint.position} "
                             "is not signed by the store's key: it was forged or changed, and is not relied on")
