"""A conversation as a tree of messages (issue 16): queries on the writer thread.

Each message follows its ``parent_id`` (0: the first of a branch). Editing a question or
regenerating a reply adds a sibling, so every version stays. The branch on screen — what
the view shows, what later messages follow and what is sent as history — is the path
from a root to ``conversations.active_leaf``. Where a branch forks, ``message_choice``
remembers the child last chosen (without a row, the newest), so paging back to an
earlier version brings back what followed it as it was left.

Costs: a page of the path is found by walking up from the leaf through the primary key,
``limit`` steps, whatever the size of the tree; siblings come from the
``messages_parent`` index. Every walk moves to strictly smaller (up) or larger (down) ids,
so even a damaged tree cannot make one loop.

To walk a conversation's active path, oldest first (export, search results):
``path_to(conn, conversation_id)``, or a page at a time with ``path_page``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from itertools import pairwise

from app.storage import repo
from app.storage.records import Message

ROOT = 0
"""``parent_id`` of a message that follows none."""
_EVERYTHING = 1 << 62

_UP = """
WITH RECURSIVE up(id, parent_id, n) AS (
    SELECT id, parent_id, 1 FROM messages WHERE id = :start AND conversation_id = :cid
    UNION ALL
    SELECT m.id, m.parent_id, up.n + 1 FROM up JOIN messages m ON m.id = up.parent_id
    WHERE up.n < :limit AND m.conversation_id = :cid AND m.id < up.id
)
SELECT m.* FROM up JOIN messages m ON m.id = up.id ORDER BY m.id
"""
_UP_IDS = _UP.replace(
    "SELECT m.* FROM up JOIN messages m ON m.id = up.id ORDER BY m.id",
    "SELECT id FROM up ORDER BY id",
)

_DOWN = """
WITH RECURSIVE down(id, n) AS (
    SELECT :start, 0
    UNION ALL
    SELECT coalesce(
        (SELECT ch.child_id FROM message_choice ch
         JOIN messages c ON c.id = ch.child_id AND c.parent_id = down.id
         WHERE ch.parent_id = down.id),
        (SELECT max(c.id) FROM messages c WHERE c.parent_id = down.id
         AND c.conversation_id = :cid)), down.n + 1
    FROM down WHERE down.id IS NOT NULL
)
SELECT id FROM down WHERE id IS NOT NULL ORDER BY n DESC LIMIT 1
"""


@dataclass(frozen=True)
class Alternatives:
    """The versions of one message (itself and its siblings), oldest first."""

    ids: tuple[int, ...]
    index: int
    """Where this message is among them (0-based)."""

    @property
    def position(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def previous(self) -> int | None:
        return self.ids[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> int | None:
        return self.ids[self.index + 1] if self.index + 1 < len(self.ids) else None


@dataclass(frozen=True)
class Deleted:
    ids: tuple[int, ...]
    """Every message removed: the one chosen, and the branch after it if it had versions."""
    leaf: int | None
    """The active leaf afterwards."""


def active_leaf(conn: sqlite3.Connection, conversation_id: int) -> int | None:
    """The last message of the branch on screen (None: no messages). A pointer that no
    longer names a message of this conversation falls back to its newest message."""
    row = conn.execute(
        "SELECT m.id FROM conversations c JOIN messages m ON m.id = c.active_leaf"
        " AND m.conversation_id = c.id WHERE c.id = ?",
        (conversation_id,),
    ).fetchone()
    if row is not None:
        return int(row[0])
    row = conn.execute(
        "SELECT max(id) FROM messages WHERE conversation_id = ?", (conversation_id,)
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def parent_of(conn: sqlite3.Connection, message_id: int) -> int:
    row = conn.execute("SELECT parent_id FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise LookupError(message_id)
    return int(row[0] or ROOT)


def _walk_up(
    conn: sqlite3.Connection, conversation_id: int, start: int | None, limit: int
) -> list[Message]:
    if not start or limit <= 0:
        return []
    rows = conn.execute(_UP, {"start": start, "cid": conversation_id, "limit": limit}).fetchall()
    return repo._messages(conn, conversation_id, rows)  # the one row reader


def path_to(
    conn: sqlite3.Connection, conversation_id: int, last_id: int | None = None
) -> list[Message]:
    """The branch from its first message to ``last_id`` (default: the active leaf),
    oldest first; empty for ``ROOT``."""
    if last_id is None:
        last_id = active_leaf(conn, conversation_id)
    return _walk_up(conn, conversation_id, last_id, _EVERYTHING)


def path_ids(conn: sqlite3.Connection, conversation_id: int) -> list[int]:
    """The ids of the active branch, oldest first (no message text read)."""
    leaf = active_leaf(conn, conversation_id)
    if not leaf:
        return []
    rows = conn.execute(_UP_IDS, {"start": leaf, "cid": conversation_id, "limit": _EVERYTHING})
    return [int(row[0]) for row in rows]


def path_page(
    conn: sqlite3.Connection,
    conversation_id: int,
    *,
    before_id: int | None = None,
    limit: int = 60,
) -> tuple[list[Message], bool]:
    """The ``limit`` latest messages of the active branch (those before ``before_id``,
    a message on it), oldest first, and whether older ones remain."""
    start = active_leaf(conn, conversation_id) if before_id is None else parent_of(conn, before_id)
    page = _walk_up(conn, conversation_id, start, limit + 1)
    return page[-limit:] if limit > 0 else [], len(page) > limit


def alternatives(
    conn: sqlite3.Connection, conversation_id: int, message_ids: list[int]
) -> dict[int, Alternatives]:
    """For each of these messages that has other versions: all of them, and its place."""
    if not message_ids:
        return {}
    marks = ",".join("?" * len(message_ids))
    parents = {
        int(row[0]): int(row[1] or ROOT)
        for row in conn.execute(
            f"SELECT id, parent_id FROM messages WHERE id IN ({marks})",  # noqa: S608 - marks only
            message_ids,
        )
    }
    wanted = sorted(set(parents.values()))
    children: dict[int, list[int]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for parent, child in conn.execute(
            "SELECT parent_id, id FROM messages WHERE conversation_id = ? AND parent_id IN"  # noqa: S608 - marks only
            f" ({','.join('?' * len(chunk))}) ORDER BY id",
            (conversation_id, *chunk),
        ):
            children.setdefault(int(parent), []).append(int(child))
    found: dict[int, Alternatives] = {}
    for message_id, parent in parents.items():
        versions = children.get(parent, [])
        if len(versions) > 1 and message_id in versions:
            found[message_id] = Alternatives(tuple(versions), versions.index(message_id))
    return found


def descend(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> int:
    """The leaf reached from ``message_id`` following each fork's remembered choice."""
    row = conn.execute(_DOWN, {"start": message_id, "cid": conversation_id}).fetchone()
    return int(row[0]) if row is not None else message_id


def forget_choice(conn: sqlite3.Connection, parent_id: int) -> None:
    """A new version was added under ``parent_id``: the newest is the one chosen now."""
    conn.execute("DELETE FROM message_choice WHERE parent_id = ?", (parent_id,))


def choose(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> int:
    """Make the branch through ``message_id`` the active one: every fork above it
    remembers the way to it, and the leaf is where its own remembered choices lead.
    Returns the new leaf."""
    exists = conn.execute(
        "SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?",
        (message_id, conversation_id),
    ).fetchone()
    if exists is None:
        raise LookupError(message_id)
    ids = [
        int(row[0])
        for row in conn.execute(
            _UP_IDS, {"start": message_id, "cid": conversation_id, "limit": _EVERYTHING}
        )
    ]
    forks = list(pairwise(ids))
    conn.executemany(
        "INSERT INTO message_choice (parent_id, child_id)"
        " SELECT ?1, ?2 WHERE (SELECT count(*) FROM messages WHERE parent_id = ?1) > 1"
        " ON CONFLICT (parent_id) DO UPDATE SET child_id = excluded.child_id",
        forks,
    )
    leaf = descend(conn, conversation_id, message_id)
    conn.execute("UPDATE conversations SET active_leaf = ? WHERE id = ?", (leaf, conversation_id))
    return leaf


def subtree(conn: sqlite3.Connection, message_id: int) -> list[int]:
    rows = conn.execute(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL"
        " SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id WHERE m.id > sub.id)"
        " SELECT id FROM sub",
        (message_id,),
    ).fetchall()
    return [int(r[0]) for r in rows]


def delete_message(conn: sqlite3.Connection, message_id: int) -> Deleted:
    """Delete one message, keeping the tree whole (in one transaction).

    A message with no other versions goes alone: what followed it now follows its
    parent. A message with other versions takes the branch after it along (that branch
    grew from it alone); the view then shows the version next to it. Usage rows stay:
    the ledger keeps every reply that was generated.
    """
    row = conn.execute(
        "SELECT conversation_id, parent_id FROM messages WHERE id = ?", (message_id,)
    ).fetchone()
    if row is None:
        return Deleted((), None)
    conversation_id, parent = int(row[0]), int(row[1] or ROOT)
    siblings = [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM messages WHERE parent_id = ? AND conversation_id = ? AND id <> ?"
            " ORDER BY id",
            (parent, conversation_id, message_id),
        )
    ]
    leaf = active_leaf(conn, conversation_id)
    own = conn.in_transaction
    if not own:
        conn.execute("BEGIN")
    try:
        if not siblings:
            ids = [message_id]
            conn.execute(
                "UPDATE messages SET parent_id = ? WHERE parent_id = ? AND conversation_id = ?",
                (parent, message_id, conversation_id),
            )
            # Its parent's choice (if any) named it; its own choice is now its parent's.
            conn.execute("DELETE FROM message_choice WHERE parent_id = ?", (parent,))
            conn.execute(
                "UPDATE message_choice SET parent_id = ? WHERE parent_id = ? AND ? <> 0",
                (parent, message_id, parent),
            )
            conn.execute("DELETE FROM message_choice WHERE parent_id = ?", (message_id,))
            new_leaf = (parent or None) if leaf == message_id else leaf
        else:
            ids = subtree(conn, message_id)
            marks = ",".join("?" * len(ids))
            conn.execute(
                f"DELETE FROM message_choice WHERE parent_id IN ({marks}) OR child_id IN ({marks})",  # noqa: S608
                (*ids, *ids),
            )
            new_leaf = leaf
            if leaf in ids:
                # The version before it, else the one after: what the person sees next.
                earlier = [s for s in siblings if s < message_id]
                neighbour = earlier[-1] if earlier else siblings[0]
                new_leaf = descend(conn, conversation_id, neighbour)
                if parent != ROOT:
                    conn.execute(
                        "INSERT OR REPLACE INTO message_choice VALUES (?, ?)",
                        (parent, neighbour),
                    )
        conn.executemany("DELETE FROM messages WHERE id = ?", [(i,) for i in ids])
        conn.execute(
            "UPDATE conversations SET active_leaf = ? WHERE id = ?", (new_leaf, conversation_id)
        )
        if not own:
            conn.execute("COMMIT")
    except BaseException:
        if not own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return Deleted(tuple(ids), new_leaf)
