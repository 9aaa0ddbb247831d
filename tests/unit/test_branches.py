"""Edit and branches (issue 16) without Qt: a real database file, the real Ollama client
over real HTTP to the fake server, a plain thread pool for the reply lane."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.chat.conversation import HISTORY_PAGE, ChatCore, FinishedReply
from app.chat.routes import EngineResolver
from app.core.errors import KnownError
from app.core.settings import Settings
from app.storage import repo, tree
from app.storage.db import open_database
from app.storage.records import Attachment
from app.storage.writer import SerialWriter
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens

MODEL = "llama3.2"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"


@pytest.fixture
def core(writer: SerialWriter, fake_ollama: FakeOllama, data_dir: Path) -> Iterator[ChatCore]:
    pool = ThreadPoolExecutor(4)
    resolver = EngineResolver(Settings(data_dir / "settings.json"), fake_ollama.url)
    yield ChatCore(writer, pool.submit, resolver)
    pool.shutdown(wait=True, cancel_futures=True)


def script(fake: FakeOllama, *replies: str) -> None:
    fake.chat_scripts += [ChatScript(split_tokens(text)) for text in replies]


def turn(core: ChatCore, conversation_id: int | None, text: str) -> FinishedReply:
    conversation = (
        None if conversation_id is None else core.open(conversation_id).result(10).conversation
    )
    target, _message = core.send(conversation, text, model=MODEL).result(10)
    return core.reply(target.id, MODEL).result(10).done.result(20)


def shown(core: ChatCore, conversation_id: int) -> list[str]:
    return [m.content for m in core.open(conversation_id).result(10).messages]


def sent_history(fake: FakeOllama) -> list[str]:
    return [m["content"] for m in fake.requests_to("/api/chat")[-1].body["messages"]]


def test_the_branch_layer_imports_no_qt() -> None:
    code = (
        "import sys, app.chat.branches, app.storage.tree; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_regenerate_keeps_every_reply_as_a_version_and_each_can_be_chosen(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "First answer.", "Second answer.", "Third answer.")
    first = turn(core, None, "Name a colour.")
    cid = first.live.conversation_id
    for _ in range(2):
        last = core.open(cid).result(10).messages[-1]
        core.regenerate(cid, last.id, MODEL).result(10).done.result(20)
        # The history of each redo is the question alone, never an earlier answer.
        assert sent_history(fake_ollama) == ["Name a colour."]

    opened = core.open(cid).result(10)
    assert [m.content for m in opened.messages] == ["Name a colour.", "Third answer."]
    versions = opened.alternatives[opened.messages[-1].id]
    assert (versions.position, versions.count) == (3, 3)
    assert opened.messages[0].id not in opened.alternatives  # one question: no pager

    texts = []
    for version in versions.ids:
        page = core.switch_branch(cid, version).result(10)
        texts.append(page.messages[-1].content)
        assert page.alternatives[version].position == versions.ids.index(version) + 1
    assert texts == ["First answer.", "Second answer.", "Third answer."]
    # Every reply generated stays in the ledger, each tied to its own message.
    usage = writer.call(repo.list_usage)
    assert sorted(u.message_id for u in usage) == sorted(versions.ids)  # type: ignore[type-var]


def test_the_chosen_version_is_what_later_messages_follow_and_what_is_sent(
    core: ChatCore, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "Answer A.", "Answer B.", "Follow-up to A.")
    cid = turn(core, None, "Question?").live.conversation_id
    a_id = core.open(cid).result(10).messages[-1].id
    core.regenerate(cid, a_id, MODEL).result(10).done.result(20)
    core.switch_branch(cid, a_id).result(10)

    turn(core, cid, "And then?")
    assert sent_history(fake_ollama) == ["Question?", "Answer A.", "And then?"]
    assert shown(core, cid) == ["Question?", "Answer A.", "And then?", "Follow-up to A."]
    assert core.context_estimate(cid, MODEL).result(10) > 0
    assert [m.content for m in core.history(cid).result(10)] == shown(core, cid)


def test_edit_and_resend_keeps_the_old_branch_reachable_as_it_was(
    core: ChatCore, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "Paris.", "Ask me more.", "Rome.")
    cid = turn(core, None, "Capital of France?").live.conversation_id
    turn(core, cid, "Thanks")
    question = core.open(cid).result(10).messages[0]

    live = core.edit_and_resend(cid, question.id, "Capital of Italy?", MODEL).result(10)
    live.done.result(20)
    assert sent_history(fake_ollama) == ["Capital of Italy?"]
    opened = core.open(cid).result(10)
    assert [m.content for m in opened.messages] == ["Capital of Italy?", "Rome."]
    edited = opened.messages[0]
    assert opened.alternatives[edited.id].ids == (question.id, edited.id)

    # Paging back brings the whole old branch, down to where it was left.
    back = core.switch_branch(cid, question.id).result(10)
    assert [m.content for m in back.messages] == [
        "Capital of France?",
        "Paris.",
        "Thanks",
        "Ask me more.",
    ]
    assert back.alternatives[question.id].position == 1


def test_edit_keeps_images_refuses_empty_text_and_other_roles(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "A cat.", "Still a cat.")
    target, message = core.send(
        None, "What is this?", [Attachment("image/png", b"\x89PNG fake", "cat.png")], model=MODEL
    ).result(10)
    core.reply(target.id, MODEL).result(10).done.result(20)
    reply = core.open(target.id).result(10).messages[-1]

    with pytest.raises(KnownError, match="empty"):
        core.edit_and_resend(target.id, message.id, "   ", MODEL).result(10)
    with pytest.raises(KnownError, match="Only your own"):
        core.edit_and_resend(target.id, reply.id, "no", MODEL).result(10)
    assert len(writer.call(lambda c: repo.list_messages(c, target.id))) == 2  # nothing added

    core.edit_and_resend(target.id, message.id, "And this?", MODEL).result(10).done.result(20)
    edited = core.open(target.id).result(10).messages[0]
    assert edited.content == "And this?"
    assert [(a.name, a.data) for a in edited.attachments] == [("cat.png", b"\x89PNG fake")]
    sent = fake_ollama.requests_to("/api/chat")[-1].body["messages"]
    assert sent[-1]["images"], "the edited question still carries its image"


def test_branch_changes_wait_while_a_reply_is_written(
    core: ChatCore, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "Done.")
    cid = turn(core, None, "Hi").live.conversation_id
    question = core.open(cid).result(10).messages[0]
    fake_ollama.chat_scripts.append(ChatScript([f"t{i} " for i in range(400)], token_delay=0.02))
    live = core.reply(cid, MODEL).result(10)
    for attempt in (
        core.edit_and_resend(cid, question.id, "Hello", MODEL),
        core.switch_branch(cid, question.id),
        core.delete_message(cid, question.id),
    ):
        with pytest.raises(KnownError, match="still being written"):
            attempt.result(10)
    core.stop(cid)
    live.done.result(20)


def test_deleting_one_message_keeps_what_followed_and_every_usage_row(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "One.", "Two.")
    cid = turn(core, None, "first").live.conversation_id
    turn(core, cid, "second")
    messages = core.open(cid).result(10).messages
    before = writer.call(repo.list_usage)

    deleted = core.delete_message(cid, messages[1].id).result(10)  # the reply "One."
    assert deleted.ids == (messages[1].id,)
    assert shown(core, cid) == ["first", "second", "Two."]
    assert writer.call(repo.list_usage) == before  # the ledger is untouched
    # A usage row survives even the deletion of its own message (no foreign key).
    fk = writer.call(lambda c: c.execute("PRAGMA foreign_key_list(usage)").fetchall())
    assert fk == []

    core.delete_message(cid, messages[-1].id).result(10)  # the leaf goes: its parent leads
    assert shown(core, cid) == ["first", "second"]
    script(fake_ollama, "Again.")
    core.reply(cid, MODEL).result(10).done.result(20)
    assert sent_history(fake_ollama) == ["first", "second"]
    with pytest.raises(KnownError, match="no longer exists"):
        core.delete_message(cid, messages[1].id).result(10)


def test_deleting_a_version_takes_its_branch_and_shows_the_one_beside_it(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    script(fake_ollama, "Answer A.", "Answer B.", "More on B.")
    cid = turn(core, None, "Question?").live.conversation_id
    a_id = core.open(cid).result(10).messages[-1].id
    core.regenerate(cid, a_id, MODEL).result(10).done.result(20)
    turn(core, cid, "More?")
    b_id = core.open(cid).result(10).messages[1].id
    assert core.branch_size(cid, b_id).result(10) == 3
    assert core.branch_size(cid, core.open(cid).result(10).messages[0].id).result(10) == 1

    deleted = core.delete_message(cid, b_id).result(10)
    assert len(deleted.ids) == 3
    opened = core.open(cid).result(10)
    assert [m.content for m in opened.messages] == ["Question?", "Answer A."]
    assert opened.alternatives == {}
    assert len(writer.call(repo.list_usage)) == 3  # all three replies still counted


def test_a_failed_reply_is_retried_in_its_place(
    core: ChatCore, writer: SerialWriter, fake_ollama: FakeOllama
) -> None:
    fake_ollama.chat_scripts.append(ChatScript([], error_after=0, error_message="model crashed"))
    script(fake_ollama, "Recovered.")
    finished = turn(core, None, "Hello")
    cid = finished.live.conversation_id
    assert finished.reply.outcome == "failed"
    core.retry(cid, finished.live.message_id, MODEL).result(10).done.result(20)
    opened = core.open(cid).result(10)
    assert [m.content for m in opened.messages] == ["Hello", "Recovered."]
    assert opened.alternatives == {}  # a failure is not a version worth paging to
    assert len(writer.call(repo.list_usage)) == 2


def test_an_old_linear_conversation_opens_unchanged_as_one_branch(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE, copy)
    before = sqlite3.connect(copy / "hearth.sqlite3")
    expected = {
        cid: [
            row[0]
            for row in before.execute(
                "SELECT content FROM messages WHERE conversation_id = ? ORDER BY id", (cid,)
            )
        ]
        for (cid,) in before.execute("SELECT id FROM conversations")
    }
    before.close()
    conn = open_database(copy / "hearth.sqlite3").connection
    assert any(len(texts) > 2 for texts in expected.values())
    for cid, texts in expected.items():
        assert [m.content for m in tree.path_to(conn, cid)] == texts
        page, has_older = tree.path_page(conn, cid, limit=2)
        assert [m.content for m in page] == texts[-2:] and has_older == (len(texts) > 2)
        assert tree.alternatives(conn, cid, [m.id for m in page]) == {}
    # A message written the old way (no parent named) follows the branch's end.
    cid = max(expected, key=lambda c: len(expected[c]))
    conn.execute(
        "INSERT INTO messages (conversation_id, role, content, created_at)"
        " VALUES (?, 'user', 'raw', '2026-12-01T00:00:00.000000Z')",
        (cid,),
    )
    assert [m.content for m in tree.path_to(conn, cid)] == [*expected[cid], "raw"]
    conn.close()


def test_a_long_branched_conversation_pages_along_the_active_branch(
    writer: SerialWriter,
) -> None:
    def build(conn: sqlite3.Connection) -> tuple[int, list[int]]:
        conversation = repo.create_conversation(conn, "long")
        spine: list[int] = []
        for i in range(300):
            message = repo.add_message(conn, conversation.id, "user", f"q{i}")
            spine.append(message.id)
            if i % 10 == 0:  # an abandoned version beside every tenth reply
                repo.add_message(conn, conversation.id, "assistant", f"old{i}")
                repo.add_message(conn, conversation.id, "user", f"lost{i}")
                reply = repo.add_message(
                    conn, conversation.id, "assistant", f"a{i}", parent_id=message.id
                )
                tree.forget_choice(conn, message.id)
            else:
                reply = repo.add_message(conn, conversation.id, "assistant", f"a{i}")
            spine.append(reply.id)
        return conversation.id, spine

    cid, spine = writer.call(build)
    seen: list[int] = []
    page, has_older = writer.call(lambda c: tree.path_page(c, cid, limit=HISTORY_PAGE))
    seen[:0] = [m.id for m in page]
    while has_older:
        page, has_older = writer.call(
            lambda c: tree.path_page(c, cid, before_id=seen[0], limit=HISTORY_PAGE)
        )
        seen[:0] = [m.id for m in page]
    assert seen == spine
    found = writer.call(lambda c: tree.alternatives(c, cid, spine))
    assert sorted(found) == [spine[i] for i in range(1, 600, 20)]
    assert all(v.count == 2 and v.position == 2 for v in found.values())


def test_a_search_hit_on_an_earlier_version_opens_that_version(
    core: ChatCore, fake_ollama: FakeOllama
) -> None:
    """Search indexes every version; jumping to one the person is not looking at makes
    its branch the active one, with the pager showing where it is."""
    script(fake_ollama, "紫色 is the first answer.", "Green, the second.", "Then more.")
    cid = turn(core, None, "Name a colour.").live.conversation_id
    first = core.open(cid).result(10).messages[-1]
    core.regenerate(cid, first.id, MODEL).result(10).done.result(20)
    turn(core, cid, "And another?")
    assert shown(core, cid)[1] == "Green, the second."

    opened = core.open_at(cid, first.id).result(10)
    assert [m.content for m in opened.messages] == ["Name a colour.", "紫色 is the first answer."]
    assert opened.alternatives[first.id].position == 1
    assert shown(core, cid) == ["Name a colour.", "紫色 is the first answer."]  # stays chosen
    # A message that is gone: the newest page instead, nothing raised.
    assert core.open_at(cid, 10**9).result(10).messages[-1].id == first.id
