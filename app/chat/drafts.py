"""Unsent drafts, one per conversation, kept across restarts (Qt-free; run on the writer).

A draft is the text in the box plus its pending images and documents. The new
conversation not started yet has one too, under ``NEW_CONVERSATION`` (0: no conversation
has that id). A conversation's draft goes with it when it is deleted (a trigger in the
migration); an empty draft is no row at all.

Images are kept as their bytes; a document as its extracted text and what the chip
shows (kind, pages, encoding), so a restart needs neither the original file nor a new
extraction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.chat.documents import Document
from app.storage.records import Attachment, utc_now

NEW_CONVERSATION = 0


@dataclass(frozen=True)
class StoredDraft:
    text: str = ""
    images: tuple[Attachment, ...] = field(default=())
    documents: tuple[Document, ...] = field(default=())

    def is_empty(self) -> bool:
        return not (self.text.strip() or self.images or self.documents)


def save_draft(
    conn: sqlite3.Connection,
    key: int,
    text: str,
    images: Sequence[Attachment] | None = None,
    documents: Sequence[Document] | None = None,
) -> None:
    """Store ``key``'s draft. ``images``/``documents`` None: those are unchanged (the
    person only typed), so a large picture is not rewritten on every pause in typing."""
    items_known = images is not None and documents is not None
    if items_known and not text.strip() and not images and not documents:
        conn.execute("DELETE FROM drafts WHERE conversation_id = ?", (key,))
        return
    if not items_known and not text.strip():
        has_items = conn.execute(
            "SELECT 1 FROM draft_items WHERE conversation_id = ? LIMIT 1", (key,)
        ).fetchone()
        if not has_items:
            conn.execute("DELETE FROM drafts WHERE conversation_id = ?", (key,))
            return
    conn.execute(
        "INSERT INTO drafts (conversation_id, text, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text,"
        " updated_at = excluded.updated_at",
        (key, text, utc_now().isoformat()),
    )
    if not items_known:
        return
    assert images is not None and documents is not None
    conn.execute("DELETE FROM draft_items WHERE conversation_id = ?", (key,))
    rows: list[tuple[int, int, str, str, str, bytes, str]] = []
    for image in images:
        rows.append((key, len(rows), "image", image.mime, image.name, image.data, "{}"))
    for document in documents:
        meta = {
            "kind": document.kind,
            "pages": document.pages,
            "empty_pages": document.empty_pages,
            "encoding": document.encoding,
        }
        rows.append(
            (
                key,
                len(rows),
                "document",
                "text/plain",
                document.name,
                document.text.encode("utf-8"),
                json.dumps(meta),
            )
        )
    conn.executemany(
        "INSERT INTO draft_items (conversation_id, position, kind, mime, name, data, meta)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def load_drafts(conn: sqlite3.Connection) -> dict[int, StoredDraft]:
    """Every kept draft, by conversation id (``NEW_CONVERSATION`` for the new one)."""
    texts = {
        int(row[0]): str(row[1]) for row in conn.execute("SELECT conversation_id, text FROM drafts")
    }
    images: dict[int, list[Attachment]] = {}
    docs: dict[int, list[Document]] = {}
    for key, kind, mime, name, data, meta in conn.execute(
        "SELECT conversation_id, kind, mime, name, data, meta FROM draft_items"
        " ORDER BY conversation_id, position"
    ):
        if kind == "image":
            images.setdefault(key, []).append(Attachment(mime, bytes(data), name))
            continue
        try:
            info = json.loads(meta)
        except ValueError:
            info = {}
        if not isinstance(info, dict):
            info = {}
        docs.setdefault(key, []).append(
            Document(
                name,
                str(info.get("kind", "text")),
                bytes(data).decode("utf-8", "replace"),
                pages=int(info.get("pages", 0) or 0),
                empty_pages=int(info.get("empty_pages", 0) or 0),
                encoding=str(info.get("encoding", "")),
            )
        )
    return {
        key: StoredDraft(text, tuple(images.get(key, ())), tuple(docs.get(key, ())))
        for key, text in texts.items()
    }
