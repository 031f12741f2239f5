"""The composition root of the stats service: its read models, fed by tracked consumers, and its figures."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from faststream.kafka import KafkaBroker

from hoanhap.consumers import subscribe
from hoanhap.observability import broker_logger
from hoanhap.relay import idempotent_producer
from hoanhap.service.app import create_service_app
from hoanhap.service.runtime import Runtime
from hoanhap_stats.access_policy import POLICY
from hoanhap_stats.credit import api as credit_api
from hoanhap_stats.credit.release import CREDIT_EXACT_AGENCIES, CREDIT_FEED_FIGURES
from hoanhap_stats.dashboard.serving import serve_dashboard
from hoanhap_stats.figures.recent_tables import RecentTables
from hoanhap_stats.live import api as live_api
from hoanhap_stats.live.fanout import live_feed
from hoanhap_stats.projecting.read_models import install_read_models
from hoanhap_stats.registry import api as registry_api
from hoanhap_stats.registry import communes_api
from hoanhap_stats.settings import StatsSettings
from hoanhap_stats.sources import tracked_consumers
from hoanhap_stats.supervision import api as supervision_api

SERVICE = "stats"


def create_app(settings: StatsSettings) -> FastAPI:
    """The stats HTTP application, with its consumers running beside it."""

    @asynccontextmanager
    async def consuming(app: FastAPI, runtime: Runtime) -> AsyncIterator[None]:
        await install_read_models(runtime.pool, settings.database_schema or "public")
        producer = idempotent_producer(settings.kafka_bootstrap_servers)
        await producer.start()
        broker = KafkaBroker(settings.kafka_bootstrap_servers, logger=broker_logger())
        consumers = tracked_consumers(settings.consumer_group, runtime.pool, producer)
        runtime.consumers.extend(consumers)
        for consumer in consumers:
            subscribe(broker, consumer)
        await broker.start()
        try:
            yield
        finally:
            await broker.stop()
            for consumer in consumers:
                await consumer.settled()
            await producer.stop()

    app = create_service_app(SERVICE, settings, POLICY,
                             routers=[registry_api.router, communes_api.router, supervision_api.router,
                                      credit_api.router, live_api.router],
                             extensions=[consuming, live_feed(settings.database_url, settings.feed_clients_max)])
    serve_dashboard(app)
    app.state.suppression_threshold = settings.suppression_threshold
    app.state.public_feed_seconds = settings.public_feed_seconds
    app.state.feed_figures_restricted = dict.fromkeys(CREDIT_FEED_FIGURES, CREDIT_EXACT_AGENCIES)
    app.state.recent_tables = RecentTables(settings.public_table_seconds)
    return app
