"""Bulk import of an officer's existing list of releases (CSV or XLSX) into validated rows.

`parse_import(content, filename)` yields an ImportRow (with ReleaseFields ready to register) or a RejectedRow (with
the reasons, in words) for each non-blank row; a file that cannot be read at all raises ImportFileError.
See services/registry/docs/bulk-import.md for the columns.
"""

from hoanhap_registry.application.release_input import ReleaseFields
from hoanhap_registry.spreadsheet_import.parsing.errors import ImportFileError
from hoanhap_registry.spreadsheet_import.parsing.judged_files import count_rows, parse_import
from hoanhap_registry.spreadsheet_import.parsing.results import ImportResult, ImportRow, RejectedRow

__all__ = ["ImportFileError", "ImportResult", "ImportRow", "RejectedRow", "ReleaseFields", "count_rows",
           "parse_import"]
