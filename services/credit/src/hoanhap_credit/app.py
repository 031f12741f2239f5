"""The composition root of the credit service: wires settings, runtime, its view of the registry (the consumers of
the registry's topics) and HTTP routes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from fastapi import FastAPI

from hoanhap.consumers import install_consumer_schema
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap.service.app import create_service_app
from hoanhap.service.runtime import Runtime
from hoanhap_credit.access_policy import POLICY
from hoanhap_credit.adapters.identity_digests import PostgresIdentityDigests
from hoanhap_credit.adapters.registry_view import PostgresRegistryView
from hoanhap_credit.application.applicant_lookup import ApplicantLookup
from hoanhap_credit.application.registry_feed import RegistryFeed
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
        async with messaging_running(runtime, RegistryFeed(view, digests), digests, settings):
            yield

    return create_service_app(SERVICE, settings, POLICY, extensions=[credit_running])


async def install_schemas(pool: asyncpg.Pool) -> None:
    """The consumers' tables, then credit's own."""
    await install_consumer_schema(pool)
    await apply_migrations(pool, "hoanhap_credit.migrations", SERVICE)
