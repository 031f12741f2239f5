"""The composition root of the supervision service: wires settings, runtime, adapters, routes, the consumer of the
registry topic and the relay publishing supervision's events."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from fastapi import FastAPI

from hoanhap.consumers import install_consumer_schema
from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.person_keys import PersonKeys
from hoanhap.places import official_places
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap.relay import install_relay_schema
from hoanhap.service.app import create_service_app
from hoanhap.service.runtime import Runtime
from hoanhap.working_days import WorkingCalendar
from hoanhap.write_path.error_answers import install_error_handlers
from hoanhap.write_path.idempotency import install_idempotency_schema
from hoanhap_supervision.access_policy import POLICY
from hoanhap_supervision.adapters.case_streams import PostgresCaseStreams
from hoanhap_supervision.adapters.community_tables import PostgresCommunityTables
from hoanhap_supervision.adapters.imported_rows import PostgresImportedRows
from hoanhap_supervision.adapters.projection import projection_alongside
from hoanhap_supervision.adapters.registry_view import PostgresRegistryView
from hoanhap_supervision.adapters.sync_ledger import PostgresSyncLedger
from hoanhap_supervision.api import (
    alerts,
    appointments,
    case_changes,
    case_history,
    caseload,
    cases,
    community_imports,
    local_models,
    outreach,
    plan,
    sponsored_people,
    sponsors,
    support,
)
from hoanhap_supervision.api import sync as sync_api
from hoanhap_supervision.api.allowed_methods import install_allowed_methods
from hoanhap_supervision.api.domain_refusals import DOMAIN_REFUSALS
from hoanhap_supervision.api.sponsor_scope import sponsor_scoped
from hoanhap_supervision.application.community import Community
from hoanhap_supervision.application.community_import import CommunityImport
from hoanhap_supervision.application.registry_feed import RegistryFeed
from hoanhap_supervision.application.supervision import Supervision
from hoanhap_supervision.application.sync import Sync
from hoanhap_supervision.messaging import messaging_running
from hoanhap_supervision.settings import SupervisionSettings

SERVICE = "supervision"


def create_app(settings: SupervisionSettings) -> FastAPI:
    """The supervision HTTP application, with its consumer and relay running beside it."""

    @asynccontextmanager
    async def supervision_running(app: FastAPI, runtime: Runtime) -> AsyncIterator[None]:
        await install_schemas(runtime.pool)
        store = PostgresEventStore(runtime.pool)
        storage = (PostgresCaseStreams(store), PersonKeys(settings.master_key), projection_alongside)
        app.state.supervision = Supervision(runtime.pool, storage, settings.rules)
        await app.state.supervision.refill_states()
        app.state.community = Community(app.state.supervision, PostgresCommunityTables(), official_places())
        app.state.community_import = CommunityImport(app.state.community, PostgresImportedRows())
        app.state.case_history = case_history.SupervisionHistory(runtime.pool, store, settings.rules)
        app.state.sync = Sync(app.state.supervision, PostgresSyncLedger())
        app.state.working_calendar = WorkingCalendar.of_vietnam(settings.public_holidays)
        feed = RegistryFeed(app.state.supervision, PostgresRegistryView())
        async with messaging_running(runtime, store, feed, settings):
            yield

    routers = [cases.router, case_changes.router, case_history.router, caseload.router]
    routers += [sponsors.router, support.router, local_models.router, outreach.router]
    routers.append(sponsored_people.router)
    routers.append(sync_api.router)
    routers.append(alerts.router)
    routers.append(community_imports.router)
    routers += [plan.router, appointments.router]
    app = create_service_app(SERVICE, settings, POLICY, routers=[sponsor_scoped(routers)],
                             extensions=[supervision_running])
    install_error_handlers(app, DOMAIN_REFUSALS)
    install_allowed_methods(app)
    return app


async def install_schemas(pool: asyncpg.Pool) -> None:
    """The event store's, the relay's, the consumers' and supervision's tables, then the kit's idempotency table."""
    await install_event_store_schema(pool)
    await install_relay_schema(pool)
    await install_consumer_schema(pool)
    await apply_migrations(pool, "hoanhap_supervision.migrations", SERVICE)
    await install_idempotency_schema(pool)
