"""The frame page's worked example stays true: every file and module it names exists."""

import importlib
import re

from tests.unit.architecture.imports import ROOT, package_root

PAGE = ROOT / "docs" / "service-frame.md"
REGISTRY = package_root("hoanhap_registry")
NAMED_FILE = re.compile(r"`([\w/.-]+\.py)`")
NAMED_MODULE = re.compile(r"`(hoanhap(?:\.\w+)+)`")


def test_every_file_the_frame_page_names_exists_in_the_tree_or_the_registry() -> None:
    named = NAMED_FILE.findall(PAGE.read_text(encoding="utf-8"))
    assert len(named) > 10
    missing = [name for name in named if not ((ROOT / name).exists() or (REGISTRY / name).exists())]
    assert missing == []


def test_every_module_the_frame_page_names_imports() -> None:
    named = set(NAMED_MODULE.findall(PAGE.read_text(encoding="utf-8")))
    assert len(named) > 5
    for name in sorted(named):
        module, _, attribute = name.rpartition(".")
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            assert hasattr(importlib.import_module(module), attribute), name
