"""The composition root of the credit service: wires settings, runtime, its view of the registry (the consumers of
the registry's topics), its event store, the loan and borrower use cases, the relay publishing its events, the end
of day's scheduled task and the HTTP routes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import asyncpg
from fastapi import FastAPI

from hoanhap.consumers import install_consumer_schema
from hoanhap.eventstore import PostgresEventStore, install_event_store_schema
from hoanhap.person_keys import PersonKeys
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap.relay import install_relay_schema
from hoanhap.service.app import create_service_app
from hoanhap.service.runtime import Runtime
from hoanhap.write_path.error_answers import install_error_handlers
from hoanhap.write_path.idempotency import install_idempotency_schema
from hoanhap_credit.access_policy import POLICY
from hoanhap_credit.adapters.borrower_tables import PostgresBorrowerTables
from hoanhap_credit.adapters.end_of_day_tables import PostgresEndOfDayTables
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.loan_projection import projection_alongside
from hoanhap_credit.adapters.loan_streams import PostgresLoanStreams
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.api import borrowers, loan_changes, loans, schedules
from hoanhap_credit.api.domain_refusals import DOMAIN_REFUSALS
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.application.borrowers import Borrowers
from hoanhap_credit.application.end_of_day import EndOfDay
from hoanhap_credit.application.lending import Lending, Rules
from hoanhap_credit.application.loan_applications import LoanApplications
from hoanhap_credit.application.registry_feed import RegistryFeed
from hoanhap_credit.domain.lending_limits import DEFAULT_LIMITS
from hoanhap_credit.end_of_day_running import end_of_day_scheduled
from hoanhap_credit.messaging import messaging_running
from hoanhap_credit.settings import CreditSettings

SERVICE = "credit"


def create_app(settings: CreditSettings) -> FastAPI:
    """The credit HTTP application, with its consumers of the registry's topics running beside it."""

    @asynccontextmanager
    async def credit_running(app: FastAPI, runtime: Runtime) -> AsyncIterator[None]:
        await install_schemas(runtime.pool)
        view, digests = PostgresRegistryView(), PostgresIdentityDigests()
        app.state.applicant_lookup = ApplicantLookup(runtime.pool, view, digests, settings.digest_key)
        store = PostgresEventStore(runtime.pool)
        streams, keys, tables = PostgresLoanStreams(store), PersonKeys(settings.master_key), PostgresBorrowerTables()
        app.state.lending = Lending(runtime.pool, (streams, keys, projection_alongside), rules_of(settings))
        app.state.applications = LoanApplications(app.state.lending, tables, view)
        app.state.borrowers = Borrowers(runtime.pool, (streams, keys, tables), app.state.applicant_lookup)
        end_of_day = EndOfDay(app.state.lending, PostgresEndOfDayTables(), settings.end_of_day_batch)
        async with messaging_running(runtime, RegistryFeed(view, digests), digests, settings, store), \
                end_of_day_scheduled(end_of_day, settings.database_url, settings.end_of_day_in_service):
            yield

    routers = [borrowers.router, loans.router, loan_changes.router, schedules.router]
    app = create_service_app(SERVICE, settings, POLICY, routers=routers, extensions=[credit_running])
    install_error_handlers(app, DOMAIN_REFUSALS)
    return app


def rules_of(settings: CreditSettings) -> Rules:
    """The deployment's rates, lending limits and debt groups."""
    limits = replace(DEFAULT_LIMITS, max_extension_months=settings.max_extension_months)
    return Rules(settings.rates, limits, tuple(settings.debt_groups))


def end_of_day_of(pool: asyncpg.Pool, settings: CreditSettings) -> EndOfDay:
    """The end of day over the service's database, for the command (the service builds its own beside Lending)."""
    streams, keys = PostgresLoanStreams(PostgresEventStore(pool)), PersonKeys(settings.master_key)
    lending = Lending(pool, (streams, keys, projection_alongside), rules_of(settings))
    return EndOfDay(lending, PostgresEndOfDayTables(), settings.end_of_day_batch)


async def install_schemas(pool: asyncpg.Pool) -> None:
    """The event store's, the relay's and the consumers' tables, then credit's own, then the kit's idempotency
    table."""
    await install_event_store_schema(pool)
    await install_relay_schema(pool)
    await install_consumer_schema(pool)
    await apply_migrations(pool, "hoanhap_credit.migrations", SERVICE)
    await install_idempotency_schema(pool)
