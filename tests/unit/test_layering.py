"""Hearth's layers, checked from the source: each package imports only the layers below
it, the domain never imports Qt, and no two modules import each other (directly or round
a loop) when loaded. A cycle is what made an import order matter and start-up fragile;
Qt in the domain is what would make the chat lifecycle untestable without a window."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"

# What each package may import from app (beside itself). Listed bottom up.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "storage": {"core"},
    "hardware": {"core"},
    "engines": {"core", "hardware"},
    "pricing": {"core"},
    "privacy": {"core", "storage", "engines"},
    "cloud": {"core", "engines", "storage", "pricing"},
    "library": {"core", "hardware", "engines", "storage"},
    "ledger": {"core", "storage", "engines", "pricing", "hardware", "cloud"},
    "chat": {"core", "storage", "engines", "cloud", "privacy", "ledger", "pricing", "hardware"},
    "search": {"core", "storage"},
    "export": {"core", "storage"},
}
QT_FREE = set(ALLOWED)


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top_level_imports(path: Path) -> list[str]:
    """Modules imported when ``path`` is loaded: not those inside functions or behind
    ``if TYPE_CHECKING``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append(node.module)
                found.extend(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    visit(node.body)
                    visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    visit(tree.body)
    return found


MODULES = {module_name(p): p for p in APP.rglob("*.py")}


def app_imports(path: Path) -> set[str]:
    return {m for m in top_level_imports(path) if m in MODULES and m != module_name(path)}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_layer_imports_only_what_is_below_it(package: str) -> None:
    wrong = sorted(
        f"{name} imports {imported}"
        for name, path in MODULES.items()
        if package_of(name) == package
        for imported in app_imports(path)
        if package_of(imported) not in ALLOWED[package] | {package}
    )
    assert not wrong, wrong


def test_the_domain_never_imports_qt() -> None:
    wrong = sorted(
        f"{name} imports {imported}"
        for name, path in MODULES.items()
        if package_of(name) in QT_FREE
        for imported in top_level_imports(path)
        if imported.split(".")[0] in ("PySide6", "shiboken6")
    )
    assert not wrong, wrong


def test_no_import_cycles() -> None:
    # A package's __init__ is loaded before its modules; an edge to it is not a loop back.
    graph = {
        name: {m for m in app_imports(path) if not name.startswith(m + ".")}
        for name, path in MODULES.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node)
    assert not cycles, cycles


def test_the_checker_sees_a_cycle_and_a_wrong_layer(tmp_path: Path) -> None:
    """The rules above would pass on nothing: show they catch what they claim to."""
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from app.ui.tasks import TaskRunner\n"
        "if TYPE_CHECKING:\n    from app.chat import conversation\n"
        "def f():\n    import app.cli\n",
        encoding="utf-8",
    )
    assert top_level_imports(source) == [
        "typing",
        "typing.TYPE_CHECKING",
        "app.ui.tasks",
        "app.ui.tasks.TaskRunner",
    ]
