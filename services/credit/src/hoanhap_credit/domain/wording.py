"""How figures read in a refusal: dates as dd/mm/yyyy, VND with thousands separators, periods in words, in English
and Vietnamese."""

from datetime import date
from fractions import Fraction

from hoanhap.working_days.calendar_periods import Elapsed


def day(on: date) -> str:
    """A date as dd/mm/yyyy, the way Vietnamese papers write it."""
    return on.strftime("%d/%m/%Y")


def vnd(amount: int) -> str:
    """An amount in English: "VND 4,000,000"."""
    return f"VND {amount:,}"


def dong(amount: int) -> str:
    """An amount in Vietnamese: "4.000.000 đồng"."""
    return f"{amount:,}".replace(",", ".") + " đồng"


def _counted(count: int, singular: str) -> str:
    return f"{count} {singular}" if count == 1 else f"{count} {singular}s"


def elapsed_en(elapsed: Elapsed) -> str:
    """"6 years 2 months"; the days are said only when there are no months ("5 years 1 day", "5 years")."""
    tail = _counted(elapsed.months, "month") if elapsed.months else _counted(elapsed.days, "day")
    return _counted(elapsed.years, "year") + (f" {tail}" if elapsed.months or elapsed.days else "")


def elapsed_vi(elapsed: Elapsed) -> str:
    """"6 năm 2 tháng"; the days are said only when there are no months ("5 năm 1 ngày", "5 năm")."""
    tail = f"{elapsed.months} tháng" if elapsed.months else f"{elapsed.days} ngày"
    return f"{elapsed.years} năm" + (f" {tail}" if elapsed.months or elapsed.days else "")


def percent(share: Fraction, decimal_mark: str = ".") -> str:
    """A share as a percentage to one decimal, rounded down so a share below a limit never reads as the limit."""
    tenths = int(share * 1000)  # int() truncates toward zero: shares are never negative
    return f"{tenths // 10}{decimal_mark}{tenths % 10}%"
