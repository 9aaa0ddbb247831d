"""Exports over a real database: JSON round trips (messages, attachments, usage,
thinking), Markdown/HTML with images, damaged and foreign files, and the PDF read back
with pypdf, Chinese included."""

from __future__ import annotations

import base64
import json
import sqlite3
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.export.files import images_folder, render, write_text_export
from app.export.json_format import ImportFileError, from_json, import_into, to_json
from app.export.model import load, resolve_conversation
from app.storage import repo
from app.storage.db import open_database
from app.storage.records import Attachment, UsageRecord

# A real 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return open_database(tmp_path / "hearth.sqlite3").connection


def seed(conn: sqlite3.Connection) -> int:
    talk = repo.create_conversation(conn, "模型对比 <script>", "qwen3:8b", "你是助手")
    repo.add_message(
        conn,
        talk.id,
        "user",
        "比较一下这两个模型：**速度**和内存",
        attachments=[Attachment("image/png", PNG, "屏幕 截图.png")],
    )
    reply = repo.add_message(
        conn, talk.id, "assistant", "", engine="ollama", model="qwen3:8b", status="streaming"
    )
    repo.update_message(conn, reply.id, content="Qwen3 更快。\n\n```py\nprint(1)\n```", status="ok")
    repo.record_usage(
        conn,
        UsageRecord(
            ts=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
            engine="ollama",
            model="qwen3:8b",
            is_local=True,
            outcome="ok",
            context_tokens=812,
            output_tokens_estimate=64,
            wall_ms=2000.0,
            input_tokens=800,
            output_tokens=64,
            conversation_id=talk.id,
            message_id=reply.id,
            cost_usd=Decimal("0"),
        ),
    )
    failed = repo.add_message(conn, talk.id, "assistant", "half", status="failed", error="断开")
    assert failed.id
    return talk.id


def test_json_round_trip_keeps_messages_attachments_and_usage(conn: sqlite3.Connection) -> None:
    original = load(conn, seed(conn))
    text = to_json(original)
    document = json.loads(text)
    assert document["format"] == "hearth-conversation" and document["version"] == 1
    new_id = import_into(conn, from_json(text))
    copy = load(conn, new_id)
    assert copy.title == original.title and copy.system_prompt == original.system_prompt
    assert [
        (m.role, m.content, m.status, m.error, m.model, m.created_at) for m in copy.messages
    ] == [(m.role, m.content, m.status, m.error, m.model, m.created_at) for m in original.messages]
    assert copy.messages[0].attachments[0].data == PNG
    assert copy.messages[0].attachments[0].name == "屏幕 截图.png"
    assert copy.messages[1].usage == original.messages[1].usage
    assert copy.messages[1].usage is not None and copy.messages[1].usage["input_tokens"] == 800
    # the copy's usage is shown, not counted in this machine's ledger a second time
    assert conn.execute("SELECT count(*) FROM usage").fetchone()[0] == 1
    # and exporting the copy gives the same document again
    again = json.loads(to_json(copy))
    again["exported_at"] = document["exported_at"]
    # updated_at is the import's own time: it comes first in the list, as anything new
    again["conversation"]["updated_at"] = document["conversation"]["updated_at"]
    assert again == document


def test_thinking_goes_out_and_back_when_the_column_exists(conn: sqlite3.Connection) -> None:
    conversation_id = seed(conn)
    reply_id = conn.execute(
        "SELECT id FROM messages WHERE role = 'assistant' AND status = 'ok'"
    ).fetchone()[0]
    conn.execute("UPDATE messages SET thinking = '先想一想速度' WHERE id = ?", (reply_id,))
    exported = load(conn, conversation_id)
    assert exported.messages[1].thinking == "先想一想速度"
    assert "先想一想速度" in render(exported, "md") and "先想一想速度" in render(exported, "html")
    copy = load(conn, import_into(conn, from_json(to_json(exported))))
    assert copy.messages[1].thinking == "先想一想速度"


def test_markdown_puts_images_beside_and_html_inlines_them(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    exported = load(conn, seed(conn))
    out = tmp_path / "out" / "chat.md"
    out.parent.mkdir()
    write_text_export(exported, "md", out)
    text = out.read_text(encoding="utf-8")
    images = list(images_folder(out).iterdir())
    assert len(images) == 1 and images[0].read_bytes() == PNG
    assert f"]({images_folder(out).name}/{images[0].name})" in text
    assert "qwen3:8b" in text and "800 tokens in, 64 out" in text
    assert "(failed: 断开)" in text
    page = render(exported, "html")
    assert "data:image/png;base64," + base64.b64encode(PNG).decode() in page
    assert "<script>" not in page  # the title is escaped
    assert "&lt;script&gt;" in page


def test_html_never_fetches_what_a_reply_names(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    repo.add_message(conn, talk.id, "assistant", "![x](https://example.com/t.png) <img src=x>")
    page = render(load(conn, talk.id), "html")
    assert 'src="https://example.com' not in page  # at most a link the person may click
    assert "<img src=x>" not in page


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{not json", "not valid JSON"),
        (b"\x80\x81garbage", "not a text file"),
        (b'{"messages": []}', "not a Hearth conversation"),
        (b"[1, 2]", "not a Hearth conversation"),
        (b'{"format": "hearth-conversation", "version": 9, "conversation": {}}', "newer Hearth"),
        (b'{"format": "hearth-conversation", "version": "1"}', "version"),
        (b'{"format": "hearth-conversation", "version": 1}', "no conversation"),
    ],
)
def test_damaged_or_foreign_files_are_refused_in_words(content: bytes, says: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        from_json(content)
    assert says in str(raised.value)


def test_a_damaged_message_is_named_and_nothing_is_stored(conn: sqlite3.Connection) -> None:
    document = json.loads(to_json(load(conn, seed(conn))))
    before = conn.execute("SELECT count(*) FROM conversations").fetchone()[0]
    document["conversation"]["messages"][0]["attachments"][0]["data"] = "not base64!!"
    with pytest.raises(ImportFileError, match="message 1"):
        from_json(json.dumps(document))
    document["conversation"]["messages"][1]["role"] = "wizard"
    with pytest.raises(ImportFileError, match="message"):
        from_json(json.dumps(document))
    assert conn.execute("SELECT count(*) FROM conversations").fetchone()[0] == before


def test_an_imported_conversation_is_searchable(conn: sqlite3.Connection) -> None:
    from app.search.index import search

    text = to_json(load(conn, seed(conn)))
    new_id = import_into(conn, from_json(text))
    assert new_id in {h.conversation_id for h in search(conn, "这两个模型").hits}


def test_resolving_which_conversation(conn: sqlite3.Connection) -> None:
    from app.core.errors import KnownError

    with pytest.raises(KnownError):
        resolve_conversation(conn, "last")
    first = seed(conn)
    assert resolve_conversation(conn, "last") == first
    assert resolve_conversation(conn, str(first)) == first
    for bad in ("abc", "999"):
        with pytest.raises(KnownError):
            resolve_conversation(conn, bad)


def test_pdf_has_the_chinese_text(conn: sqlite3.Connection, tmp_path: Path, qapp: object) -> None:
    import pypdf

    from app.ui.export.pdf import write_pdf

    exported = load(conn, seed(conn))
    out = write_pdf(exported, tmp_path / "chat.pdf")
    reader = pypdf.PdfReader(str(out))
    # CJK fonts map some characters to their Kangxi radical forms; NFKC folds them back.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
    for expected in ("模型对比", "比较一下这两个模型", "Qwen3 更快", "qwen3:8b", "print(1)"):
        assert expected in text.replace("\n", "").replace("\t", " ") or expected in text, expected
    assert reader.metadata is not None and reader.metadata.title == exported.title
