"""Bulk import of an officer's existing list of releases (CSV or XLSX) into validated rows.

`parse_import(content, filename)` yields an ImportRow (with ReleaseFields ready to register) or a RejectedRow (with
the reasons, in words) for each non-blank row; a file that cannot be read at all raises ImportFileError.
See services/registry/docs/bulk-import.md for the columns.
"""

from hoanhap_registry.bulk_import.errors import ImportFileError
from hoanhap_registry.bulk_import.parsing import count_rows, parse_import
from hoanhap_registry.bulk_import.results import ImportResult, ImportRow, RejectedRow
from hoanhap_registry.release_fields import ReleaseFields

__all__ = ["ImportFileError", "ImportResult", "ImportRow", "RejectedRow", "ReleaseFields", "count_rows",
           "parse_import"]
