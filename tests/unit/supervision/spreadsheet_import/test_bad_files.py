"""Files that are no list of models or outreach (generated: random bytes, a damaged workbook, an old .xls, text
without a header, a hostile workbook) are refused as ImportFileError, the 422 at the body, and never as another
error (a 5xx)."""

import random
from functools import partial

import pytest

from hoanhap.spreadsheets import ImportFileError, judged_rows
from hoanhap_supervision.api.community_sheets import MODEL_COLUMNS, OUTREACH_COLUMNS, model_launch, outreach_report
from tests.support.hostile_files import xlsx_with_huge_inline_cell
from tests.support.spreadsheets import csv_file, xlsx_file

GENERATOR = random.Random(13)
BAD_FILES = {
    "empty": (b"", "mo-hinh.csv"),
    "random bytes": (bytes(GENERATOR.randrange(256) for _ in range(4096)), "mo-hinh.csv"),
    "random bytes named xlsx": (bytes(GENERATOR.randrange(256) for _ in range(4096)), "mo-hinh.xlsx"),
    "a damaged workbook": (xlsx_file([["Tên mô hình"]])[:600], "mo-hinh.xlsx"),
    "an old xls": (b"\xd0\xcf\x11\xe0" + bytes(512), "mo-hinh.xls"),
    "text with no header": (csv_file([["a", "b"], ["1", "2"]]), "mo-hinh.csv"),
    "a huge inline cell": (xlsx_with_huge_inline_cell(2_000), "mo-hinh.xlsx"),
}


@pytest.mark.parametrize("name", BAD_FILES)
@pytest.mark.parametrize("judge", [partial(model_launch, province_code="01", commune_code="00004"),
                                   partial(outreach_report, province_code="01", commune_code="00004")])
def test_a_file_that_is_no_list_is_refused_as_unreadable_and_never_otherwise(name, judge):
    content, filename = BAD_FILES[name]
    columns = MODEL_COLUMNS if judge.func is model_launch else OUTREACH_COLUMNS
    with pytest.raises(ImportFileError):
        list(judged_rows(content, filename, columns, judge))
