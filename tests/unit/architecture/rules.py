"""The import rules of the service frame (docs/service-frame.md), each a function listing what breaks it."""

import sys
from collections.abc import Iterable

from tests.unit.architecture.imports import ModuleImport, layer_of, top_package

SERVICE_PACKAGES = {f"hoanhap_{name}" for name in ("registry", "supervision", "credit", "stats")}
DEVSTACK = ("hoanhap.devstack", "hoanhap_devstack")
# hoanhap.working_days: Vietnam's working calendar and the confirmation deadline, standard library only and pure, so
# the registry and supervision domains share one rule (services may not import each other)
DOMAIN_MAY_IMPORT = ("pydantic", "hoanhap.contracts", "hoanhap.working_days")
UPWARD = {  # layer: the layers it must not import
    "domain": {"application", "adapters", "api"},
    "application": {"adapters", "api"},
    "adapters": {"application", "api"},
}


def is_within(target: str, package: str) -> bool:
    """Whether the dotted name is the package or inside it."""
    return target == package or target.startswith(package + ".")


def other_services(imports: Iterable[ModuleImport], package: str) -> list[str]:
    """Imports of another service's package: services talk only through Kafka."""
    return [str(found) for found in imports
            if top_package(found.target) in SERVICE_PACKAGES - {package}]


def services_or_devstack_from_runtime(imports: Iterable[ModuleImport]) -> list[str]:
    """Imports of a service, or of the devstack, by a runtime module of the shared package."""
    return [str(found) for found in imports
            if not any(is_within(found.module, name) for name in DEVSTACK)
            and (top_package(found.target) in SERVICE_PACKAGES or any(is_within(found.target, name)
                                                                       for name in DEVSTACK))]


def domain_outside_its_bounds(imports: Iterable[ModuleImport], package: str) -> list[str]:
    """Imports by a service's domain of anything but the standard library, pydantic, the contracts and itself."""
    own_domain = f"{package}.domain"
    return [str(found) for found in imports
            if layer_of(found.module) == "domain"
            and top_package(found.target) not in sys.stdlib_module_names
            and not any(is_within(found.target, allowed) for allowed in (*DOMAIN_MAY_IMPORT, own_domain))]


def upward(imports: Iterable[ModuleImport], package: str) -> list[str]:
    """Imports against the frame's arrows: api → application → domain, adapters wired in by app.py."""
    broken = []
    for found in imports:
        forbidden = UPWARD.get(layer_of(found.module) or "", set())
        if is_within(found.target, package) and layer_of(found.target) in forbidden:
            broken.append(str(found))
    return broken
