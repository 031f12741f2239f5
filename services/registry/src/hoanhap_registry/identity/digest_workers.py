"""The processes that compute identity digests, paced so that they never take more than a set share of the CPU.

A digest is scrypt: 0.13 s of a core and 32 MiB (docs/benchmarks.md), about a hundred times the CPU of the
registration it belongs to. Computed flat out beside the service, a burst of registrations left a backlog whose
digests took a core and the memory bandwidth from requests, PostgreSQL and Kafka for as long as it lasted: on 2
shared cores bench-registry fell from 690–787 to 406–526 requests/s and the p99 at a paced 500/s rose from 32–62
ms to 0.3–2.7 s, niced or not. So digests start at most `per_second` times a second (a loan application comes
days after a release, so the bank loses nothing by a queue measured in minutes), in processes of their own (no
shared GIL) at the lowest priority.
"""

import asyncio
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from hoanhap.contracts.digest import identity_digest

LOWEST_PRIORITY = 19


@dataclass(frozen=True)
class DigestPace:
    """How many worker processes compute digests, and how many digests may start a second in all."""

    processes: int
    per_second: float


class DigestWorkers:
    """Computes identity digests in worker processes, starting one at most every 1 / per_second seconds."""

    def __init__(self, pool: ProcessPoolExecutor, per_second: float) -> None:
        self.pool = pool
        self.interval = 1.0 / per_second
        self.next_start = 0.0
        self.starting = asyncio.Lock()

    async def digest(self, citizen_id: str, birth_date: date, key: bytes) -> str:
        """The identity digest, computed by a worker once the pace allows."""
        await self._wait_for_turn()
        return await asyncio.get_running_loop().run_in_executor(self.pool, identity_digest, citizen_id,
                                                                birth_date, key)

    async def _wait_for_turn(self) -> None:
        async with self.starting:
            now = asyncio.get_running_loop().time()
            if self.next_start > now:
                await asyncio.sleep(self.next_start - now)
            self.next_start = max(now, self.next_start) + self.interval


@contextmanager
def digest_workers(pace: DigestPace) -> Iterator[DigestWorkers]:
    """The pace's worker processes at the lowest priority; on exit, digests not yet started are dropped and the
    pool waits for those running (0.13 s each)."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(pace.processes, mp_context=context, initializer=os.nice,
                               initargs=(LOWEST_PRIORITY,))
    try:
        yield DigestWorkers(pool, pace.per_second)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
