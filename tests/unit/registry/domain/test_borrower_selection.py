"""Who may be on a commune's list of borrowers (Form 01), drawn from the registry's facts: each rule of Decision
22/2023 on both sides of its limit."""

import uuid
from dataclasses import replace
from datetime import date

import pytest

from hoanhap.contracts import CaseClosureReason, ReleaseType, ReoffenceStatus, Sex
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.borrower_selection import may_borrow, selected
from hoanhap_registry.domain.state import PersonCase, Reoffence, replay


def released(release_type: ReleaseType = ReleaseType.COMPLETED_SENTENCE, on: date = date(2020, 3, 2),
             supervision_end: date | None = None, commune_code: str = "00004") -> PersonCase:
    case = replay([ev.ReleaseRegistered(
        sealed_identity="sealed", birth_year=1990, sex=Sex.MALE, province_code="01", commune_code=commune_code,
        village="Tổ 5", former_place_name=None, facility="Trại giam", offence_articles=(173,), sentence_months=24,
        release_type=release_type, release_date=on, supervision_end=supervision_end, notified_on=on)])
    assert case is not None
    return case


def test_a_completed_sentence_qualifies_up_to_and_including_the_fifth_anniversary():
    assert may_borrow(released(on=date(2020, 3, 2)), date(2025, 3, 2))
    assert not may_borrow(released(on=date(2020, 3, 2)), date(2025, 3, 3))


def test_five_years_from_29_february_end_on_28_february():
    assert may_borrow(released(on=date(2020, 2, 29)), date(2025, 2, 28))
    assert not may_borrow(released(on=date(2020, 2, 29)), date(2025, 3, 1))


def test_a_special_amnesty_qualifies_like_a_completed_sentence():
    assert may_borrow(released(ReleaseType.SPECIAL_AMNESTY, date(2024, 9, 2)), date(2025, 1, 1))


def test_an_early_release_qualifies_only_the_day_after_its_probation_ends_and_counts_five_years_from_then():
    early = released(ReleaseType.CONDITIONAL_EARLY_RELEASE, date(2019, 1, 10), supervision_end=date(2021, 1, 10))
    assert not may_borrow(early, date(2021, 1, 10))
    assert may_borrow(early, date(2021, 1, 11))
    assert may_borrow(early, date(2026, 1, 10))
    assert not may_borrow(early, date(2026, 1, 11))


@pytest.mark.parametrize("release_type", [ReleaseType.SUSPENDED_SENTENCE, ReleaseType.NON_CUSTODIAL_REFORM])
def test_suspended_and_non_custodial_sentences_never_qualify(release_type: ReleaseType):
    assert not may_borrow(released(release_type, date(2025, 1, 1), supervision_end=date(2025, 6, 1)),
                          date(2025, 7, 1))


@pytest.mark.parametrize(("status", "qualifies"), [(ReoffenceStatus.NEW_CONVICTION, False),
                                                   (ReoffenceStatus.ARREST_PENDING_TRIAL, False),
                                                   (ReoffenceStatus.ARREST_WITHDRAWN, True)])
def test_a_reoffence_that_stands_disqualifies_and_a_withdrawn_arrest_does_not(status: ReoffenceStatus,
                                                                                 qualifies: bool):
    case = replace(released(), reoffences={uuid.uuid4(): Reoffence(date(2021, 5, 1), (173,), status)})
    assert may_borrow(case, date(2022, 1, 1)) is qualifies


def test_a_case_closed_by_death_or_an_erased_person_is_left_out_and_another_closure_is_not():
    case = released()
    closed = ev.CaseClosed(closed_on=date(2021, 1, 1), reason=CaseClosureReason.DECEASED, note=None)
    cleared = ev.CaseClosed(closed_on=date(2021, 1, 1), reason=CaseClosureReason.RECORD_CLEARED, note=None)
    assert not may_borrow(replace(case, closure=closed), date(2022, 1, 1))
    assert not may_borrow(replace(case, erased_on=date(2021, 1, 1)), date(2022, 1, 1))
    assert may_borrow(replace(case, closure=cleared), date(2022, 1, 1))


def test_the_list_holds_the_people_living_in_the_commune_now_earliest_completion_first_less_those_excluded():
    later, earlier, moved_away, excluded, too_old = (uuid.uuid4() for _ in range(5))
    cases = [(later, released(on=date(2024, 5, 1))), (earlier, released(on=date(2023, 5, 1))),
             (moved_away, released(commune_code="00070")), (excluded, released(on=date(2024, 1, 1))),
             (too_old, released(on=date(2019, 1, 1)))]
    rows, left_out = selected(cases, "00004", date(2025, 1, 1), frozenset({excluded, moved_away}))
    assert [row.person_id for row in rows] == [earlier, later]
    assert (rows[0].birth_year, rows[0].village, rows[0].completed_on) == (1990, "Tổ 5", date(2023, 5, 1))
    assert left_out == [excluded]
