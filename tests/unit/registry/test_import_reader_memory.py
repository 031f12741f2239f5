"""The process that reads an upload has bounded memory: a workbook that needs more fails with the reason, in
words, and the service's own process is untouched."""

import asyncio

import pytest

from hoanhap_registry.spreadsheet_import.parsing import ImportFileError
from hoanhap_registry.spreadsheet_import.running.reading import READER_MEMORY_BYTES, start_reading
from tests.support.hostile_files import xlsx_with_unused_shared_string

SMALL_MEMORY = 200 * 1024 * 1024


def test_a_workbook_needing_more_memory_than_the_reader_may_use_is_refused_with_the_reason():
    content = xlsx_with_unused_shared_string(50 * 1024 * 1024)
    with pytest.raises(ImportFileError, match="needs more than the 200 MB an import may use"):
        asyncio.run(start_reading(content, "danh-sach.xlsx", SMALL_MEMORY))


def test_the_same_workbook_is_read_within_the_memory_an_import_may_use():
    reader = asyncio.run(start_reading(xlsx_with_unused_shared_string(50 * 1024 * 1024), "danh-sach.xlsx",
                                       READER_MEMORY_BYTES))
    reader.close()
    assert reader.total_rows == 1
