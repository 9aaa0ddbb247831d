"""Each reply's details line — model, time, tokens, speed, first token, cost or saving —
in the real main window, from usage rows written by the real writer (as a reply writes
them) and from a live reply against the fake Ollama over HTTP."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from app.chat.reply_details import reply_details
from app.core import paths
from app.ledger.ledger import reply_saving
from app.ledger.settings import CURRENCY, FX_RATE, load_config
from app.storage import repo
from app.storage.records import UsageRecord
from app.storage.writer import SerialWriter
from app.ui.chat.message_widget import MessageWidget
from app.ui.chat.reply_details import amount_text
from app.ui.main_window import MainWindow
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.ui.test_chat_window import reply_to
from tests.unit.reply_usage import cloud_usage, local_usage

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def seed(records: Callable[[int, list[int]], list[UsageRecord]], replies: int = 3) -> int:
    """A conversation of question/reply pairs, written through the real writer."""
    writer = SerialWriter(paths.database_path())

    def write(conn: sqlite3.Connection) -> int:
        conversation = repo.create_conversation(conn, "Details", model="qwen3:8b")
        reply_ids = []
        for i in range(replies):
            repo.add_message(conn, conversation.id, "user", f"question {i}")
            reply = repo.add_message(
                conn, conversation.id, "assistant", f"answer {i}", model="qwen3:8b"
            )
            reply_ids.append(reply.id)
        for record in records(conversation.id, reply_ids):
            repo.record_usage(conn, record)
        return conversation.id

    try:
        return writer.submit(write).result()
    finally:
        writer.close()


def open_conversation(qtbot: QtBot, window: MainWindow, conversation_id: int) -> None:
    window.chat.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: len(window.chat.messages.widgets()) >= 2, timeout=5000)


def details_line(qtbot: QtBot, widget: MessageWidget) -> str:
    line = widget._details
    qtbot.waitUntil(lambda: line.isVisibleTo(widget) and bool(line.text()), timeout=5000)
    return line.text()


def test_local_and_cloud_replies_show_their_details_and_hover(
    qtbot: QtBot, open_window: OpenWindow, english_locale: None
) -> None:
    conversation = seed(lambda c, ids: [local_usage(c, ids[0]), cloud_usage(c, ids[1])], replies=2)
    window = open_window()
    open_conversation(qtbot, window, conversation)
    local, cloud = [w for w in window.chat.messages.widgets() if w.role == "assistant"]

    config = load_config(window.ctx.settings)
    saving = reply_saving(local_usage(conversation, local.message_id), config)
    assert saving.saved > 0
    text = details_line(qtbot, local)
    assert text.startswith("qwen3:8b · ")
    assert "12,000 → 812 tokens" in text  # the engine's counts, grouped for the locale
    assert "40.0 tokens/s" in text  # from Ollama's eval_duration, not the wall clock
    assert "first token 350 ms" in text
    assert "Total time" in local._details.toolTip() and "21.0 s" in local._details.toolTip()
    assert f"saved {amount_text(saving.saved, config.currency)}" in text  # the ledger's figure
    hover = local._details.toolTip()
    assert "on this computer" in hover
    assert "Whole context (estimated)" in hover and "≈12,345" in hover  # what a cloud bills
    assert "The cloud would have charged" in hover
    assert amount_text(saving.baseline, config.currency) in hover
    electricity = amount_text(saving.electricity, config.currency)
    assert f"<td>{electricity}</td>" in hover  # measured by NVML: not marked estimated
    assert "Claude" in hover or "priced at" in hover  # where the baseline figure came from

    text = details_line(qtbot, cloud)
    assert text.startswith("deepseek-chat · ")
    assert "2,048 → 512 tokens" in text
    assert (
        "cost ¥0.012 " in text
    )  # two significant digits, as billed, in yuan, not converted to the ledger currency
    assert "saved" not in text
    hover = cloud._details.toolTip()
    assert "(cloud)" in hover and "genai-prices 0.2.3" in hover


def test_a_page_reads_its_usage_in_one_query_and_says_stopped_failed_interrupted(
    qtbot: QtBot, open_window: OpenWindow, english_locale: None
) -> None:
    def records(c: int, ids: list[int]) -> list[UsageRecord]:
        # Reply 0 stopped by the person, reply 1 failed mid-way; reply 2 has no row:
        # Hearth closed while it streamed (marked stopped at the next start).
        return [
            local_usage(c, ids[0], outcome="stopped", output_tokens=40),
            local_usage(c, ids[1], outcome="failed", output_tokens=None, eval_duration_ns=None),
        ]

    conversation = seed(records, replies=3)
    writer = SerialWriter(paths.database_path())
    writer.submit(repo.mark_interrupted_streams).result()
    writer.submit(
        lambda conn: conn.execute(
            "UPDATE messages SET status = 'stopped' WHERE id = (SELECT max(id) FROM messages)"
        )
    ).result()
    writer.close()

    window = open_window()
    statements: list[str] = []
    window.ctx.writer.submit(lambda conn: conn.set_trace_callback(statements.append)).result()
    open_conversation(qtbot, window, conversation)
    stopped, failed, interrupted = [
        w for w in window.chat.messages.widgets() if w.role == "assistant"
    ]
    assert details_line(qtbot, stopped).startswith("Stopped · qwen3:8b")
    assert "12,000 → 40 tokens" in stopped._details.text()
    text = details_line(qtbot, failed)
    assert text.startswith("Failed · qwen3:8b")
    assert "→ ≈800 tokens" in text  # no count from the engine: the estimate, marked
    assert "Interrupted" in details_line(qtbot, interrupted)
    usage_queries = [s for s in statements if "FROM usage" in s]
    # One range query per read of a page of messages (the page on screen; the context
    # estimate's history), never one per reply.
    assert usage_queries and all("message_id BETWEEN" in q for q in usage_queries)
    assert len(usage_queries) <= 2, usage_queries
    window.ctx.writer.submit(lambda conn: conn.set_trace_callback(None)).result()


def test_a_live_reply_shows_its_details_when_it_finishes(
    qtbot: QtBot, open_window: OpenWindow, fake_ollama: FakeOllama, english_locale: None
) -> None:
    text = "Hello! " * 20
    fake_ollama.chat_scripts.append(ChatScript(tokens=split_tokens(text), token_delay=0.005))
    window = open_window()
    reply = reply_to(qtbot, window, "Say hello")
    line = details_line(qtbot, reply)  # without reopening the conversation
    assert line.startswith("llama3.2:latest · ")
    tokens = len(split_tokens(text))
    assert f"→ {tokens} tokens" in line
    assert "tokens/s" in line and "first token" in line and "saved " in line
    details = reply._details.details
    assert details is not None and details.usage_id is not None
    assert details.output_tokens == tokens
    # What the list keeps when the view is released carries the usage too.
    assert reply.record().usage is not None
    assert reply.record().usage.id == details.usage_id  # type: ignore[union-attr]


def test_details_follow_the_locale_and_the_persons_currency(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        conversation = seed(lambda c, ids: [local_usage(c, ids[0])], replies=1)
        window = open_window()
        settings = window.ctx.settings
        settings.set(CURRENCY, "CNY")  # read when the reply is priced, not at start
        settings.set(FX_RATE, Decimal("7.2"))
        open_conversation(qtbot, window, conversation)
        reply = window.chat.messages.widgets()[-1]
        text = details_line(qtbot, reply)
        assert "12.000 → 812 tokens" in text  # German grouping
        assert "40,0 tokens/s" in text  # German decimal comma
        saving = reply_details(local_usage(conversation, reply.message_id), load_config(settings))
        assert saving.currency == "CNY" and saving.amount is not None
        assert amount_text(saving.amount, "CNY") in text and "¥" in text
    finally:
        QLocale.setDefault(previous)
