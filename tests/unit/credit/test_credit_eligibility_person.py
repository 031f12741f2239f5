from datetime import date, timedelta

import pytest

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap_credit.domain.applications import CommuneListing, Reoffence
from hoanhap_credit.domain.eligibility import failed_rules
from hoanhap_credit.domain.eligibility_failures import RuleCode
from tests.unit.credit.credit_applications import APPLIED_ON, codes, only, personal

ONE_DAY = timedelta(days=1)


def test_a_person_not_on_the_commune_list_is_refused() -> None:
    failure = only(personal(listing=None))
    assert (failure.code, failure.field) == (RuleCode.NOT_ON_COMMUNE_LIST, "listing")
    assert "Mẫu 01" in failure.message_vi


@pytest.mark.parametrize("listing", [CommuneListing(), CommuneListing(certified_by="Chủ tịch UBND xã"),
                                     CommuneListing(certified_on=date(2025, 4, 1))])
def test_a_list_without_who_and_when_it_was_certified_is_refused(listing: CommuneListing) -> None:
    assert codes(personal(listing=listing)) == [RuleCode.COMMUNE_LIST_NOT_CERTIFIED]


@pytest.mark.parametrize(("certified_on", "refused"), [(APPLIED_ON - ONE_DAY, False), (APPLIED_ON, False),
                                                       (APPLIED_ON + ONE_DAY, True)])
def test_the_list_is_certified_by_the_day_of_the_application(certified_on: date, refused: bool) -> None:
    listing = CommuneListing(certified_by="Chủ tịch UBND xã", certified_on=certified_on)
    assert codes(personal(listing=listing)) == ([RuleCode.COMMUNE_LIST_NOT_CERTIFIED] if refused else [])


def test_a_list_certified_after_the_application_gives_both_days() -> None:
    failure = only(personal(listing=CommuneListing(certified_by="UBND", certified_on=date(2025, 5, 11))))
    assert failure.message == ("the commune list (Form 01) was certified on 11/05/2025, "
                               "after applying on 10/05/2025")


@pytest.mark.parametrize("release_type", [ReleaseType.SUSPENDED_SENTENCE, ReleaseType.NON_CUSTODIAL_REFORM])
def test_sentences_served_outside_prison_do_not_qualify(release_type: ReleaseType) -> None:
    failure = only(personal(release_type=release_type, completed_on=None))
    assert (failure.code, failure.field) == (RuleCode.INELIGIBLE_RELEASE_TYPE, "release_type")


def test_a_special_amnesty_qualifies() -> None:
    assert codes(personal(release_type=ReleaseType.SPECIAL_AMNESTY)) == []


@pytest.mark.parametrize(("ends_on", "refused"), [(APPLIED_ON - ONE_DAY, False), (APPLIED_ON, True),
                                                  (APPLIED_ON + ONE_DAY, True)])
def test_an_early_release_qualifies_the_day_after_its_probation_ends(ends_on: date, refused: bool) -> None:
    application = personal(release_type=ReleaseType.CONDITIONAL_EARLY_RELEASE, completed_on=None,
                           probation_ends_on=ends_on)
    assert codes(application) == ([RuleCode.PROBATION_NOT_ENDED] if refused else [])


@pytest.mark.parametrize(("status", "refused"), [(ReoffenceStatus.NEW_CONVICTION, True),
                                                 (ReoffenceStatus.ARREST_PENDING_TRIAL, True),
                                                 (ReoffenceStatus.ARREST_WITHDRAWN, False)])
def test_a_reoffence_that_stands_disqualifies_and_a_withdrawn_arrest_does_not(status: ReoffenceStatus,
                                                                               refused: bool) -> None:
    application = personal(reoffences=(Reoffence(date(2024, 6, 1), status),))
    assert codes(application) == ([RuleCode.STANDING_REOFFENCE] if refused else [])


def test_every_standing_reoffence_is_named_in_one_failure() -> None:
    failure = only(personal(reoffences=(Reoffence(date(2023, 1, 5), ReoffenceStatus.NEW_CONVICTION),
                                        Reoffence(date(2023, 9, 9), ReoffenceStatus.ARREST_WITHDRAWN),
                                        Reoffence(date(2024, 6, 1), ReoffenceStatus.ARREST_PENDING_TRIAL))))
    assert failure.message == ("a reoffence is recorded: committed on 05/01/2023, a new conviction; "
                               "committed on 01/06/2024, an arrest pending trial")


def test_the_refusal_for_five_years_reads_with_the_figures() -> None:
    failure = only(personal(completed_on=date(2019, 3, 2)))
    assert (failure.code, failure.field) == (RuleCode.MORE_THAN_FIVE_YEARS_SINCE_RELEASE, "completed_on")
    assert failure.message == ("released on 02/03/2019, 6 years 2 months before applying on 10/05/2025; "
                               "the limit is 5 years")
    assert failure.message_vi == ("ra trại ngày 02/03/2019, 6 năm 2 tháng trước ngày đề nghị vay 10/05/2025; "
                                  "tối đa 5 năm")


@pytest.mark.parametrize(("applied_on", "refused"), [(date(2024, 3, 1), False), (date(2024, 3, 2), False),
                                                     (date(2024, 3, 3), True)])
def test_five_years_end_on_the_fifth_anniversary(applied_on: date, refused: bool) -> None:
    application = personal(applied_on=applied_on, completed_on=date(2019, 3, 2),
                           listing=CommuneListing(certified_by="UBND", certified_on=date(2019, 3, 2)))
    assert codes(application) == ([RuleCode.MORE_THAN_FIVE_YEARS_SINCE_RELEASE] if refused else [])


@pytest.mark.parametrize(("applied_on", "refused"), [(date(2025, 2, 27), False), (date(2025, 2, 28), False),
                                                     (date(2025, 3, 1), True)])
def test_five_years_from_29_february_end_on_28_february(applied_on: date, refused: bool) -> None:
    application = personal(applied_on=applied_on, completed_on=date(2020, 2, 29))
    assert codes(application) == ([RuleCode.MORE_THAN_FIVE_YEARS_SINCE_RELEASE] if refused else [])


def test_the_day_after_the_anniversary_reads_in_days() -> None:
    failure = only(personal(applied_on=date(2025, 3, 3), completed_on=date(2020, 3, 2)))
    assert failure.message.startswith("released on 02/03/2020, 5 years 1 day before applying on 03/03/2025")


def test_an_early_release_counts_five_years_from_the_end_of_its_probation() -> None:
    application = personal(release_type=ReleaseType.CONDITIONAL_EARLY_RELEASE, completed_on=None,
                           probation_ends_on=date(2020, 5, 9))
    failure = only(application)
    assert failure.field == "probation_ends_on"
    assert failure.message == ("probation ended on 09/05/2020, 5 years 1 day before applying on 10/05/2025; "
                               "the limit is 5 years")
    later = personal(release_type=ReleaseType.CONDITIONAL_EARLY_RELEASE, completed_on=None,
                     probation_ends_on=date(2020, 5, 10))
    assert failed_rules(later) == ()


def test_an_amnesty_is_counted_from_the_amnesty_day() -> None:
    failure = only(personal(release_type=ReleaseType.SPECIAL_AMNESTY, completed_on=date(2018, 9, 2)))
    assert failure.message_vi.startswith("được đặc xá ngày 02/09/2018, 6 năm 8 tháng trước")


@pytest.mark.parametrize(("release_type", "field"), [(ReleaseType.COMPLETED_SENTENCE, "completed_on"),
                                                     (ReleaseType.CONDITIONAL_EARLY_RELEASE, "probation_ends_on")])
def test_the_day_the_sentence_ends_is_required_where_it_counts(release_type: ReleaseType, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        personal(release_type=release_type, completed_on=None)


def test_a_sentence_completed_after_the_application_day_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="completed_on 2025-05-11 is after applied_on 2025-05-10"):
        personal(completed_on=date(2025, 5, 11))
    assert failed_rules(personal(completed_on=APPLIED_ON)) == ()
