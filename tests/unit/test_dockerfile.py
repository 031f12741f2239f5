"""deploy/Dockerfile builds each service's image from the SERVICE build argument (no engine here to build it).

The instructions are read as Docker would with `--build-arg SERVICE=<service>`: the package uv installs, the
console script the image runs and the folders it copies must all be that service's.
"""

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "deploy" / "Dockerfile"
SERVICES = ("registry", "supervision", "credit", "stats")


def instructions(service: str) -> list[tuple[str, str]]:
    """(instruction, arguments) of the Dockerfile, continued lines joined, variables expanded for service."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    variables = {"SERVICE": service, "HOANHAP_SERVICE": service}
    expanded = [re.sub(r"\$\{?(\w+)\}?", lambda name: variables.get(name[1], name[0]), line) for line in lines]
    return [(line.split(maxsplit=1)[0], line.split(maxsplit=1)[1]) for line in expanded]


def arguments_of(service: str, instruction: str) -> list[str]:
    return [arguments for name, arguments in instructions(service) if name == instruction]


def project(folder: str) -> dict:
    return tomllib.loads((REPO / folder / "pyproject.toml").read_text())["project"]


@pytest.mark.parametrize("service", SERVICES)
def test_the_image_installs_only_the_service_package_without_the_dev_group(service):
    syncs = [command for command in arguments_of(service, "RUN") if "uv sync" in command]
    assert syncs == [f"uv sync --frozen --no-dev --package hoanhap-{service}"]
    assert project(f"services/{service}")["name"] == f"hoanhap-{service}"


@pytest.mark.parametrize("service", SERVICES)
def test_the_image_runs_the_console_script_of_the_service_it_installed(service):
    [command] = arguments_of(service, "CMD")
    script = f"hoanhap-{service}"
    assert f"exec /app/.venv/bin/{script}" in command
    assert script in project(f"services/{service}")["scripts"]


@pytest.mark.parametrize("service", SERVICES)
def test_the_image_copies_the_lock_the_shared_package_and_the_service_but_not_the_devstack(service):
    copied = {source for arguments in arguments_of(service, "COPY") for source in arguments.split()[:-1]}
    assert {"pyproject.toml", "uv.lock", "shared", "services"} <= copied
    assert not any(source.startswith("devstack") for source in copied)


def test_a_build_without_the_service_argument_stops_at_once_saying_how():
    first_run = arguments_of("", "RUN")[0]
    assert first_run.startswith('test -n ""') and "--build-arg SERVICE=" in first_run


def test_no_service_keeps_a_dockerfile_of_its_own():
    assert not list((REPO / "services").glob("*/Dockerfile"))
