"""Reading date cells: real spreadsheet dates, dd/mm/yyyy as written in Vietnam, and yyyy-mm-dd."""

import re
from datetime import date, datetime

from hoanhap.spreadsheets.cell_text import read_text

DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})")
YEAR_MONTH_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
# A CSV saved from a spreadsheet may write a date cell as "2025-01-15 00:00:00".
MIDNIGHT = re.compile(r"[ T]0?0:00(:00)?$")


def read_date(value: object) -> date | None:
    """The date in the cell; None when blank; ValueError for a number or for text that is no date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = read_text(value)
    if text is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{text!r} is not a date; format the cell as a date or write dd/mm/yyyy")
    written = MIDNIGHT.sub("", text)
    parts = DAY_MONTH_YEAR.fullmatch(written) or YEAR_MONTH_DAY.fullmatch(written)
    if parts is None:
        raise ValueError(f"{text!r} is not a date; write dd/mm/yyyy, e.g. 15/01/2025")
    try:
        return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        raise ValueError(f"{text!r} is not a date") from None
