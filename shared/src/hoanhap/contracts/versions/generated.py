"""Committed files generated from code: rendering them, finding stale ones, rewriting them."""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

GeneratedFiles = Mapping[str, str]
"""File contents by path (POSIX, relative to the folder they are committed in)."""


def render_json(document: Any, *, sort_keys: bool = False) -> str:
    """The document as committed: indented JSON, non-ASCII kept readable, newline at the end."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=sort_keys) + "\n"


def stale_files(expected: GeneratedFiles, folder: Path) -> list[str]:
    """Why the committed files in `folder` differ from `expected`, one line per file; empty if current."""
    problems = []
    for path, content in sorted(expected.items()):
        file = folder / path
        if not file.is_file():
            problems.append(f"{path} is missing")
        elif file.read_text(encoding="utf-8") != content:
            problems.append(f"{path} differs from what the code generates")
    for file in sorted(folder.rglob("*.json")):
        path = file.relative_to(folder).as_posix()
        if path not in expected:
            problems.append(f"{path} is committed but the code no longer generates it")
    return problems


def write_files(expected: GeneratedFiles, folder: Path) -> list[str]:
    """Write every file whose content changed; the paths written."""
    written = []
    for path, content in sorted(expected.items()):
        file = folder / path
        if file.is_file() and file.read_text(encoding="utf-8") == content:
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(content, encoding="utf-8")
        written.append(path)
    return written
