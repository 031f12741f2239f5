"""Public figures withhold counts below the threshold and whatever would reveal them."""

from hoanhap_stats.suppression import Disclosure

PUBLIC = Disclosure(threshold=5, authenticated=False)
OFFICIAL = Disclosure(threshold=5, authenticated=True)


def test_counts_below_the_threshold_are_withheld_but_zero_and_large_ones_shown():
    assert [PUBLIC.count(n) for n in (0, 1, 4, 5, 120)] == [0, None, None, 5, 120]


def test_authenticated_callers_see_every_count():
    assert OFFICIAL.count(1) == 1 and OFFICIAL.rate(1, 3)["rate"] == 1 / 3


def test_a_rate_is_withheld_whole_when_either_count_is_small():
    assert PUBLIC.rate(2, 100) == {"numerator": None, "denominator": None, "rate": None, "suppressed": True}
    assert PUBLIC.rate(10, 100)["rate"] == 0.1


def test_one_withheld_cell_takes_the_next_smallest_with_it_so_the_total_cannot_reveal_it():
    assert PUBLIC.breakdown({"a": 40, "b": 2, "c": 9}) == {"a": 40, "b": None, "c": None}
    assert PUBLIC.breakdown({"a": 40, "b": 2, "c": 3}) == {"a": 40, "b": None, "c": None}
    assert PUBLIC.breakdown({"a": 40, "b": 9}) == {"a": 40, "b": 9}
