"""Public tables withhold small cells and, by complementary suppression, whatever would give them away: in no
published table can a withheld cell be worked out from the total less the shown cells."""

from hoanhap_stats.figures.disclosure import Disclosure, rate_of
from hoanhap_stats.figures.suppression import suppress_table

THRESHOLD = 5
PUBLIC = Disclosure(threshold=THRESHOLD, exact=False)
PUBLIC_COMMUNE = Disclosure(threshold=THRESHOLD, exact=False, commune_level=True)
JURISDICTION = Disclosure(threshold=THRESHOLD, exact=True, commune_level=True)


def withheld_sum(total: int, cells: dict[str, int]) -> int | None:
    """What the withheld cells add up to (the total less the shown ones), or None when the total is withheld."""
    shown = suppress_table(total, cells, THRESHOLD)
    return None if shown.total is None else sum(value for key, value in cells.items() if shown.cells[key] is None)


def test_a_table_without_small_cells_is_shown_whole():
    assert suppress_table(30, {"a": 10, "b": 20}, THRESHOLD).cells == {"a": 10, "b": 20}


def test_one_small_cell_takes_the_smallest_other_non_zero_cell_with_it():
    shown = suppress_table(52, {"a": 40, "b": 3, "c": 9, "d": 0}, THRESHOLD)
    assert shown.total == 52 and shown.cells == {"a": 40, "b": None, "c": None, "d": 0}


def test_two_small_cells_summing_below_the_threshold_take_a_third_with_them():
    shown = suppress_table(53, {"a": 40, "b": 1, "c": 2, "d": 10}, THRESHOLD)
    assert shown.cells == {"a": 40, "b": None, "c": None, "d": None}


def test_two_small_cells_summing_to_the_threshold_protect_each_other():
    assert suppress_table(43, {"a": 40, "b": 1, "c": 4}, THRESHOLD).cells == {"a": 40, "b": None, "c": None}


def test_a_small_total_withholds_itself_and_every_cell():
    shown = suppress_table(4, {"a": 4, "b": 0}, THRESHOLD)
    assert shown.total is None and shown.cells == {"a": None, "b": None}


def test_zero_cells_and_a_zero_total_are_shown():
    assert suppress_table(0, {"a": 0, "b": 0}, THRESHOLD) == suppress_table(0, {"a": 0, "b": 0}, 1)
    assert suppress_table(0, {"a": 0, "b": 0}, THRESHOLD).cells == {"a": 0, "b": 0}


def test_when_every_non_zero_cell_is_needed_every_one_is_withheld_and_the_total_still_shown():
    shown = suppress_table(7, {"a": 3, "b": 4}, THRESHOLD)
    assert shown.total == 7 and shown.cells == {"a": None, "b": None}


def test_an_unpublished_cell_counts_as_withheld_so_it_too_gets_a_complement():
    shown = suppress_table(32, {"a": 20, "b": 10, "rest": 2}, THRESHOLD, unpublished=frozenset({"rest"}))
    assert shown.cells == {"a": 20, "b": None, "rest": None}


def test_withheld_cells_of_a_shown_total_add_up_to_at_least_the_threshold_or_none_are_withheld():
    tables = [{"a": 1}, {"a": 1, "b": 1, "c": 1, "d": 50}, {"a": 4, "b": 5, "c": 6}, {"a": 2, "b": 0, "c": 100},
              {"a": 9, "b": 9, "c": 1, "d": 1, "e": 1}, {"a": 3, "b": 1}]
    for cells in tables:
        total = sum(cells.values())
        assert withheld_sum(total, cells) in {None, 0} | set(range(THRESHOLD, total + 1)), cells


def test_a_rate_is_shown_only_when_both_its_counts_are_each_count_as_its_own_table_shows_it():
    assert rate_of(None, 100) == {"numerator": None, "denominator": 100, "rate": None, "suppressed": True}
    assert rate_of(10, None)["suppressed"]
    assert rate_of(10, 100) == {"numerator": 10, "denominator": 100, "rate": 0.1, "suppressed": False}


def test_a_breakdown_is_suppressed_against_its_total_like_a_table():
    assert PUBLIC.breakdown({"parole": 40, "amnesty": 2, "pardon": 9}, 51) == {
        "parole": 40, "amnesty": None, "pardon": None}


def test_a_breakdown_of_a_withheld_total_is_withheld_whole():
    assert PUBLIC.breakdown({"parole": 3, "amnesty": 0}, None) == {"parole": None, "amnesty": None}


def test_a_commune_publishes_no_breakdown_since_it_would_difference_against_its_provinces():
    assert PUBLIC_COMMUNE.breakdown({"parole": 40, "amnesty": 20}, 60) == {"parole": None, "amnesty": None}


def test_the_jurisdiction_sees_every_cell():
    assert JURISDICTION.breakdown({"parole": 1, "amnesty": 0}, 1) == {"parole": 1, "amnesty": 0}
