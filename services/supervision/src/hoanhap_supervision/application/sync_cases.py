"""The cases a sync batch writes to, held in memory while its operations are judged in order (each sees the
effects of those before it), and appended together at the end: one append per case, whatever the batch holds."""

import uuid
from dataclasses import dataclass, field

from hoanhap.eventstore import EventMetadata, StreamAppend
from hoanhap_supervision.application.case_writes import case_append
from hoanhap_supervision.application.storage import StateProjection
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.state import SupervisionCase, evolve


@dataclass
class CaseInBatch:
    """A case as the batch leaves it so far: its state, the version it was loaded at, the events the batch adds
    and the person's key (None once erased)."""

    case: SupervisionCase
    key: bytes | None
    loaded_version: int = 0
    events: list[ev.SupervisionFact] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.loaded_version = self.case.version

    def apply(self, events: list[ev.SupervisionFact]) -> None:
        """The events decided for one operation, applied to the case."""
        for event in events:
            self.case = evolve(self.case, event)
        self.events.extend(events)


def batch_appends(cases: dict[uuid.UUID, CaseInBatch], projection: StateProjection,
                  metadata: EventMetadata) -> list[StreamAppend]:
    """One append for each case the batch changed, with its new state alongside."""
    return [case_append(projection, work.case, work.loaded_version, work.events, metadata)
            for work in cases.values() if work.events]
