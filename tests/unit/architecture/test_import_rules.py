"""The service frame's import rules hold over the whole tree, and each rule catches what it is meant to catch."""

from pathlib import Path

import pytest

from tests.unit.architecture.imports import SERVICES, imports_of
from tests.unit.architecture.rules import (
    domain_outside_its_bounds,
    other_services,
    services_or_devstack_from_runtime,
    upward,
)

SERVICE_PACKAGES = [f"hoanhap_{name}" for name in SERVICES]


def test_every_package_is_read() -> None:
    for package in ("hoanhap", *SERVICE_PACKAGES):
        assert any(found.target.startswith("hoanhap") for found in imports_of(package)), package


@pytest.mark.parametrize("package", SERVICE_PACKAGES)
def test_no_service_imports_another(package: str) -> None:
    assert other_services(imports_of(package), package) == []


def test_the_shared_runtime_imports_no_service_and_not_the_devstack() -> None:
    assert services_or_devstack_from_runtime(imports_of("hoanhap")) == []


@pytest.mark.parametrize("package", SERVICE_PACKAGES)
def test_a_domain_imports_only_the_standard_library_pydantic_the_contracts_and_itself(package: str) -> None:
    assert domain_outside_its_bounds(imports_of(package), package) == []


@pytest.mark.parametrize("package", SERVICE_PACKAGES)
def test_no_import_points_up_the_frame(package: str) -> None:
    assert upward(imports_of(package), package) == []


def planted(tmp_path: Path, files: dict[str, str]) -> Path:
    """A throwaway service package hoanhap_planted made of the given modules."""
    root = tmp_path / "hoanhap_planted"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    return root


def test_the_rules_catch_planted_breaches(tmp_path: Path) -> None:
    root = planted(tmp_path, {
        "domain/state.py": "import asyncpg\nfrom fastapi import HTTPException\nimport datetime\n"
                           "from hoanhap.contracts import Day\nfrom . import events\nfrom ..application import run\n",
        "domain/events.py": "from pydantic import BaseModel\n",
        "application/run.py": "from hoanhap_planted.api.people import router\nfrom ..adapters import views\n",
        "adapters/views.py": "from hoanhap_planted.domain.state import State\n",
        "api/people.py": "from hoanhap_registry.app import app\nfrom hoanhap_planted.application.run import run\n",
    })
    found = list(imports_of("hoanhap_planted", root))
    assert [line.split(" imports ")[1] for line in domain_outside_its_bounds(found, "hoanhap_planted")] == [
        "asyncpg", "fastapi", "hoanhap_planted.application"]
    assert sorted(line.split(" imports ")[1] for line in upward(found, "hoanhap_planted")) == [
        "hoanhap_planted.adapters", "hoanhap_planted.api.people", "hoanhap_planted.application"]
    assert [line.split(" imports ")[1] for line in other_services(found, "hoanhap_planted")] == [
        "hoanhap_registry.app"]
