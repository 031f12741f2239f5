"""Who sees credit's figures exactly (the steering committee and the bank of the place, not the police), and what
credit's public release withholds (credit/release.py)."""

from hoanhap.auth import Agency, Role
from hoanhap_stats.credit.release import CREDIT_EXACT_AGENCIES, released, released_cells
from hoanhap_stats.figures.disclosure import Disclosure, sees_exactly
from tests.unit.stats.test_disclosure_decision import principal

PUBLIC = Disclosure(threshold=5, exact=False)
EXACT = Disclosure(threshold=5, exact=True)


def test_the_steering_committee_and_the_bank_of_the_place_see_credit_figures_exactly():
    for agency in (Agency.STEERING_COMMITTEE, Agency.BANK):
        assert sees_exactly(principal(agency, role=Role.OFFICER), "01", "00004", CREDIT_EXACT_AGENCIES)
        assert sees_exactly(principal(agency, communes=("00004",)), "01", "00004", CREDIT_EXACT_AGENCIES)
        assert not sees_exactly(principal(agency, communes=("00004",)), "01", None, CREDIT_EXACT_AGENCIES)
        assert not sees_exactly(principal(agency, "79"), "01", "00004", CREDIT_EXACT_AGENCIES)


def test_the_police_of_the_commune_do_not_see_its_credit_figures_exactly_though_they_see_its_others():
    police = principal(Agency.POLICE, communes=("00004",), role=Role.OFFICER)
    assert sees_exactly(police, "01", "00004"), "the registry's and supervision's figures"
    assert not sees_exactly(police, "01", "00004", CREDIT_EXACT_AGENCIES), "one borrower's debt is not theirs"
    assert not sees_exactly(principal(Agency.POLICE, role=Role.SUPERVISOR), "01", None, CREDIT_EXACT_AGENCIES)
    assert not sees_exactly(principal(Agency.SUPERVISION), "01", None, CREDIT_EXACT_AGENCIES)


def test_the_public_release_withholds_the_flows_of_the_stock_identity_and_the_cohorts_status_and_sum_approved():
    for name in ("disbursed", "repaid", "settled", "written_off", "disbursed_vnd", "repaid_principal_vnd",
                 "written_off_principal_vnd"):
        assert released(PUBLIC, "activity", name, 7) is None, name
        assert released(EXACT, "activity", name, 7) == 7, name
    for name in ("approved", "rejected", "withdrawn", "approved_vnd"):
        assert released(PUBLIC, "activity", name, 7) == 7, "the period's decisions are public"
    assert released(PUBLIC, "loans", "approved_vnd", 7) is None and released(PUBLIC, "loans", "requested_vnd", 7) == 7
    assert released_cells(PUBLIC, "loans", "by_status", {"settled": 7, "applied": 0}) == {"settled": None,
                                                                                          "applied": None}
    assert released_cells(PUBLIC, "loans", "by_purpose", {"training": 7}) == {"training": 7}
    assert released_cells(EXACT, "loans", "by_status", {"settled": 1}) == {"settled": 1}
