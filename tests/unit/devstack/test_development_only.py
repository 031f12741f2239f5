"""The devstack is for development only: no service image installs it, the development environment does.

A service image runs `uv sync --frozen --no-dev --package hoanhap-<service>`, which installs exactly the locked
dependency closure of that package; so reading uv.lock tells what every image holds without a Docker engine.
"""

import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SERVICES = ("registry", "supervision", "credit", "stats")
DEVSTACK = "hoanhap-devstack"


@pytest.fixture(scope="module")
def locked() -> dict[str, dict]:
    """The packages of uv.lock by name."""
    lock = tomllib.loads((REPO / "uv.lock").read_text())
    return {package["name"]: package for package in lock["package"]}


def closure(locked: dict[str, dict], roots: list[dict]) -> set[str]:
    """Every package the locked dependencies roots reach, with the extras they ask for, whatever the platform."""
    seen: set[tuple[str, str | None]] = set()
    waiting = [(root["name"], extra) for root in roots for extra in (None, *root.get("extra", []))]
    while waiting:
        name, extra = waiting.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        package = locked[name]
        needed = package.get("optional-dependencies", {}).get(extra, []) if extra else package.get("dependencies", [])
        waiting += [(each["name"], wanted) for each in needed for wanted in (None, *each.get("extra", []))]
    return {name for name, _ in seen}


@pytest.mark.parametrize("service", SERVICES)
def test_no_service_image_installs_the_devstack(locked, service):
    installed = closure(locked, [{"name": f"hoanhap-{service}"}])
    assert "hoanhap-shared" in installed, "a closure without the shared package would make this test vacuous"
    assert DEVSTACK not in installed


def test_the_development_environment_installs_the_devstack(locked):
    development = locked["hoanhap"]["dev-dependencies"]["dev"]
    assert DEVSTACK in closure(locked, development)


def test_the_devstack_console_script_comes_from_the_devstack_package():
    shared = tomllib.loads((REPO / "shared" / "pyproject.toml").read_text())["project"]
    devstack = tomllib.loads((REPO / "devstack" / "pyproject.toml").read_text())["project"]
    assert "hoanhap-devstack" not in shared.get("scripts", {})
    assert devstack["scripts"]["hoanhap-devstack"] == "hoanhap_devstack.cli:main"
