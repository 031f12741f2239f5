"""The transient failures a consumer waits out are a closed list; everything else is the message's own."""

import errno

import asyncpg
import pytest
from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError, MessageSizeTooLargeError, RequestTimedOutError
from asyncpg.exceptions import _base as asyncpg_base

from hoanhap.consumers.failures import described, is_transient


def raised_while_handling(error: Exception, cause: Exception) -> Exception:
    """error as Python leaves it when raised in an except block handling cause."""
    try:
        try:
            raise cause
        except Exception:  # noqa: BLE001
            raise error  # noqa: B904
    except Exception as raised:  # noqa: BLE001
        return raised


LOST_CONNECTION = asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation")
WAITED_OUT = [
    LOST_CONNECTION,
    raised_while_handling(asyncpg.InterfaceError("cannot call Transaction.__aexit__(): the underlying connection is "
                                                 "closed"), LOST_CONNECTION),
    asyncpg.CannotConnectNowError("the database system is starting up"),
    asyncpg.AdminShutdownError("terminating connection due to administrator command"),
    asyncpg.TooManyConnectionsError("sorry, too many clients already"),
    asyncpg.SerializationError("could not serialize access"),
    asyncpg.DeadlockDetectedError("deadlock detected"),
    TimeoutError(),
    ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed"),
    OSError(errno.EHOSTUNREACH, "No route to host"),
    OSError("Multiple exceptions: [Errno 111] Connect call failed ('::1', 5432), [Errno 99] Cannot assign"),
    KafkaConnectionError("no broker"),
    KafkaTimeoutError(),
    RequestTimedOutError(),
]
THE_MESSAGES_OWN = [
    asyncpg.DataError("invalid input for query argument $9: [9223372036854775808] (value out of int64 range)"),
    asyncpg_base.DataError("invalid input for query argument $1"),  # asyncpg's InterfaceError kind of DataError
    asyncpg.InterfaceError("cannot perform operation: another operation is in progress"),
    asyncpg.NumericValueOutOfRangeError("integer out of range"),
    asyncpg.UniqueViolationError("duplicate key value violates unique constraint"),
    asyncpg.QueryCanceledError("canceling statement due to statement timeout"),
    RecursionError("maximum recursion depth exceeded"),
    ValueError("commune 00004 is missing from the places table"),
    FileNotFoundError(errno.ENOENT, "No such file"),
    OSError("something else"),
    MessageSizeTooLargeError(),
]


@pytest.mark.parametrize("error", WAITED_OUT, ids=lambda error: type(error).__name__)
def test_a_lost_busy_or_unreachable_database_or_broker_is_waited_out(error):
    assert is_transient(error)


@pytest.mark.parametrize("error", THE_MESSAGES_OWN, ids=lambda error: type(error).__name__)
def test_any_other_failure_is_the_messages_own_even_asyncpg_interface_errors(error):
    assert not is_transient(error)


def test_an_error_described_for_a_letter_or_a_log_is_bounded():
    quoting_a_whole_batch = asyncpg.DataError(f"invalid input for query argument $9: {list(range(100_000))}")
    description = described(quoting_a_whole_batch)
    assert description.startswith("DataError: invalid input for query argument $9: [0, 1, 2")
    assert len(description) < 600
