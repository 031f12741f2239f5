"""The composition root of the registry service: wires settings, runtime, adapters, routes and the relay."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from fastapi import FastAPI

from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.eventstore.audit.periodic import checkpoints_running
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap.relay import Relay, idempotent_producer, install_relay_schema, run_relay
from hoanhap.service.app import create_service_app
from hoanhap.service.runtime import Runtime
from hoanhap.working_days import WorkingCalendar
from hoanhap.write_path.error_answers import install_error_handlers
from hoanhap.write_path.idempotency import install_idempotency_schema
from hoanhap_registry.access_policy import POLICY
from hoanhap_registry.adapters.borrower_lists import PostgresBorrowerLists
from hoanhap_registry.adapters.case_streams import PostgresCaseStreams
from hoanhap_registry.adapters.projection import projection_alongside
from hoanhap_registry.adapters.publishing import registry_message
from hoanhap_registry.api import (
    borrower_lists,
    case_changes,
    case_history,
    form01_exports,
    imports,
    people,
    releases,
    transfers,
)
from hoanhap_registry.api.activity import ActivityMiddleware
from hoanhap_registry.api.domain_refusals import DOMAIN_REFUSALS
from hoanhap_registry.application.borrower_lists import BorrowerLists
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.identity.activity import Activity
from hoanhap_registry.identity.citizen_id import lookup_key
from hoanhap_registry.identity.digest_publisher import IdentityDigestPublisher
from hoanhap_registry.identity.digest_running import run_identity_digests
from hoanhap_registry.identity.lookup_backfill import restore_lookup_digests
from hoanhap_registry.settings import RegistrySettings

SERVICE = "registry"


def create_app(settings: RegistrySettings) -> FastAPI:
    """The registry HTTP application, with its relay and its event store's checkpoints running beside it."""

    @asynccontextmanager
    async def registry_running(app: FastAPI, runtime: Runtime) -> AsyncIterator[None]:
        await install_schemas(runtime.pool)
        store = PostgresEventStore(runtime.pool)
        keys, lookup = PersonKeys(settings.master_key), lookup_key(settings.master_key)
        await restore_lookup_digests(runtime.pool, keys, lookup)
        calendar = WorkingCalendar.of_vietnam(settings.public_holidays)
        storage = (PostgresCaseStreams(store), keys, projection_alongside)
        app.state.registry = Registry(runtime.pool, storage, lookup, calendar)
        app.state.borrower_lists = BorrowerLists(app.state.registry, PostgresBorrowerLists(store))
        app.state.case_history = case_history.RegistryHistory(runtime.pool, store, keys, calendar)
        async with relay_running(runtime, store, keys, app.state.registry.activity, settings), \
                checkpoints_running(runtime.pool, SERVICE, settings):
            yield

    routers = [releases.router, case_changes.router, people.router, case_history.router, imports.router,
               transfers.router, borrower_lists.router, form01_exports.router]
    app = create_service_app(SERVICE, settings, POLICY, routers=routers, extensions=[registry_running])
    install_error_handlers(app, DOMAIN_REFUSALS)
    app.add_middleware(ActivityMiddleware)
    return app


async def install_schemas(pool: asyncpg.Pool) -> None:
    """The event store's, the relay's and the registry's tables, then the write-path kit's idempotency table
    (after the registry's, whose first migration created that table before the kit had it)."""
    await install_event_store_schema(pool)
    await install_relay_schema(pool)
    await apply_migrations(pool, "hoanhap_registry.migrations", SERVICE)
    await install_idempotency_schema(pool)


@asynccontextmanager
async def relay_running(runtime: Runtime, store: PostgresEventStore, keys: PersonKeys, activity: Activity,
                        settings: RegistrySettings) -> AsyncIterator[None]:
    """The relay and the identity-digest publisher as tasks of the service process, sharing one producer,
    stopped with it."""
    producer = idempotent_producer(settings.kafka_bootstrap_servers)
    await producer.start()
    stop = asyncio.Event()
    relay = Relay(SERVICE, runtime.pool, store, producer, registry_message)
    runtime.relays.append(relay.name)
    digests = IdentityDigestPublisher(runtime.pool, keys, settings.digest_key, producer, activity)
    tasks = [asyncio.create_task(run_relay(relay, settings.database_url, store.notify_channel, stop)),
             asyncio.create_task(run_identity_digests(digests, settings.identity_digest_processes,
                                                      settings.database_url, settings.kafka_bootstrap_servers, stop))]
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(*tasks)
        await producer.stop()
