"""A message's correlation and causation ids are bound for the lines written while handling it, then the ids
bound before are back."""

import structlog

from hoanhap.observability import bind_message_context, current_causation_id, current_correlation_id
from hoanhap.observability.correlation import bind_request_context, valid_correlation_id


def test_nothing_is_bound_outside_a_request_or_message():
    assert current_correlation_id() is None and current_causation_id() is None


def test_message_ids_are_bound_inside_and_the_request_ids_restored_after():
    with bind_request_context("request-1"):
        with bind_message_context("message-1", "event-0", event_id="event-1", event_type="LoanApproved",
                                  topic="credit", offset=42):
            assert current_correlation_id() == "message-1" and current_causation_id() == "event-0"
            assert structlog.contextvars.get_contextvars() == {
                "correlation_id": "message-1", "causation_id": "event-0", "event_id": "event-1",
                "event_type": "LoanApproved", "topic": "credit", "offset": 42}
        assert structlog.contextvars.get_contextvars() == {"correlation_id": "request-1"}
    assert current_correlation_id() is None


def test_ids_not_given_are_left_unbound():
    with bind_message_context("message-1"):
        assert structlog.contextvars.get_contextvars() == {"correlation_id": "message-1"}


def test_message_lines_carry_its_ids(json_lines):
    with bind_message_context("message-1", "event-0", event_type="ReleaseRegistered"):
        structlog.get_logger().info("projected")

    [line] = json_lines()
    assert (line["correlation_id"], line["causation_id"], line["event_type"]) == (
        "message-1", "event-0", "ReleaseRegistered")


def test_only_uuids_are_accepted_as_correlation_ids_and_written_canonically():
    assert valid_correlation_id(b"0E5B1C36-8C1A-4E7E-9F39-3C8D1B5A4F21") == "0e5b1c36-8c1a-4e7e-9f39-3c8d1b5a4f21"
    assert valid_correlation_id("079090001234") is None and valid_correlation_id("") is None
