"""What a spreadsheet row becomes: a release ready to register, or the reasons it cannot be (hoanhap.spreadsheets'
RejectedRow, the shape every import refuses a row in)."""

from dataclasses import dataclass

from hoanhap.spreadsheets import RejectedRow
from hoanhap_registry.application.release_input import ReleaseFields


@dataclass(frozen=True)
class ImportRow:
    """A row whose every cell was understood and passed every rule; `row_number` as the spreadsheet shows it."""

    row_number: int
    release: ReleaseFields


ImportResult = ImportRow | RejectedRow
__all__ = ["ImportResult", "ImportRow", "RejectedRow"]
