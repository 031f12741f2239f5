"""Nothing the registry accepts is something its relay cannot publish: any release notice the request model takes,
however close to its bounds, becomes a valid ReleaseRegistered contract event."""

import uuid
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from hoanhap.contracts import ReleaseType
from hoanhap.working_days import WorkingCalendar
from hoanhap_registry.adapters.publishing import integration_event
from hoanhap_registry.api.requests import ReleaseRequest
from hoanhap_registry.application.registration import registration_of
from hoanhap_registry.domain import commands as cmd
from hoanhap_registry.domain.decide import decide
from tests.support.services import release_body

EDGE_DAYS = st.one_of(st.dates(date(1880, 1, 1), date(2120, 12, 31)),
                      st.sampled_from([date(1899, 12, 31), date(1900, 1, 1), date(2100, 12, 31), date(2101, 1, 1)]))
EDGE_MONTHS = st.one_of(st.integers(-5, 1300), st.sampled_from([0, 1200, 1201]))


@settings(max_examples=400, deadline=None)
@given(birth=EDGE_DAYS, release=EDGE_DAYS, end=st.one_of(st.none(), EDGE_DAYS), months=EDGE_MONTHS,
       kind=st.sampled_from(list(ReleaseType)), article=st.integers(0, 600))
def test_every_release_the_request_accepts_maps_to_a_valid_contract_event(birth, release, end, months, kind,
                                                                          article):
    body = release_body(birth_date=birth.isoformat(), release_date=release.isoformat(),
                        supervision_end=end.isoformat() if end else None, sentence_months=months,
                        release_type=kind.value, offence_articles=[article], notified_on=release.isoformat())
    try:
        accepted = ReleaseRequest.model_validate(body)
    except ValidationError:
        return
    event = registration_of(accepted, accepted.notified_on).release("sealed")
    for fact in decide(None, cmd.RegisterRelease(event), WorkingCalendar()):
        integration_event(uuid.uuid4(), fact, datetime.now(UTC))  # raises if the contract refuses it


def test_the_edges_are_reached_a_release_born_in_1899_and_a_supervision_of_1201_months_are_refused():
    born_1899 = release_body(birth_date="1899-12-31", release_date="1950-01-01", notified_on="1950-01-01")
    release = date(2000, 1, 1)
    too_long = release_body(release_type="conditional_early_release", release_date=release.isoformat(),
                            notified_on=release.isoformat(), birth_date="1970-01-01",
                            supervision_end=(release + timedelta(days=1201 * 31)).isoformat())
    for body, field in ((born_1899, "birth_date"), (too_long, "supervision_end")):
        try:
            ReleaseRequest.model_validate(body)
        except ValidationError as error:
            assert [problem["loc"][0] for problem in error.errors()] == [field]
        else:
            raise AssertionError(f"{field} at its edge was accepted")
