"""Logs are JSON lines with service, level and a UTC timestamp when stderr is not a terminal, readable lines when
it is; standard-library and FastStream loggers come out the same way; configuring twice never doubles a line."""

import io
import json
import logging
import sys
from datetime import UTC, datetime

import structlog

from hoanhap.observability import broker_logger, configure_logging


def test_lines_are_json_with_service_level_and_utc_timestamp_when_stderr_is_not_a_terminal(capsys, restore_logging):
    configure_logging("credit")
    structlog.get_logger("loans").info("loan approved", loan_id="L-1")

    line = json.loads(capsys.readouterr().err)
    assert line["event"] == "loan approved" and line["loan_id"] == "L-1"
    assert line["service"] == "credit" and line["level"] == "info" and line["logger"] == "loans"
    assert datetime.fromisoformat(line["timestamp"]).utcoffset() == UTC.utcoffset(None)


def test_lines_are_readable_text_when_stderr_is_a_terminal(monkeypatch, restore_logging):
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", terminal)
    configure_logging("credit")
    structlog.get_logger("loans").info("loan approved")

    text = terminal.getvalue()
    assert "loan approved" in text and not text.lstrip().startswith("{")


def test_standard_library_lines_carry_service_and_bound_context(json_lines):
    with structlog.contextvars.bound_contextvars(correlation_id="c-1"):
        logging.getLogger("uvicorn.error").warning("worker restarted")

    [line] = json_lines()
    assert line["event"] == "worker restarted" and line["service"] == "registry"
    assert line["level"] == "warning" and line["correlation_id"] == "c-1" and "timestamp" in line


def test_faststream_lines_are_json_too(json_lines):
    import faststream  # noqa: F401 - its import attaches its own handler, which configure_logging must undo

    configure_logging("registry", as_json=True)
    logging.getLogger("faststream").info("broker started")
    broker_logger().info("message received")

    assert [line["event"] for line in json_lines()] == ["broker started", "message received"]


def test_configuring_twice_writes_each_line_once(json_lines):
    configure_logging("registry", as_json=True)
    structlog.get_logger().info("once")

    assert [line["event"] for line in json_lines()] == ["once"]


def test_lines_below_the_level_are_dropped(capsys, restore_logging):
    configure_logging("stats", level="WARNING", as_json=True)
    structlog.get_logger().info("routine")
    logging.getLogger("aiokafka").info("routine too")
    structlog.get_logger().warning("unusual")

    assert [json.loads(line)["event"] for line in capsys.readouterr().err.splitlines()] == ["unusual"]


def test_exceptions_are_rendered_inside_the_json_line(json_lines):
    try:
        raise RuntimeError("broker unreachable")
    except RuntimeError:
        structlog.get_logger().exception("relay batch failed")

    [line] = json_lines()
    assert "RuntimeError: broker unreachable" in line["exception"]


def test_uvicorn_access_lines_are_left_to_the_request_middleware(json_lines):
    access = logging.getLogger("uvicorn.access")
    access.info('127.0.0.1:5000 - "POST /v1/releases HTTP/1.1" 201')
    assert json_lines() == [] and not access.propagate
