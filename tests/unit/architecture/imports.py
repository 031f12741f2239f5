"""What each module of the project imports, read from its source (nothing is imported to find out)."""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SERVICES = ("registry", "supervision", "credit", "stats")


@dataclass(frozen=True)
class ModuleImport:
    """One import statement's target, as an absolute dotted name, in the module that makes it."""

    module: str
    path: Path
    line: int
    target: str

    def __str__(self) -> str:
        where = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{where}:{self.line} imports {self.target}"


def package_root(package: str) -> Path:
    """The source folder of a first-party package: hoanhap (shared), hoanhap_<service>, hoanhap_devstack."""
    if package == "hoanhap":
        return ROOT / "shared" / "src" / "hoanhap"
    if package == "hoanhap_devstack":
        return ROOT / "devstack" / "src" / "hoanhap_devstack"
    return ROOT / "services" / package.removeprefix("hoanhap_") / "src" / package


def imports_of(package: str, root: Path | None = None) -> Iterator[ModuleImport]:
    """Every import made by every module of the package (found in root, by default its folder in the tree)."""
    root = root or package_root(package)
    for path in sorted(root.rglob("*.py")):
        module = ".".join((package, *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            for target in targets(node, module, path.name == "__init__.py"):
                yield ModuleImport(module, path, node.lineno, target)


def targets(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The absolute names an import node brings in (relative imports resolved against the module)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parts = module.split(".")
            anchor = parts if is_package else parts[:-1]
            anchor = anchor[:len(anchor) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        return [base]
    return []


def top_package(target: str) -> str:
    """The top-level package of a dotted name: "hoanhap_registry" for "hoanhap_registry.domain.state"."""
    return target.split(".", 1)[0]


def layer_of(name: str) -> str | None:
    """The first folder or module below a service package: its frame layer ("domain", "application", "adapters",
    "api"), a wing, or a root module such as "app"; None for the package itself."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else None
