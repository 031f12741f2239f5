"""Which failures a tracked consumer waits out and which belong to the message.

Transient failures are a closed list: the database or the broker away or overloaded for a while. The consumer
retries them for as long as they last, skipping nothing. Every other failure is the message's own (a value its
column cannot hold, a handler bug, anything not foreseen): bounded tries, then the dead-letter topic, so no single
message can hold a partition forever.
"""

import errno
import socket

import asyncpg
from aiokafka.errors import KafkaError, KafkaTimeoutError

from hoanhap.excerpts import excerpt

MAX_DESCRIPTION = 500

TRANSIENT_DATABASE_ERRORS = (
    asyncpg.PostgresConnectionError,  # 08xxx: connection lost, refused or failed
    asyncpg.AdminShutdownError,  # 57P01: the server is stopping and ended the session
    asyncpg.CrashShutdownError,  # 57P02: the server restarts after a crash
    asyncpg.CannotConnectNowError,  # 57P03: the server is starting up or shutting down
    asyncpg.TooManyConnectionsError,  # 53300: every connection slot taken, for now
    asyncpg.SerializationError,  # 40001 and 40P01: concurrent transactions, e.g. a rebuild's processes adding to
    asyncpg.DeadlockDetectedError,  # the same commune totals; trying again succeeds
)
TRANSIENT_NETWORK_ERRORS = (
    TimeoutError,  # asyncio.timeout, a pool's acquire, a socket (asyncio.TimeoutError is this since 3.11)
    ConnectionError,  # refused, reset, aborted, broken pipe
    socket.gaierror,  # the host name does not resolve, for now
    KafkaTimeoutError,  # the dead-letter topic's broker did not answer in time
)
NETWORK_ERRNOS = frozenset({errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE, errno.ETIMEDOUT,
                            errno.EHOSTUNREACH, errno.EHOSTDOWN, errno.ENETUNREACH, errno.ENETDOWN})


def is_transient(error: BaseException) -> bool:
    """True when error, or one it was raised while handling, is on the transient list: asyncpg reports a connection
    lost mid-transaction as an InterfaceError ("the underlying connection is closed") raised while handling
    ConnectionDoesNotExistError."""
    return transient_cause(error) is not None


def transient_cause(error: BaseException) -> BaseException | None:
    """The first error of the chain (error, its cause or context, theirs...) that is transient in itself."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if transient_in_itself(current):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def transient_in_itself(error: BaseException) -> bool:
    """On the closed list, without looking at what it was raised while handling."""
    if isinstance(error, TRANSIENT_DATABASE_ERRORS + TRANSIENT_NETWORK_ERRORS):
        return True
    if isinstance(error, KafkaError):
        return bool(error.retriable)  # aiokafka's own list: no leader yet, broker not reachable, request timed out
    return isinstance(error, OSError) and network_os_error(error)


def network_os_error(error: OSError) -> bool:
    """An OSError of the network: by its errno, or asyncio's bare OSError when connecting to every address of a
    host failed in different ways ("Multiple exceptions: ..."), which carries no errno."""
    if error.errno in NETWORK_ERRNOS:
        return True
    return type(error) is OSError and error.errno is None and str(error).startswith("Multiple exceptions")


def described(error: BaseException) -> str:
    """The error's type and text, bounded: a batch's error may quote every value of a 5,000-row statement."""
    return excerpt(f"{type(error).__name__}: {error}", MAX_DESCRIPTION)
