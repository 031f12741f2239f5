"""Stats' layout holds: a source's slice (registry/, supervision/, credit/) imports no other slice, and the shared
parts (projecting/, figures/) and the live feeds import no slice, so a newcomer can read one source alone."""

import ast
from pathlib import Path

import pytest

import hoanhap_stats

PACKAGE = Path(hoanhap_stats.__file__).parent
SLICES = ("registry", "supervision", "credit")
SHARED = ("projecting", "figures", "live")


def imported_parts(folder: str) -> set[str]:
    """The top-level parts of hoanhap_stats (e.g. "figures") that the folder's modules import."""
    parts = set()
    for path in (PACKAGE / folder).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            parts |= {name.split(".")[1] for name in names if name.startswith("hoanhap_stats.")}
    return parts


@pytest.mark.parametrize("folder", SLICES)
def test_a_source_slice_imports_no_other_slice(folder):
    assert imported_parts(folder) & (set(SLICES) - {folder}) == set()


@pytest.mark.parametrize("folder", SHARED)
def test_the_shared_parts_import_no_slice(folder):
    assert imported_parts(folder) & set(SLICES) == set()


def test_the_check_sees_the_imports():
    assert imported_parts("registry"), "the walk finds the slice's imports"
