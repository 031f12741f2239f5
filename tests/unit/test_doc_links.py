"""Every file the README and the docs name lies in the repository: a newcomer who only clones it can open each."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")), REPO / "deploy" / "README.md"]
NAMED_FILE = re.compile(r"`((?:\.\./|docs/|deploy/)[^`\s]*\.md)`|\]\(((?!https?:)[^)#\s]+\.md)\)")


def named_files(doc: Path) -> list[str]:
    """The markdown files a doc names, in backquotes or as links."""
    return [first or second for first, second in NAMED_FILE.findall(doc.read_text(encoding="utf-8"))]


def test_every_markdown_file_the_docs_name_is_in_the_repository() -> None:
    missing = [(doc.relative_to(REPO).as_posix(), name) for doc in DOCS for name in named_files(doc)
               if not ((REPO / name).resolve().is_relative_to(REPO) and ((REPO / name).exists()
                                                                          or (doc.parent / name).exists()))]
    assert missing == []


def test_the_readme_names_the_design_documents() -> None:
    assert {"docs/architecture.md", "docs/domain.md", "docs/style.md"} <= set(named_files(REPO / "README.md"))
