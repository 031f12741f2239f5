"""Reading what the sentence was: the Penal Code articles ("Điều 173; Điều 51") and its length ("1 năm 6 tháng")."""

import re

from hoanhap.spreadsheets.cell_text import read_text, whole_number
from hoanhap.spreadsheets.folding import fold

ARTICLE_SEPARATORS = re.compile(r"[,;/+&\n]| và | and ", re.IGNORECASE)
ARTICLE_AFTER_WORD = re.compile(r"\bd(?:ieu)? ?(\d+)")  # "điều 173", "đ173", "Đ. 173", folded
FIRST_NUMBER = re.compile(r"(\d+)")
# Pieces such as "khoản 2" or "điểm a" qualify the article before them; they are no article of their own.
QUALIFIER_WORDS = ("khoan", "diem")
YEARS_AND_MONTHS = re.compile(r"(?:(?P<years>\d+) ?(?:nam|years?))? ?(?:va |and )?"
                              r"(?:(?P<months>\d+) ?(?:thang|months?))?")
HOW_TO_WRITE_LENGTH = "write months (24) or years and months (1 năm 6 tháng)"


def article_in(piece: str) -> int | None:
    """The article a piece of the cell names: the number after "Điều", else its first number."""
    folded = fold(piece)
    if not folded or folded.startswith(QUALIFIER_WORDS):
        return None
    found = ARTICLE_AFTER_WORD.search(folded) or FIRST_NUMBER.search(folded)
    if found is None:
        raise ValueError(f"{piece.strip()!r} names no article number; write e.g. 173 or 'Điều 173; Điều 51'")
    return int(found.group(1))


def read_articles(value: object) -> tuple[int, ...] | None:
    """The article numbers in the cell, in order, each once: "173", "173, 174", "Điều 173 khoản 1; Điều 51"."""
    number = whole_number(value)
    if number is not None:
        return (number,)
    text = read_text(value)
    if text is None:
        return None
    articles = [article_in(piece) for piece in ARTICLE_SEPARATORS.split(text)]
    found = tuple(dict.fromkeys(article for article in articles if article is not None))
    if not found:
        raise ValueError(f"{text!r} names no article number; write e.g. 173 or 'Điều 173; Điều 51'")
    return found


def read_months(value: object) -> int | None:
    """The sentence length in months: 24, "24", "18 tháng", "2 năm" (24), "1 năm 6 tháng" (18)."""
    number = whole_number(value)
    if number is not None:
        return number
    text = read_text(value)
    if text is None:
        return None
    folded = fold(text)
    if folded.isdigit():
        return int(folded)
    parts = YEARS_AND_MONTHS.fullmatch(folded)
    if parts is None or not (parts["years"] or parts["months"]):
        raise ValueError(f"{text!r} is not a length of sentence; {HOW_TO_WRITE_LENGTH}")
    return 12 * int(parts["years"] or 0) + int(parts["months"] or 0)
