"""What a spreadsheet row becomes: a release ready to register, or the reasons it cannot be."""

from dataclasses import dataclass

from hoanhap_registry.application.release_input import ReleaseFields


@dataclass(frozen=True)
class ImportRow:
    """A row whose every cell was understood and passed every rule; `row_number` as the spreadsheet shows it."""

    row_number: int
    release: ReleaseFields


@dataclass(frozen=True)
class RejectedRow:
    """A row refused; each reason names the column (as headed in the file, then its English name) and the problem."""

    row_number: int
    reasons: list[str]


ImportResult = ImportRow | RejectedRow
