"""Since when a tracked consumer has been waiting out a transient failure, so readiness can report it."""

import time
from dataclasses import dataclass

RETRY_GRACE_SECONDS = 30.0
"""How long a consumer may wait out a transient failure before readiness reports it: longer than a database restart
or a broker's leader election usually takes, short enough that a real outage shows within a minute."""


@dataclass
class Waiting:
    """The start of the current wait (monotonic seconds) and its cause, or None while the consumer goes on."""

    since: float | None = None
    cause: str | None = None

    def begin(self, cause: str) -> None:
        """Note another failed try; the wait started at the first one."""
        if self.since is None:
            self.since = time.monotonic()
        self.cause = cause

    def end(self) -> None:
        """The batch went through: no longer waiting."""
        self.since, self.cause = None, None

    def beyond(self, grace: float) -> str | None:
        """"retrying for N s: cause" once the wait has lasted longer than grace, else None."""
        if self.since is None or (waited := time.monotonic() - self.since) <= grace:
            return None
        return f"retrying for {waited:.0f} s: {self.cause}"
