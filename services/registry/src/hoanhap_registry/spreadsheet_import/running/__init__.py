"""Bulk import: an officer's spreadsheet registered row by row, in the background, with progress and per-row answers."""
