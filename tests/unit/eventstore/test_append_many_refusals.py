"""A stream-version clash among several appends is reported against the stream PostgreSQL names."""

import asyncpg

from hoanhap.eventstore import StreamAppend
from hoanhap.eventstore.postgres.refusals import stream_named_in

APPENDS = [StreamAppend("person-a", 0, []), StreamAppend("case-b, 7", 3, []), StreamAppend("person-c", 1, [])]


def clash(detail: str) -> asyncpg.UniqueViolationError:
    violation = asyncpg.UniqueViolationError("duplicate key value violates unique constraint")
    violation.detail = detail
    return violation


def test_the_clash_names_the_stream_even_with_a_comma_in_its_id():
    detail = "Key (stream_id, stream_version)=(case-b, 7, 4) already exists."
    assert stream_named_in(clash(detail), APPENDS) == ("case-b, 7", 3)


def test_a_clash_naming_no_appended_stream_falls_back_to_the_first_append():
    assert stream_named_in(clash("Key (stream_id, stream_version)=(other, 1) already exists."), APPENDS) == (
        "person-a", 0)
    assert stream_named_in(clash(""), APPENDS) == ("person-a", 0)
