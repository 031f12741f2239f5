"""The composition root of the registry service: wires settings, runtime, routes and the relay."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.eventstore.audit.periodic import checkpoints_running
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap.relay import Relay, idempotent_producer, install_relay_schema, run_relay
from hoanhap.service.app import create_service_app
from hoanhap.service.runtime import Runtime
from hoanhap_registry.access_policy import POLICY
from hoanhap_registry.api import case_changes, history, imports, people, releases, transfers
from hoanhap_registry.api.activity import ActivityMiddleware
from hoanhap_registry.api.errors import install_error_handlers
from hoanhap_registry.application import Registry
from hoanhap_registry.domain.working_days import WorkingCalendar
from hoanhap_registry.identity.citizen_id import lookup_key
from hoanhap_registry.identity.digest_publisher import IdentityDigestPublisher
from hoanhap_registry.identity.digest_running import run_identity_digests
from hoanhap_registry.identity.keys import PersonKeys
from hoanhap_registry.identity.lookup_backfill import restore_lookup_digests
from hoanhap_registry.publishing import registry_message
from hoanhap_registry.settings import RegistrySettings

SERVICE = "registry"


def create_app(settings: RegistrySettings) -> FastAPI:
    """The registry HTTP application, with its relay and its event store's checkpoints running beside it."""

    @asynccontextmanager
    async def registry_running(app: FastAPI, runtime: Runtime) -> AsyncIterator[None]:
        await install_event_store_schema(runtime.pool)
        await install_relay_schema(runtime.pool)
        await apply_migrations(runtime.pool, "hoanhap_registry.migrations", SERVICE)
        store = PostgresEventStore(runtime.pool)
        keys, lookup = PersonKeys(settings.master_key), lookup_key(settings.master_key)
        await restore_lookup_digests(runtime.pool, keys, lookup)
        calendar = WorkingCalendar.of_vietnam(settings.public_holidays)
        app.state.registry = Registry(runtime.pool, store, keys, lookup, calendar)
        async with relay_running(runtime, store, app.state.registry, settings), \
                checkpoints_running(runtime.pool, SERVICE, settings):
            yield

    routers = [releases.router, case_changes.router, people.router, history.router, imports.router,
               transfers.router]
    app = create_service_app(SERVICE, settings, POLICY, routers=routers, extensions=[registry_running])
    install_error_handlers(app)
    app.add_middleware(ActivityMiddleware)
    return app


@asynccontextmanager
async def relay_running(runtime: Runtime, store: PostgresEventStore, registry: Registry,
                        settings: RegistrySettings) -> AsyncIterator[None]:
    """The relay and the identity-digest publisher as tasks of the service process, sharing one producer,
    stopped with it."""
    producer = idempotent_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    stop = asyncio.Event()
    relay = Relay(SERVICE, runtime.pool, store, producer, registry_message)
    runtime.relays.append(relay.name)
    digests = IdentityDigestPublisher(runtime.pool, registry.keys, settings.digest_key, producer, registry.activity)
    tasks = [asyncio.create_task(run_relay(relay, settings.database_url, store.notify_channel, stop)),
             asyncio.create_task(run_identity_digests(digests, settings.identity_digest_processes,
                                                      settings.database_url, settings.kafka_bootstrap_servers, stop))]
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(*tasks)
        await producer.stop()
