"""The registry topic's handler: each registry fact to the view, in order; erasure also withdraws the digest."""

import uuid
from datetime import date
from typing import Any

from hoanhap import contracts as c
from hoanhap_credit.application.registry_feed import RegistryFeed
from tests.unit.credit.credit_registry_facts import envelope, erased, moved, released

PERSON = uuid.uuid4()


class Recording:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    async def record(self, connection: object, event: c.RegistryEvent) -> None:
        self.calls.append(("record", type(event).__name__))

    async def withdraw(self, connection: object, person_id: uuid.UUID) -> None:
        self.calls.append(("withdraw", person_id))


async def test_the_facts_reach_the_view_in_the_order_of_the_batch() -> None:
    calls = Recording()

    await RegistryFeed(calls, calls)(None, [envelope(released(PERSON)), envelope(moved(PERSON))])

    assert calls.calls == [("record", "ReleaseRegistered"), ("record", "ResidenceChanged")]


async def test_erasure_makes_the_view_forget_the_person_and_withdraws_their_digest() -> None:
    calls = Recording()

    await RegistryFeed(calls, calls)(None, [envelope(erased(PERSON))])

    assert calls.calls == [("record", "PersonErased"), ("withdraw", PERSON)]


async def test_events_of_other_services_are_none_of_the_views_business() -> None:
    calls = Recording()
    other = c.ModelEnded(model_id=uuid.uuid4(), province_code="01", commune_codes=("00004",),
                         ended_on=date(2026, 3, 1))

    await RegistryFeed(calls, calls)(None, [envelope(other)])

    assert calls.calls == []
