"""Bulk import of an officer's existing list of releases (CSV or XLSX) into validated rows.

`parse_import(content, filename)` yields an ImportRow (with ReleaseFields ready to register) or a RejectedRow (with
the reasons, in words) for each non-blank row; a file that cannot be read at all raises ImportFileError. The reading
of files, headers and cells is hoanhap.spreadsheets', shared with supervision's imports; what is here is the list
of releases: its columns, its sentence and choice cells, and the rules of a release.
See services/registry/docs/bulk-import.md for the columns.
"""

from hoanhap.spreadsheets import ImportFileError
from hoanhap_registry.application.release_input import ReleaseFields
from hoanhap_registry.spreadsheet_import.parsing.judged_files import count_rows, parse_import
from hoanhap_registry.spreadsheet_import.parsing.results import ImportResult, ImportRow, RejectedRow

__all__ = ["ImportFileError", "ImportResult", "ImportRow", "RejectedRow", "ReleaseFields", "count_rows",
           "parse_import"]
