"""No write is fired and forgotten: in the window, every ``writer.submit(...)`` is handed
to ``tasks.watch(...)`` (whose failure reaches the person by default), so a write that
fails can never leave the screen saying something the disk does not."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"


def _is_call_to(node: ast.AST, attribute: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == attribute
    )


def unwatched_writes(source: str) -> list[int]:
    tree = ast.parse(source)
    watched: set[int] = set()
    for node in ast.walk(tree):
        # ``_when`` is ChatPanel's watch with its error dialog.
        watching = _is_call_to(node, "watch") or _is_call_to(node, "_when")
        if watching and isinstance(node, ast.Call) and node.args:
            watched.add(id(node.args[0]))
    return [
        node.lineno
        for node in ast.walk(tree)
        if _is_call_to(node, "submit")
        and isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "writer"
        and id(node) not in watched
    ]


def test_the_check_finds_a_forgotten_write() -> None:
    assert unwatched_writes("ctx.writer.submit(job)\n") == [1]
    assert unwatched_writes("ctx.tasks.watch(ctx.writer.submit(job), done)\n") == []


def test_every_write_from_the_window_is_watched() -> None:
    offenders = [
        f"{path.relative_to(UI.parent.parent)}:{line}"
        for path in sorted(UI.rglob("*.py"))
        for line in unwatched_writes(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
