"""Benchmark: opening a conversation that is a tree (issue 16), side by side with the
linear read it replaced, in one run.

    .venv/bin/python tests/bench/bench_branches.py

For conversations of 5,000 messages — linear (an old conversation), and branched (a
regenerated version beside every fifth reply, an edited question with its own branch of
40 messages every 100) — it prints the median time of:

- ``open_page``: what ``ChatCore.open`` runs (the newest HISTORY_PAGE messages of the
  active branch and their versions), against ``repo.list_messages_page`` (the newest page
  by id, what 0.1.0 read: not right for a tree, measured as the baseline);
- ``tree.path_to``: the whole active branch (what a reply sends as history), against
  ``repo.list_messages`` (every message);
- ``switch_branch`` to the oldest version and back (choose + the page);
- inserting one message (the trigger that keeps the active leaf) against the same insert
  into a table without it.
Also the migration of a 0.1.0-shaped database of 100,000 linear messages, and the view:
``show_messages`` of 1,000 messages until painted, with every message given a pager and
Edit by ``BranchControls`` (the worst case) against the bare view.
Budget: opening ≤ 150 ms at 5,000 messages (bench_view's budget for the whole open).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.chat.branches import switch
from app.chat.conversation import HISTORY_PAGE, open_page
from app.storage import repo, tree
from app.storage.db import connect, open_database
from app.storage.schema import MIGRATIONS

SIZE = 5000
ROUNDS = 15
TEXT = "A reply of a usual length, with a sentence or two and some detail. " * 8


def median_ms(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build(conn: sqlite3.Connection, branched: bool) -> tuple[int, int]:
    """A conversation of SIZE messages; returns (id, an old version to switch to)."""
    conversation = repo.create_conversation(conn, "branched" if branched else "linear")
    cid, old_version, made = conversation.id, 0, 0
    while made < SIZE:
        question = repo.add_message(conn, cid, "user", f"Question {made}?")
        made += 1
        if branched and made % 100 == 1 and made > 1:
            # An edited question: the old one keeps a branch of 40 messages.
            for i in range(40):
                repo.add_message(conn, cid, "assistant" if i % 2 == 0 else "user", TEXT)
            made += 40
            edited = repo.add_message(
                conn, cid, "user", "Edited?", parent_id=tree.parent_of(conn, question.id)
            )
            tree.forget_choice(conn, tree.parent_of(conn, question.id))
            question = edited
            made += 1
        if branched and made % 5 == 0:
            old = repo.add_message(conn, cid, "assistant", TEXT)
            old_version = old_version or old.id
            made += 1
            repo.add_message(conn, cid, "assistant", TEXT, parent_id=question.id)
            tree.forget_choice(conn, question.id)
        else:
            repo.add_message(conn, cid, "assistant", TEXT)
        made += 1
    return cid, old_version


def bench_open(folder: Path) -> None:
    conn = open_database(folder / "tree.sqlite3").connection
    for branched in (False, True):
        cid, old = build(conn, branched)
        count = conn.execute(
            "SELECT count(*) FROM messages WHERE conversation_id = ?", (cid,)
        ).fetchone()[0]
        path = len(tree.path_to(conn, cid))
        label = "branched" if branched else "linear"
        print(f"\n{label}: {count} messages, {path} on the active branch")
        page = median_ms(lambda cid=cid: open_page(conn, cid, HISTORY_PAGE))
        base = median_ms(lambda cid=cid: repo.list_messages_page(conn, cid, limit=HISTORY_PAGE + 1))
        print(
            f"  open (page of the active branch) {page:7.2f} ms  | by id {base:7.2f} ms"
            f"  | ratio {page / base:5.2f} | budget 150 ms: {page / 150:.1%}"
        )
        whole = median_ms(lambda cid=cid: tree.path_to(conn, cid), 5)
        every = median_ms(lambda cid=cid: repo.list_messages(conn, cid), 5)
        print(
            f"  history (whole active branch)    {whole:7.2f} ms  | every message"
            f" {every:7.2f} ms | ratio {whole / every:5.2f}"
        )
        if old:
            leaf = tree.active_leaf(conn, cid)
            assert leaf is not None

            def there_and_back(cid: int = cid, old: int = old, leaf: int = leaf) -> None:
                switch(conn, cid, old)
                open_page(conn, cid, HISTORY_PAGE)
                switch(conn, cid, leaf)
                open_page(conn, cid, HISTORY_PAGE)

            print(
                f"  switch to the oldest version and back, each with its page:"
                f" {median_ms(there_and_back, 5) / 2:7.2f} ms a switch"
            )
    conn.close()


def bench_insert(folder: Path) -> None:
    conn = open_database(folder / "insert.sqlite3").connection
    cid = repo.create_conversation(conn, "inserts").id
    plain = open_database(folder / "plain.sqlite3").connection
    plain.execute("DROP TRIGGER messages_follow_leaf")  # the same file, without the leaf
    plain_id = repo.create_conversation(plain, "plain").id

    def ours() -> None:
        repo.add_message(conn, cid, "assistant", TEXT)

    def theirs() -> None:  # what add_message did before issue 16
        with plain:
            plain.execute("BEGIN")
            plain.execute(
                "INSERT INTO messages (conversation_id, role, content, created_at)"
                " VALUES (?, 'assistant', ?, '2026-12-01T00:00:00.000000Z')",
                (plain_id, TEXT),
            )
            repo.touch_conversation(plain, plain_id)

    mine, base = median_ms(ours, 300), median_ms(theirs, 300)
    print(
        f"\ninsert one message: add_message (parent + leaf kept) {mine:6.3f} ms | without"
        f" {base:6.3f} ms | ratio {mine / base:5.2f}"
    )
    conn.close()
    plain.close()


def bench_migration(folder: Path) -> None:
    path = folder / "old.sqlite3"
    conn = connect(path)
    for number, step in enumerate(MIGRATIONS[:6], start=1):
        conn.executescript(step)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("BEGIN")
    for c in range(100):
        conn.execute(
            "INSERT INTO conversations (title, created_at, updated_at) VALUES (?, '', '')",
            (f"c{c}",),
        )
    conn.executemany(
        "INSERT INTO messages (conversation_id, role, content, created_at)"
        " VALUES (?, ?, 'x', '2026-01-01T00:00:00.000000Z')",
        ((1 + i % 100, "user" if i % 2 else "assistant") for i in range(100_000)),
    )
    conn.execute("COMMIT")
    conn.close()
    started = time.perf_counter()
    opened = open_database(path).connection
    took = (time.perf_counter() - started) * 1000
    linear = all(len(tree.path_to(opened, cid)) == 1000 for cid in (1, 50, 100))
    print(
        f"\nmigrating 100,000 messages of 0.1.0 (all later steps): {took:7.0f} ms;"
        f" each conversation one branch of 1,000: {linear}"
    )
    opened.close()


def bench_view() -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.storage.tree import Alternatives
    from app.ui.chat.branch_pager import BranchControls
    from app.ui.chat.markdown import prewarm
    from app.ui.chat.message_list import MessageList
    from tests.bench.bench_view import messages, pump

    app = QApplication.instance() or QApplication([])
    prewarm()
    records = messages(1000)

    def once(decorated: bool) -> float:
        view = MessageList()
        view.resize(900, 700)
        view.show()
        if decorated:
            controls = BranchControls(view, lambda _f, _cb: None, view)
            controls.set_versions({m.id: Alternatives((m.id, -m.id), 0) for m in records})
            view.decorate = controls.decorate
        started = time.perf_counter()
        view.show_messages(records)
        app.processEvents()
        view.viewport().repaint()
        took = (time.perf_counter() - started) * 1000
        pump(app, 300)  # the idle building ahead, before the next round
        view.close()
        view.deleteLater()
        app.processEvents()
        return took

    once(False), once(True)
    bare = statistics.median(once(False) for _ in range(5))
    full = statistics.median(once(True) for _ in range(5))
    print(
        f"\nview: open 1,000 messages {bare:6.1f} ms bare | every one with a pager and Edit"
        f" {full:6.1f} ms | ratio {full / bare:5.2f} | budget 150 ms: {full / 150:.0%}"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="hearth-bench-branches-") as tmp:
        folder = Path(tmp)
        bench_open(folder)
        bench_insert(folder)
        bench_migration(folder)
    bench_view()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
