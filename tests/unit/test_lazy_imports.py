"""Every import made inside a function goes through ``serial_imports`` (app/core/lazy.py):
two threads making first imports at once can be handed a half-initialised pydantic."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def unguarded_imports(tree: ast.Module) -> list[int]:
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool, guarded: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner_function = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef
            )
            inner_guarded = guarded or (
                isinstance(child, ast.With)
                and any(
                    isinstance(item.context_expr, ast.Name)
                    and item.context_expr.id == "serial_imports"
                    for item in child.items
                )
            )
            if isinstance(child, ast.Import | ast.ImportFrom) and in_function and not guarded:
                found.append(child.lineno)
            visit(child, inner_function, inner_guarded)

    visit(tree, False, False)
    return found


def test_function_level_imports_are_serialised() -> None:
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        if path.relative_to(APP).parts[0] == "cli":  # one thread: nothing to race with
            continue
        for line in unguarded_imports(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(APP.parent)}:{line}")
    assert offenders == []


def test_the_check_sees_an_unguarded_import() -> None:
    tree = ast.parse(
        "def f():\n    import json\n\ndef g():\n    with serial_imports:\n        import json\n"
    )
    assert unguarded_imports(tree) == [2]
