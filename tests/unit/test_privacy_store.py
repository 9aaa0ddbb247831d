"""The gate's records (schema 7) in a real SQLite file, and a schema-6 database upgrading."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.engines.base import ChatMessage, ChatRequest
from app.privacy.egress import provider_destination
from app.privacy.gate import (
    Action,
    Decision,
    Status,
    apply_decision,
    check_outbound,
)
from app.privacy.store import (
    history_for,
    load_allowances,
    load_sent,
    record_sent,
    redacted_versions,
    sent_as_note,
)
from app.storage import repo
from app.storage.db import open_database
from app.storage.records import Attachment
from app.storage.schema import MIGRATIONS, SCHEMA_VERSION

AWS = "AKIAIOSFODNN7EXAMPLE"
CLOUD = provider_destination(
    "anthropic", "claude-sonnet-4-5", "https://api.anthropic.com", is_local=False
)


def schema_6_database(path: Path) -> None:
    """A database exactly as the release before the gate left it, with some of everything."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for script in MIGRATIONS[:6]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(
        "INSERT INTO conversations (id, title, created_at, updated_at, system_prompt,"
        " cloud_provider, cloud_model) VALUES (1, '旧的对话', '2026-11-01T08:00:00.000000Z',"
        " '2026-11-01T08:05:00.000000Z', 'Be brief.', 'anthropic', 'claude-sonnet-4-5')"
    )
    conn.execute(
        "INSERT INTO messages (id, conversation_id, role, content, created_at) VALUES"
        " (1, 1, 'user', ?, '2026-11-01T08:00:00.000000Z')",
        (f"我的密钥 {AWS}",),
    )
    conn.execute(
        "INSERT INTO messages (id, conversation_id, role, content, created_at, engine, model)"
        " VALUES (2, 1, 'assistant', '好的', '2026-11-01T08:00:01.000000Z', 'anthropic',"
        " 'claude-sonnet-4-5')"
    )
    conn.execute(
        "INSERT INTO attachments (message_id, mime, name, data)"
        " VALUES (1, 'image/png', 'a.png', ?)",
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)),),
    )
    conn.execute(
        "INSERT INTO usage (ts, conversation_id, message_id, engine, provider, model, is_local,"
        " outcome, context_tokens, output_tokens_estimate, wall_ms, cost_usd) VALUES"
        " ('2026-11-01T08:00:01.000000Z', 1, 2, 'anthropic', 'anthropic', 'claude-sonnet-4-5',"
        " 0, 'ok', 120, 4, 900.0, '0.0004')"
    )
    conn.close()


OLD_TABLES = ("conversations", "messages", "attachments", "usage", "ledger_rollup", "ledger_daily")


def test_schema_6_database_migrates_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "hearth.sqlite3"
    schema_6_database(path)
    before = sqlite3.connect(path)
    # Later steps may add columns; what the old table held must come through unchanged.
    columns = {
        table: ", ".join(row[1] for row in before.execute(f"PRAGMA table_info({table})"))
        for table in OLD_TABLES
    }
    dumps = {
        table: sorted(before.execute(f"SELECT {columns[table]} FROM {table}").fetchall(), key=repr)
        for table in (
            "conversations",
            "messages",
            "attachments",
            "usage",
            "ledger_rollup",
            "ledger_daily",
        )
    }
    before.close()
    assert all(dumps.values())  # every table holds something to lose

    conn = open_database(path).connection
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 7
    for table, rows in dumps.items():
        after = conn.execute(f"SELECT {columns[table]} FROM {table}").fetchall()
        assert sorted((tuple(r) for r in after), key=repr) == rows, table
    messages = repo.list_messages(conn, 1)
    assert messages[0].content == f"我的密钥 {AWS}"
    assert messages[0].attachments[0].name == "a.png"
    assert load_sent(conn, 1, CLOUD.key) == {}
    assert load_allowances(conn, 1) == {}
    conn.close()


def test_a_redacted_send_is_recorded_beside_the_untouched_original(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "hearth.sqlite3").connection
    conversation = repo.create_conversation(conn, "t", "m", system_prompt="")
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    message = repo.add_message(
        conn, conversation.id, "user", f"key {AWS}", attachments=[Attachment("image/png", png)]
    )
    wire = ChatRequest("m", (ChatMessage("user", message.content, (png,)),))
    history = history_for(conversation, [message], load_sent(conn, conversation.id, CLOUD.key))
    check = check_outbound(wire, CLOUD, local_only=False, history=history)
    assert check.status is Status.ASK
    out = apply_decision(check, Decision(Action.REDACT, remember=True))
    record_sent(conn, conversation.id, out)

    stored = repo.list_messages(conn, conversation.id)[0]
    assert stored.content == f"key {AWS}"  # the person's words stay as written
    assert stored.attachments[0].data == png
    (shown,) = redacted_versions(conn, conversation.id)[message.id]
    assert AWS not in shown.sent_content and "[API_KEY]" in shown.sent_content
    assert [k.value for k in shown.redacted] == ["API_KEY"]
    assert shown.images_held_back == 1
    note = sent_as_note(shown)
    assert note.startswith("Sent with API key or token replaced, as:")
    assert "1 image(s) were not sent." in note and note.endswith(shown.sent_content)
    assert set(load_allowances(conn, conversation.id).values()) == {Action.REDACT}

    # The next turn re-sends the redacted form without asking, and asks about nothing old.
    reply = repo.add_message(
        conn, conversation.id, "assistant", "ok", engine="anthropic", model=CLOUD.model
    )
    follow = repo.add_message(conn, conversation.id, "user", "and now?")
    messages = [stored, reply, follow]
    wire2 = ChatRequest(
        "m",
        tuple(
            ChatMessage(m.role, m.content, tuple(a.data for a in m.attachments)) for m in messages
        ),
    )
    history2 = history_for(conversation, messages, load_sent(conn, conversation.id, CLOUD.key))
    check2 = check_outbound(
        wire2,
        CLOUD,
        local_only=False,
        allowances=load_allowances(conn, conversation.id),
        history=history2,
    )
    assert check2.status is Status.PASS
    assert check2.request.messages[0].content == shown.sent_content
    assert check2.request.messages[0].images == ()
    conn.close()


def test_a_deleted_message_is_skipped_and_cascades(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "hearth.sqlite3").connection
    conversation = repo.create_conversation(conn, "t", "m")
    message = repo.add_message(conn, conversation.id, "user", f"key {AWS}")
    wire = ChatRequest("m", (ChatMessage("user", message.content),))
    check = check_outbound(
        wire, CLOUD, local_only=False, history=history_for(conversation, [message], {})
    )
    out = apply_decision(check, Decision(Action.REDACT))
    record_sent(conn, conversation.id, out)
    repo.delete_message(conn, message.id)
    assert redacted_versions(conn, conversation.id) == {}
    record_sent(conn, conversation.id, out)  # the message is gone: nothing recorded, no error
    assert load_sent(conn, conversation.id, CLOUD.key) == {}
    conn.close()
