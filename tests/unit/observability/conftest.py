"""Observability tests configure real logging to the captured stderr, and leave logging as they found it."""

import json
import logging
from collections.abc import Callable, Iterator

import pytest
import structlog

from hoanhap.observability import configure_logging
from hoanhap.observability.logging import HANDLER_NAME


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Undo configure_logging after the test: our handler, the root level, structlog's defaults."""
    root = logging.getLogger()
    level = root.level
    yield
    root.handlers = [handler for handler in root.handlers if handler.name != HANDLER_NAME]
    root.setLevel(level)
    logging.captureWarnings(False)
    structlog.reset_defaults()


@pytest.fixture
def json_lines(capsys: pytest.CaptureFixture[str], restore_logging: None) -> Callable[[], list[dict]]:
    """Configure JSON logging for "registry" to the captured stderr; each call returns the lines written since."""
    configure_logging("registry", as_json=True)
    capsys.readouterr()

    def lines() -> list[dict]:
        return [json.loads(line) for line in capsys.readouterr().err.splitlines()]

    return lines
