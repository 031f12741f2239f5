"""The streams of what belongs to a place: `model-<uuid>` for a local model, `outreach-<uuid>` for an outreach
report (a person's case stream is their bare id, so the two never meet)."""

import uuid

MODEL_PREFIX = "model-"
OUTREACH_PREFIX = "outreach-"


def model_stream(model_id: uuid.UUID) -> str:
    """The stream of a local model."""
    return f"{MODEL_PREFIX}{model_id}"


def outreach_stream(outreach_id: uuid.UUID) -> str:
    """The stream of an outreach report."""
    return f"{OUTREACH_PREFIX}{outreach_id}"


def is_community_stream(stream_id: str) -> bool:
    """True for a model's or an outreach report's stream."""
    return stream_id.startswith((MODEL_PREFIX, OUTREACH_PREFIX))


def id_of_stream(stream_id: str) -> uuid.UUID:
    """The model's or report's id its stream is named by."""
    return uuid.UUID(stream_id.split("-", 1)[1])
