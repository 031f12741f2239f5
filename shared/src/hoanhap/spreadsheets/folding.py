"""Comparing what officers type regardless of case, accents, spacing and punctuation ("Ngày  ra trại")."""

import re
import unicodedata

NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
# đ is a letter of its own in Unicode, not d with a mark, so removing marks leaves it untouched.
D_WITH_STROKE = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case, no accents, each run of spaces or punctuation made one space, trimmed."""
    decomposed = unicodedata.normalize("NFD", text.translate(D_WITH_STROKE))
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return NOT_LETTER_OR_DIGIT.sub(" ", without_marks.casefold()).strip()
