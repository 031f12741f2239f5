"""Figures about rows with a place of their own filter on that place, and on people only when asked to."""

from dataclasses import fields
from datetime import date

from hoanhap_stats.credit.loans import LoanRow
from hoanhap_stats.credit.rows import LOAN_COLUMNS
from hoanhap_stats.figures.own_place import figure_arguments
from hoanhap_stats.figures.selection import Selection

YEAR = (date(2024, 1, 1), date(2024, 12, 31))


def test_the_place_moves_off_the_registry_conditions_onto_the_rows_own_place():
    arguments = figure_arguments(Selection(*YEAR, province_code="01", commune_code="00004"))
    assert arguments == (*YEAR, None, None, None, None, None, None, None, "01", "00004", False)


def test_a_breakdown_of_people_is_passed_to_the_registry_conditions_and_switches_them_on():
    arguments = figure_arguments(Selection(*YEAR, sex="female", age_band="18-29"))
    assert arguments[4:8] == (None, "female", 18, 29) and arguments[-1] is True


def test_every_loan_column_has_an_sql_type_in_the_rows_order():
    assert list(LOAN_COLUMNS) == [field.name for field in fields(LoanRow)]
