"""Reading text-like cells: free text, place codes, citizen ID numbers and counts, as CSV text or as XLSX values.

Each reader returns None for a blank cell and raises ValueError, in words, for a cell it cannot understand.
"""

import re
import unicodedata
from collections.abc import Callable
from datetime import date

WHITESPACE = re.compile(r"\s+")
CITIZEN_ID_DIGITS = 12
GROUPED_DIGITS = re.compile(r"\d+|\d{1,3}(?:[.,\s]\d{3})+")


def whole_number(value: object) -> int | None:
    """The integer a numeric spreadsheet cell holds (173 or 173.0), or None for any other cell."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def as_written(value: object) -> str:
    """A cell as text: 173.0 as "173", a date as yyyy-mm-dd."""
    number = whole_number(value)
    if number is not None:
        return str(number)
    return value.isoformat() if isinstance(value, date) else str(value)


def read_text(value: object) -> str | None:
    """The cell as one line of text in composed Unicode (NFC), inner spaces collapsed; None when blank.

    Text typed with decomposed accents (some keyboards, Windows-1258 files) is composed so names compare equal.
    """
    if value is None:
        return None
    text = WHITESPACE.sub(" ", unicodedata.normalize("NFC", as_written(value))).strip()
    return text or None


def code_reader(width: int) -> Callable[[object], str | None]:
    """A reader of a place code that restores the leading zeros a spreadsheet drops (1 -> "01", 4 -> "00004")."""

    def read_code(value: object) -> str | None:
        text = read_text(value)
        if text is not None and text.isascii() and text.isdigit() and len(text) < width:
            return text.zfill(width)
        return text

    return read_code


def read_citizen_id(value: object) -> str | None:
    """The 12 characters of a citizen ID as written, spaces removed.

    A numeric XLSX cell has lost its leading zeros (every citizen ID starts with 0), so they are restored; text is
    taken as typed, since a short text may be a typing mistake rather than lost zeros.
    """
    number = whole_number(value)
    if number is not None and 0 < number < 10**CITIZEN_ID_DIGITS:
        return f"{number:0{CITIZEN_ID_DIGITS}d}"
    text = read_text(value)
    if text is None:
        return None
    if "e+" in text.casefold():
        raise ValueError(f"{text!r} is a number the spreadsheet shortened; format the column as Text and type the "
                         f"{CITIZEN_ID_DIGITS} digits again")
    return text.replace(" ", "")


def read_count(value: object) -> int | None:
    """A whole number of things: 200, 200.0, "200", "1.000" or "1,000" (thousands grouped as Vietnam writes them);
    the bounds are the model's to check."""
    number = whole_number(value)
    if number is not None:
        return number
    text = read_text(value)
    if text is None:
        return None
    if not isinstance(value, str) or not GROUPED_DIGITS.fullmatch(text):
        raise ValueError(f"{text!r} is not a whole number; write e.g. 200")
    return int(re.sub(r"[.,\s]", "", text))
