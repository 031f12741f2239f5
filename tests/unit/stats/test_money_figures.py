"""Public sums of money are withheld when too few records make them up, and so is what would give them away."""

from hoanhap_stats.credit.figures import LoanGroup, amounts_by, loans_by
from hoanhap_stats.figures.amounts import Amount, amount_breakdown, shown_amount, total
from hoanhap_stats.figures.disclosure import Disclosure

PUBLIC = Disclosure(threshold=5, exact=False)
PUBLIC_COMMUNE = Disclosure(threshold=5, exact=False, commune_level=True)
OFFICIAL = Disclosure(threshold=5, exact=True)


def test_a_sum_over_fewer_records_than_the_threshold_is_withheld_from_the_public_only():
    assert shown_amount(PUBLIC_COMMUNE, Amount(900_000_000, 40)) is None, "publicly, sums are by province only"
    assert shown_amount(PUBLIC, Amount(90_000_000, 4)) is None
    assert shown_amount(PUBLIC, Amount(90_000_000, 5)) == 90_000_000
    assert shown_amount(PUBLIC, Amount(0, 0)) == 0
    assert shown_amount(OFFICIAL, Amount(30_000_000, 1)) == 30_000_000


def test_one_withheld_sum_takes_the_one_over_the_fewest_records_after_it_with_it():
    cells = {"training": Amount(10_000_000, 2), "production": Amount(500_000_000, 20),
             "business": Amount(70_000_000, 6)}
    assert amount_breakdown(PUBLIC, cells) == {"training": None, "production": 500_000_000, "business": None}
    assert total(cells) == Amount(580_000_000, 28)


def test_loan_groups_add_up_by_any_attribute():
    groups = [LoanGroup("disbursed", "training", "individual", 3, {"disbursed": Amount(60, 3)}),
              LoanGroup("overdue", "training", "business", 1, {"disbursed": Amount(20, 1)}),
              LoanGroup("disbursed", "production", "individual", 2, {"disbursed": Amount(0, 0)})]
    assert loans_by(groups, "status") == {"disbursed": 5, "overdue": 1}
    assert amounts_by(groups, "purpose", "disbursed") == {"training": Amount(80, 4), "production": Amount(0, 0)}
