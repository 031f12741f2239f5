"""The processes that compute identity digests, started only when the registry is quiet.

A digest is scrypt: 0.13 s of a core and 32 MiB (docs/benchmarks.md), about a hundred times the CPU of the
registration it belongs to. Computed flat out beside the service, a burst of registrations left a backlog whose
digests took a core and the memory bandwidth from requests, PostgreSQL and Kafka while it lasted: on 2 shared
cores bench-registry fell from 609–729 to 434–564 requests/s, niced or not (a niced process still gets its
session's share under autogroup scheduling), and paced to 2 digests a second it still cost a fifth. So a digest
starts only once no request or import chunk has been in progress for QUIET_SECONDS, and under unbroken load one
starts every LONGEST_WAIT_SECONDS anyway, so the queue always drains (a loan application comes days after a
release: the bank loses nothing by a queue measured in minutes).
"""

import asyncio
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date

from hoanhap.contracts.digest import identity_digest
from hoanhap_registry.identity.activity import Activity

LOWEST_PRIORITY = 19
QUIET_SECONDS = 0.5
LONGEST_WAIT_SECONDS = 10.0
POLL_SECONDS = 0.1


class DigestWorkers:
    """Computes identity digests in worker processes, each started at a quiet moment."""

    def __init__(self, pool: ProcessPoolExecutor, processes: int, activity: Activity) -> None:
        self.pool = pool
        self.processes = processes
        self.activity = activity
        self.last_start = 0.0
        self.starting = asyncio.Lock()

    async def start(self) -> None:
        """Start the worker processes now (each imports the service's modules, a second or two of CPU), not at
        the first digest, which may come in a busy moment."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self.pool, os.getpid) for _ in range(self.processes)))

    async def digest(self, citizen_id: str, birth_date: date, key: bytes) -> str:
        """The identity digest, computed by a worker once the registry is quiet."""
        await self._wait_for_quiet()
        return await asyncio.get_running_loop().run_in_executor(self.pool, identity_digest, citizen_id,
                                                                birth_date, key)

    async def _wait_for_quiet(self) -> None:
        loop = asyncio.get_running_loop()
        async with self.starting:
            while (self.activity.quiet_for() < QUIET_SECONDS
                   and loop.time() - self.last_start < LONGEST_WAIT_SECONDS):
                await asyncio.sleep(POLL_SECONDS)
            self.last_start = loop.time()


@contextmanager
def digest_workers(processes: int, activity: Activity) -> Iterator[DigestWorkers]:
    """`processes` worker processes at the lowest priority; on exit, digests not yet started are dropped and the
    pool waits for those running (0.13 s each)."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(processes, mp_context=context, initializer=os.nice, initargs=(LOWEST_PRIORITY,))
    try:
        yield DigestWorkers(pool, processes, activity)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
