"""Edit and branches (issue 16), without Qt: what ``ChatCore``'s small hooks run on the
writer thread.

- An edited question is a new sibling of the one it replaces (the old branch stays, a
  page away), and the reply to it follows it.
- Regenerate adds a sibling reply; earlier replies stay as alternatives (◀ 2/3 ▶).
- Choosing a version makes its branch the active one: what the view shows, what later
  messages follow, what is sent as history (``app.storage.tree``).
- Deleting a message never touches the ledger: ``usage.message_id`` has no foreign key,
  so the usage row of every reply that was generated stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.storage import repo, tree
from app.storage.records import Message
from app.storage.tree import Alternatives, Deleted

if TYPE_CHECKING:
    from app.chat.conversation import LiveReply, Opened, Store

T = TypeVar("T")

__all__ = [
    "Alternatives",
    "BranchHooks",
    "Deleted",
    "anchor",
    "branch_size",
    "delete",
    "store_edit",
    "switch",
]


def _gone() -> KnownError:
    return KnownError(translate("Chat", "This message no longer exists."))


def anchor(conn: sqlite3.Connection, conversation_id: int, redoing: int | None) -> int:
    """The message a new reply follows: the parent of the one it redoes (a sibling), or
    the last message of the active branch."""
    if redoing is not None:
        try:
            return tree.parent_of(conn, redoing)
        except LookupError:
            raise _gone() from None
    return tree.active_leaf(conn, conversation_id) or tree.ROOT


def _message(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> Message:
    rows = conn.execute(
        "SELECT * FROM messages WHERE id = ? AND conversation_id = ?",
        (message_id, conversation_id),
    ).fetchall()
    found = repo._messages(conn, conversation_id, rows)  # the one row reader
    if not found:
        raise _gone()
    return found[0]


def store_edit(
    conn: sqlite3.Connection, conversation_id: int, message_id: int, text: str
) -> Message:
    """Store ``text`` as a new version of the person's message ``message_id`` (its
    images kept), now the end of the active branch; the old version stays."""
    if not text.strip():
        raise KnownError(translate("Chat", "An edited message cannot be empty."))
    original = _message(conn, conversation_id, message_id)
    if original.role != "user":
        raise KnownError(translate("Chat", "Only your own messages can be edited."))
    parent = tree.parent_of(conn, message_id)
    images = [replace(a, id=None) for a in original.attachments]
    edited = repo.add_message(
        conn, conversation_id, "user", text, attachments=images, parent_id=parent
    )
    tree.forget_choice(conn, parent)
    return edited


def switch(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> int:
    """Make the branch through ``message_id`` the active one; returns its leaf."""
    try:
        return tree.choose(conn, conversation_id, message_id)
    except LookupError:
        raise _gone() from None


def delete(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> Deleted:
    """Delete one message (with the branch after it when it has other versions)."""
    _message(conn, conversation_id, message_id)  # it must be this conversation's
    return tree.delete_message(conn, message_id)


def branch_size(conn: sqlite3.Connection, conversation_id: int, message_id: int) -> int:
    """How many messages ``delete`` would remove: for the confirmation's words."""
    parent = tree.parent_of(conn, message_id)
    others = conn.execute(
        "SELECT count(*) FROM messages WHERE parent_id = ? AND conversation_id = ? AND id <> ?",
        (parent, conversation_id, message_id),
    ).fetchone()[0]
    if not others:
        return 1
    return len(tree.subtree(conn, message_id))


def _busy(future: Future[Any]) -> None:
    future.set_exception(KnownError(translate("Chat", "A reply is still being written here.")))


class BranchHooks:
    """``ChatCore``'s edit and branch methods. Each refuses while a reply is being
    written in that conversation: the tree holds still under a reply."""

    _store: Store

    def live(self, conversation_id: int) -> LiveReply | None:
        raise NotImplementedError

    def reply(
        self,
        conversation_id: int,
        local_model: str,
        on_delta: Callable[[str], None] | None = None,
        *,
        replacing: int | None = None,
        alternative_to: int | None = None,
    ) -> Future[LiveReply]:
        raise NotImplementedError

    def _when_idle(self, conversation_id: int, job: Callable[[sqlite3.Connection], T]) -> Future[T]:
        if self.live(conversation_id) is not None:
            busy: Future[T] = Future()
            _busy(busy)
            return busy
        return self._store.submit(job)

    def edit_and_resend(
        self,
        conversation_id: int,
        message_id: int,
        new_text: str,
        local_model: str,
        on_delta: Callable[[str], None] | None = None,
    ) -> Future[LiveReply]:
        """Store ``new_text`` as a new version of the person's message (the old branch
        stays a page away), then ask for the reply to it. Until the first future's
        success the words exist only in the caller's hands: keep them there."""
        started: Future[LiveReply] = Future()

        def chained(future: Future[LiveReply]) -> None:
            exc = future.exception()
            if exc is not None:
                started.set_exception(exc)
            else:
                started.set_result(future.result())

        def stored(future: Future[Message]) -> None:
            exc = future.exception()
            if exc is not None:
                started.set_exception(exc)
                return
            self.reply(conversation_id, local_model, on_delta).add_done_callback(chained)

        self.edit(conversation_id, message_id, new_text).add_done_callback(stored)
        return started

    def edit(self, conversation_id: int, message_id: int, new_text: str) -> Future[Message]:
        """Only store the new version (a view that shows it before the reply starts)."""
        return self._when_idle(
            conversation_id, lambda conn: store_edit(conn, conversation_id, message_id, new_text)
        )

    def switch_branch(
        self, conversation_id: int, message_id: int, limit: int | None = None
    ) -> Future[Opened]:
        """Make the version ``message_id`` (and what followed it) the active branch;
        answers with its newest page, as ``open`` does."""
        with serial_imports:  # at call time: conversation.py imports this module
            from app.chat.conversation import HISTORY_PAGE, open_page

        def job(conn: sqlite3.Connection) -> Opened:
            switch(conn, conversation_id, message_id)
            return open_page(conn, conversation_id, limit or HISTORY_PAGE)

        return self._when_idle(conversation_id, job)

    def delete_message(self, conversation_id: int, message_id: int) -> Future[Deleted]:
        """Delete one message (see ``delete``); the ledger keeps its usage row."""
        return self._when_idle(
            conversation_id, lambda conn: delete(conn, conversation_id, message_id)
        )

    def branch_size(self, conversation_id: int, message_id: int) -> Future[int]:
        return self._store.submit(lambda conn: branch_size(conn, conversation_id, message_id))

    def alternatives(
        self, conversation_id: int, message_ids: list[int]
    ) -> Future[dict[int, Alternatives]]:
        ids = list(message_ids)
        return self._store.submit(lambda conn: tree.alternatives(conn, conversation_id, ids))
