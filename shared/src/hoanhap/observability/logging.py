"""structlog for every service: JSON lines when stderr is not a terminal, readable lines when it is.

Every line carries `service`, `level`, an ISO-8601 UTC `timestamp` and whatever is bound in structlog's context
variables (correlation and causation ids, per request or per message). Standard-library loggers (uvicorn, aiokafka,
faststream) go through the same renderer, so production output is JSON throughout.
"""

import logging
import sys
from typing import TextIO

import structlog
from structlog.types import EventDict, Processor, WrappedLogger

HANDLER_NAME = "hoanhap"
# Libraries that attach their own handlers or stop propagation; their lines must reach ours instead.
SELF_HANDLING_LOGGERS = ("uvicorn", "uvicorn.error", "faststream")
# uvicorn's access line repeats what the request middleware logs (with the correlation id) and adds the client's
# address; uvicorn skips it altogether when its logger has no handler to reach.
SILENCED_LOGGERS = ("uvicorn.access",)

SHARED_PROCESSORS: list[Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.processors.StackInfoRenderer(),
]


def configure_logging(service: str, level: str = "INFO", as_json: bool | None = None) -> None:
    """Send structlog and standard logging to stderr in one format; calling it again replaces the setup."""
    as_json = not sys.stderr.isatty() if as_json is None else as_json
    structlog.configure(
        processors=[structlog.stdlib.filter_by_level, *SHARED_PROCESSORS,
                    structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,  # a second configure_logging must reach loggers already in use
    )
    root = logging.getLogger()
    root.handlers = [handler for handler in root.handlers if handler.name != HANDLER_NAME]
    root.addHandler(_stderr_handler(service, as_json))
    root.setLevel(level.upper())
    for name in SELF_HANDLING_LOGGERS:
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    for name in SILENCED_LOGGERS:
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = False
    logging.captureWarnings(True)


def broker_logger() -> logging.Logger:
    """The logger to give FastStream brokers (`KafkaBroker(..., logger=broker_logger())`) so theirs is JSON too."""
    return logging.getLogger("faststream.broker")


class StderrHandler(logging.StreamHandler):
    """Writes each line to sys.stderr as it is at that moment (tests and tools may have replaced it)."""

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self) -> TextIO:
        """The current sys.stderr."""
        return sys.stderr


def _stderr_handler(service: str, as_json: bool) -> logging.Handler:
    renderer: Processor
    if as_json:
        renderer = structlog.processors.JSONRenderer()
        exceptions: list[Processor] = [structlog.processors.format_exc_info]
    else:
        renderer, exceptions = structlog.dev.ConsoleRenderer(), []
    handler = StderrHandler()
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED_PROCESSORS,
        processors=[_service_adder(service), *exceptions,
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer]))
    return handler


def _service_adder(service: str) -> Processor:
    def add_service(logger: WrappedLogger, method: str, event: EventDict) -> EventDict:
        event.setdefault("service", service)
        return event

    return add_service
