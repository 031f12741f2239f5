"""What the community use cases write alongside their events (the adapters' tables, wired in by app.py)."""

from typing import Protocol

from hoanhap.eventstore import Alongside
from hoanhap_supervision.domain.community_events import OutreachReported
from hoanhap_supervision.domain.local_models import LocalModel


class CommunityTables(Protocol):
    """A model's current state and an outreach report's row, written with their events."""

    def model_alongside(self, model: LocalModel, version: int) -> Alongside:
        """Writing the model's state at this version."""

    def outreach_alongside(self, report: OutreachReported) -> Alongside:
        """Writing the report."""
