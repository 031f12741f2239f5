"""A person's supervision case has an id derived from theirs, so an opening delivered twice opens one case; its
stream in the event store is named by the person id, so the relay knows whom each event is about."""

import uuid

CASE_NAMESPACE = uuid.UUID("6f1c5b1e-7a43-5d55-9a0e-2b1d8c3e5f10")


def case_id_of(person_id: uuid.UUID) -> uuid.UUID:
    """The id of the person's supervision case (uuid5 of theirs)."""
    return uuid.uuid5(CASE_NAMESPACE, str(person_id))


def stream_of(person_id: uuid.UUID) -> str:
    """The stream of the person's case in the event store."""
    return str(person_id)
