"""When the registry last did work for someone: HTTP requests and import chunks. Background work (identity
digests) waits for a quiet moment, so it takes no CPU from the people waiting for an answer."""

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Activity:
    """Counts work in progress and remembers when the last piece ended (one process's view)."""

    def __init__(self) -> None:
        self.in_progress = 0
        self.last_ended = time.monotonic()

    @contextmanager
    def working(self) -> Iterator[None]:
        """Mark the block as work for someone."""
        self.in_progress += 1
        try:
            yield
        finally:
            self.in_progress -= 1
            self.last_ended = time.monotonic()

    def quiet_for(self) -> float:
        """Seconds since the last work ended; 0 while some is in progress."""
        return 0.0 if self.in_progress else time.monotonic() - self.last_ended
