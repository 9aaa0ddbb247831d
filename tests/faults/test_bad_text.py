"""Whatever text a model produced can be saved: bad code points become U+FFFD, visibly,
at the storage boundary, and nothing else about the reply is lost."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage import repo
from app.storage.records import UsageRecord
from app.storage.text import storable
from app.storage.writer import SerialWriter

LONE = json.loads('"before \\ud800 after"')  # valid JSON, as a model server may send it


def usage(model: str, reason: str) -> UsageRecord:
    return UsageRecord(
        ts=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
        engine="ollama",
        model=model,
        is_local=True,
        outcome="ok",
        context_tokens=10,
        output_tokens_estimate=3,
        wall_ms=12.5,
        done_reason=reason,
        provider="ollama\udcff",
    )


def test_a_lone_surrogate_in_a_reply_is_stored_visibly_replaced(writer: SerialWriter) -> None:
    assert LONE == "before \ud800 after"
    conv = writer.call(lambda c: repo.create_conversation(c, "title \udfff", model="m\ud800"))
    placeholder = writer.call(
        lambda c: repo.add_message(c, conv.id, "assistant", "", status="streaming")
    )
    # A checkpoint mid-stream and the final save both carry the bad character.
    writer.call(
        lambda c: repo.update_message(c, placeholder.id, content=LONE[:8], status="streaming")
    )
    writer.call(
        lambda c: repo.update_message(
            c, placeholder.id, content=LONE, status="ok", error="e\ud800", model="x\udc00"
        )
    )
    usage_id = writer.call(lambda c: repo.record_usage(c, usage("llama\ud800", "stop\udc80")))

    (stored,) = writer.call(lambda c: repo.list_messages(c, conv.id))
    assert stored.content == "before \ufffd after"
    assert (stored.status, stored.error, stored.model) == ("ok", "e\ufffd", "x\ufffd")
    title = writer.call(lambda c: repo.get_conversation(c, conv.id))
    assert title is not None and (title.title, title.model) == ("title \ufffd", "m\ufffd")
    (row,) = writer.call(repo.list_usage)
    assert (row.id, row.model, row.done_reason, row.provider) == (
        usage_id,
        "llama\ufffd",
        "stop\ufffd",
        "ollama\ufffd",
    )


def test_add_message_returns_what_was_stored(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "t"))
    sent = writer.call(lambda c: repo.add_message(c, conv.id, "user", "a\x00b\ud800"))
    assert sent.content == "a\ufffdb\ufffd"
    assert writer.call(lambda c: repo.list_messages(c, conv.id)) == [sent]


def test_a_surrogate_pair_split_across_chunks_is_one_character_again() -> None:
    chunks = ["smile ", "\ud83d", "\ude00", "!"]  # two JSON lines, one half each
    assert storable("".join(chunks)) == "smile \U0001f600!"
    assert storable("\ude00\ud83d") == "\ufffd\ufffd"  # the wrong order is not a pair


def test_title_renames_and_settings_are_cleaned_too(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "t"))
    writer.call(
        lambda c: repo.update_conversation(c, conv.id, title="new\ud800", system_prompt="\udc00")
    )
    got = writer.call(lambda c: repo.get_conversation(c, conv.id))
    assert got is not None and (got.title, got.system_prompt) == ("new\ufffd", "\ufffd")
    assert writer.call(lambda c: repo.list_conversations(c, "new")) == [got]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(), st.sampled_from(["\ud800", "\udfff", "\ud83d", "\ude00", "\x00"])
        ),
        max_size=60,
    )
)
def test_any_python_string_is_storable_and_clean_text_is_untouched(text: str) -> None:
    clean = storable(text)
    clean.encode("utf-8")  # never raises
    assert "\x00" not in clean
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT ?", (clean,)).fetchone()[0] == clean
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return
    assert clean == text.replace("\x00", "\ufffd")
