"""Reading a closed choice written as one of its labels, in English or in Vietnamese, with or without accents."""

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from hoanhap.spreadsheets.cell_text import read_text
from hoanhap.spreadsheets.columns import CellReader
from hoanhap.spreadsheets.folding import fold

Choice = TypeVar("Choice", bound=StrEnum)


def choice_reader(labels: Mapping[Choice, tuple[str, ...]], what: str) -> CellReader:
    """A reader of the choice whose value ("special_amnesty") or one of whose labels ("Đặc xá") the cell holds;
    the first label of each choice is the one a refusal suggests. Every choice needs a label: adding one to the
    enum without a label here fails at import, not in an officer's file."""
    by_folded_label: dict[str, Choice] = {}
    for choice, choice_labels in labels.items():
        if not choice_labels:
            raise RuntimeError(f"{choice!r} has no label")
        for label in (choice.value, *choice_labels):
            by_folded_label[fold(label)] = choice
    known = ", ".join(choice_labels[0] for choice_labels in labels.values())

    def read_choice(value: object) -> Choice | None:
        text = read_text(value)
        if text is None:
            return None
        choice = by_folded_label.get(fold(text))
        if choice is None:
            raise ValueError(f"{text!r} is not {what}; write one of: {known}")
        return choice

    return read_choice
