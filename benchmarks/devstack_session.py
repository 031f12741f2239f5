"""A benchmark's own Kafka and PostgreSQL: the devstack's ``bench`` instance, started fresh and stopped after."""

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

from hoanhap_devstack.databases import create_database
from hoanhap_devstack.stack import Endpoints, stack_for


@contextmanager
def bench_stack() -> Iterator[Endpoints]:
    """Fresh servers for one benchmark run."""
    stack = stack_for("bench", fresh=True)
    try:
        yield stack.start()
    finally:
        stack.stop()


def fresh_database(endpoints: Endpoints, name: str) -> str:
    """Create a database for one measurement and return its URL."""
    return asyncio.run(create_database(endpoints, name))
