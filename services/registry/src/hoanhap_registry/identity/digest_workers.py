"""The processes that compute identity digests, at the lowest CPU priority.

A digest is scrypt: 0.13 s of a core and 32 MiB (docs/benchmarks.md). Computed in processes of their own, niced to
the bottom, a burst of registrations is digested with the CPU that requests, PostgreSQL and Kafka leave idle, and
never holds the service's event loop (no shared GIL, so no priority inversion).
"""

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

LOWEST_PRIORITY = 19


@contextmanager
def digest_workers(processes: int) -> Iterator[Executor]:
    """A pool of `processes` niced worker processes; on exit, digests not yet started are dropped and the pool
    waits for those running (0.13 s each)."""
    context = multiprocessing.get_context("spawn")
    workers = ProcessPoolExecutor(processes, mp_context=context, initializer=os.nice, initargs=(LOWEST_PRIORITY,))
    try:
        yield workers
    finally:
        workers.shutdown(wait=True, cancel_futures=True)
