"""Reading officers' existing spreadsheets (CSV or XLSX, Vietnamese headers) into judged rows, for every service's
import: file kinds and bounds, header matching with and without diacritics, cell readers, and the refusal shapes
(a file-level ImportFileError, a RejectedRow naming row, column and reason). What a good row becomes, and what is
done with it, is the importing service's."""

from hoanhap.spreadsheets.columns import Column, Columns
from hoanhap.spreadsheets.errors import ImportFileError
from hoanhap.spreadsheets.header import Header
from hoanhap.spreadsheets.rows import (
    AcceptedRow,
    RejectedRow,
    accepted_or_rejected,
    in_column_order,
    judged_rows,
    read_cells,
    validated,
)

__all__ = ["AcceptedRow", "Column", "Columns", "Header", "ImportFileError", "RejectedRow", "accepted_or_rejected",
           "in_column_order", "judged_rows", "read_cells", "validated"]
