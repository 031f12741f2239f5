"""A row's stored reasons are bounded, so a page of an import's rows is too: each reason is cut to an excerpt, and
reasons past the row's share are counted instead of listed."""

from hoanhap_registry.spreadsheet_import.running.runner import REASON_CHARACTERS, ROW_REASON_CHARACTERS, stored_reasons


def test_long_and_many_reasons_are_cut_to_the_rows_share_and_the_rest_counted():
    stored = stored_reasons(tuple(f"reason {number}: " + "ư" * 10_000 for number in range(50)))

    assert sum(map(len, stored[:-1])) <= ROW_REASON_CHARACTERS
    assert all(len(reason) <= REASON_CHARACTERS + 30 for reason in stored)
    assert stored[-1] == f"and {50 - len(stored[:-1])} more reasons"


def test_a_rows_usual_reasons_are_kept_whole():
    reasons = ("Ngày ra trại (release_date): '31/02/2025' is not a date", "Giới tính (sex): is required")
    assert stored_reasons(reasons) == list(reasons)
