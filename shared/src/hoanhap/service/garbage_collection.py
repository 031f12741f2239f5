"""Garbage collection for long-running services.

CPython's collector now and then walks every object the process holds. A service holds a great many that live
as long as it does (modules, pydantic models, the official list of places), so those walks become pauses that
every request or batch in flight waits out. Measured on the registry (2 shared cores, one worker): freezing what
start-up built raised the rate 32 clients got from 586-633 to 665-701 requests/s and cut the p99 at a steady
500 a second from 106-131 ms to 33-49 ms. Reference cycles made later are still collected as usual.

A consumer batch of thousands of events also allocates hundreds of thousands of short-lived objects; for stats'
consumers, collecting the youngest generation less often halved the time spent decoding during a replay.
"""

import gc

YOUNGEST_GENERATION_ALLOCATIONS = 50_000
OLDER_GENERATION_SWEEPS = 20


def freeze_start_up_objects() -> None:
    """Call once start-up is done: what exists now is never walked by the collector again."""
    gc.freeze()


def collect_less_often() -> None:
    """For processes that allocate in bulk (consumers): collect after many more allocations."""
    gc.set_threshold(YOUNGEST_GENERATION_ALLOCATIONS, OLDER_GENERATION_SWEEPS, OLDER_GENERATION_SWEEPS)
