"""Drafts on disk (app/chat/drafts.py) in a real SQLite file, including one migrated from
what release 0.1.0 wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.chat.documents import Document
from app.chat.drafts import NEW_CONVERSATION, StoredDraft, load_drafts, save_draft
from app.storage import repo
from app.storage.records import Attachment
from app.storage.writer import SerialWriter

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # the bytes are kept as they are; not decoded here


def test_drafts_in_a_database_from_release_0_1_0(tmp_path: Path) -> None:
    shutil.copy(FIXTURE / "hearth.sqlite3", tmp_path / "hearth.sqlite3")
    writer = SerialWriter(tmp_path / "hearth.sqlite3")
    try:
        writer.opened().result(10)
        conversation = writer.call(repo.list_conversations)[0]
        doc = Document("纪要.txt", "text", "会议纪要", encoding="gb18030")
        pdf = Document("scan.pdf", "pdf", "[Page 1]\ntext", pages=3, empty_pages=2)
        image = Attachment("image/png", PNG, "shot.png")
        writer.call(lambda c: save_draft(c, conversation.id, "draft for 0.1.0's", [image], [doc]))
        writer.call(lambda c: save_draft(c, NEW_CONVERSATION, "new one", [], [pdf]))
        drafts = writer.call(load_drafts)
        assert drafts[conversation.id] == StoredDraft("draft for 0.1.0's", (image,), (doc,))
        assert drafts[NEW_CONVERSATION].documents == (pdf,)

        # Typing alone: the text changes, the items stay without being rewritten.
        writer.call(lambda c: save_draft(c, conversation.id, "typed more"))
        kept = writer.call(load_drafts)[conversation.id]
        assert kept.text == "typed more" and kept.images == (image,) and kept.documents == (doc,)
        # Text deleted but a document still pending: still a draft.
        writer.call(lambda c: save_draft(c, NEW_CONVERSATION, ""))
        assert writer.call(load_drafts)[NEW_CONVERSATION].documents == (pdf,)
        # Everything gone: no row at all.
        writer.call(lambda c: save_draft(c, NEW_CONVERSATION, "", [], []))
        assert NEW_CONVERSATION not in writer.call(load_drafts)
        items = writer.call(lambda c: c.execute("SELECT count(*) FROM draft_items").fetchone()[0])
        assert items == 2  # the image and the document of the conversation's draft

        # The conversation deleted: its draft and items go with it.
        writer.call(
            lambda c: c.execute("DELETE FROM conversations WHERE id = ?", (conversation.id,))
        )
        assert writer.call(load_drafts) == {}
        items = writer.call(lambda c: c.execute("SELECT count(*) FROM draft_items").fetchone()[0])
        assert items == 0
    finally:
        writer.close()


def test_a_damaged_meta_row_still_loads(tmp_path: Path) -> None:
    writer = SerialWriter(tmp_path / "hearth.sqlite3")
    try:
        writer.opened().result(10)
        writer.call(lambda c: save_draft(c, 5, "x", [], [Document("a.md", "text", "body")]))
        writer.call(lambda c: c.execute("UPDATE draft_items SET meta = 'not json'"))
        assert writer.call(load_drafts)[5].documents == (Document("a.md", "text", "body"),)
    finally:
        writer.close()
