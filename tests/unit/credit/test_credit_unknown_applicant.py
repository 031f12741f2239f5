"""An applicant credit's view of the registry does not know, and the registry's facts as an applicant
(application/applicant.applicant_of): the one place the application's person facts are built."""

from datetime import date
from uuid import uuid4

from hoanhap.contracts import ReleaseType
from hoanhap.contracts.registry.choices import ReoffenceStatus
from hoanhap_credit.application.applicant import applicant_of
from hoanhap_credit.domain.applications import Applicant, Application, CommuneListing
from hoanhap_credit.domain.eligibility import failed_rules
from hoanhap_credit.domain.eligibility_failures import RuleCode
from hoanhap_credit.domain.registry_person import RecordedReoffence, RegistryPerson
from tests.unit.credit.credit_applications import APPLIED_ON, request


def person(release_type: ReleaseType, **changes: object) -> RegistryPerson:
    facts: dict = {"person_id": uuid4(), "province_code": "01", "commune_code": "00004",
                   "release_type": release_type, "release_date": date(2022, 3, 2)}
    return RegistryPerson(**(facts | changes))


def test_a_borrower_the_registry_does_not_know_fails_the_borrower_rule_saying_why() -> None:
    application = Application(APPLIED_ON, request(), applicant=applicant_of(None))
    failures = failed_rules(application)
    assert [failure.code for failure in failures] == [RuleCode.NOT_ON_COMMUNE_LIST, RuleCode.INELIGIBLE_RELEASE_TYPE]
    assert "registry records no" in failures[1].message and failures[1].message_vi


def test_a_completed_sentence_counts_from_the_release_day_and_keeps_the_reoffences() -> None:
    reoffence = RecordedReoffence(uuid4(), date(2023, 1, 5), ReoffenceStatus.NEW_CONVICTION)
    applicant = applicant_of(person(ReleaseType.COMPLETED_SENTENCE, reoffences=(reoffence,)))
    assert (applicant.completed_on, applicant.listing) == (date(2022, 3, 2), None)
    assert [item.status for item in applicant.reoffences] == [ReoffenceStatus.NEW_CONVICTION]


def test_an_early_release_counts_from_the_end_of_its_supervision_period() -> None:
    applicant = applicant_of(person(ReleaseType.CONDITIONAL_EARLY_RELEASE, supervision_ends_on=date(2023, 9, 2)))
    assert (applicant.completed_on, applicant.probation_ends_on) == (None, date(2023, 9, 2))


def test_a_suspended_sentence_has_no_completion_day() -> None:
    assert applicant_of(person(ReleaseType.SUSPENDED_SENTENCE)) == Applicant(ReleaseType.SUSPENDED_SENTENCE)


def test_the_commune_listing_the_view_gives_is_the_applicants() -> None:
    listing = CommuneListing(certified_by="UBND xã", certified_on=date(2024, 12, 20))
    applicant = applicant_of(person(ReleaseType.COMPLETED_SENTENCE, listing=listing))
    assert applicant.listing == listing
    assert RuleCode.NOT_ON_COMMUNE_LIST not in [failure.code for failure in
                                                failed_rules(Application(APPLIED_ON, request(), applicant=applicant))]
