"""Bounded excerpts of text that may quote input of any size, for answers, stored reports, dead letters and held
events: a 20 MB value quoted in full made a 200 MB answer."""

import reprlib

EXCERPT_CHARACTERS = 100


def _shape() -> reprlib.Repr:
    """A repr that walks no more of a nested value than it shows (Python 3.11's Repr takes no arguments)."""
    shape = reprlib.Repr()
    shape.maxlevel, shape.maxdict, shape.maxlist, shape.maxtuple, shape.maxset = 2, 4, 4, 4, 4
    shape.maxstring = shape.maxother = shape.maxlong = EXCERPT_CHARACTERS
    return shape


SHAPE = _shape()


def excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    """The text, or its first `limit` characters and how many more there were."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def value_excerpt(value: object, limit: int = EXCERPT_CHARACTERS) -> object:
    """A JSON value as it is when small (a number, a short string), else a short text showing its start."""
    if value is None or isinstance(value, bool | int | float):
        return value if len(str(value)) <= limit else excerpt(str(value), limit)
    return excerpt(value if isinstance(value, str) else SHAPE.repr(value), limit)
