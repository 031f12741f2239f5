"""A province's registry history as contract events, for replay benchmarks: people released, some of them
moving, reoffencing (an arrest, then its conviction) and having their case closed, each person's events in order."""

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import hoanhap.contracts as c
from tests.support.releases import release

COMMUNES = [f"{code:05d}" for code in range(4, 400, 3)]


def registry_history(events: int, seed: int = 7) -> Iterator[c.IntegrationEvent]:
    """Exactly `events` events: about two in three are releases, the rest follow-ups of people released."""
    chance = random.Random(seed)
    produced = 0
    while produced < events:
        for event in person_history(chance)[:events - produced]:
            produced += 1
            yield event


def person_history(chance: random.Random) -> list[c.IntegrationEvent]:
    person, commune = uuid.uuid4(), chance.choice(COMMUNES)
    released = date(2021, 1, 1) + timedelta(days=chance.randrange(5 * 365))
    history: list[c.IntegrationEvent] = [release(person).model_copy(
        update={"commune_code": commune, "release_date": released, "notified_on": released})]
    if chance.random() < 0.2:
        moved_to = chance.choice(COMMUNES)
        history.append(c.ResidenceChanged(person_id=person, previous_province_code="01", previous_commune_code=commune,
                                          province_code="01", commune_code=moved_to, moved_on=released + timedelta(90)))
    if chance.random() < 0.12:
        reoffence, committed = uuid.uuid4(), released + timedelta(days=chance.randrange(30, 1000))
        for status in (c.ReoffenceStatus.ARREST_PENDING_TRIAL, c.ReoffenceStatus.NEW_CONVICTION):
            history.append(c.ReoffenceRecorded(person_id=person, reoffence_id=reoffence, committed_on=committed,
                                               offence_articles=[173], status=status))
    if chance.random() < 0.25:
        history.append(c.CaseClosed(person_id=person, closed_on=released + timedelta(days=700),
                                    reason=c.CaseClosureReason.RECORD_CLEARED))
    return history
