"""Stats' layout holds: a source's slice (registry/, supervision/, credit/) imports no other slice, and the shared
parts (projecting/, figures/) and the live feeds import no slice, so a newcomer can read one source alone."""

import pytest

from tests.unit.architecture.imports import imports_of, layer_of

SLICES = ("registry", "supervision", "credit")
SHARED = ("projecting", "figures", "live")


def imported_parts(folder: str) -> set[str]:
    """The top-level parts of hoanhap_stats (e.g. "figures") that the folder's modules import."""
    return {layer_of(found.target) or "" for found in imports_of("hoanhap_stats")
            if layer_of(found.module) == folder and found.target.startswith("hoanhap_stats.")}


@pytest.mark.parametrize("folder", SLICES)
def test_a_source_slice_imports_no_other_slice(folder):
    assert imported_parts(folder) & (set(SLICES) - {folder}) == set()


@pytest.mark.parametrize("folder", SHARED)
def test_the_shared_parts_import_no_slice(folder):
    assert imported_parts(folder) & set(SLICES) == set()


def test_the_check_sees_the_imports():
    assert imported_parts("registry"), "the walk finds the slice's imports"
