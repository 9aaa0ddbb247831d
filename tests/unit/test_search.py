"""Search over real SQLite files: the trigram index, its triggers, query safety, the short
term fallback, soft deletes, the 0.1.0 fixture, and the read connection."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.search import index
from app.search.index import search, snippet
from app.search.query import parse
from app.search.reader import ReadConnections
from app.storage import repo
from app.storage.db import open_database
from app.storage.pages import page_from
from app.storage.writer import SerialWriter

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return open_database(tmp_path / "hearth.sqlite3").connection


def ids(results: index.SearchResults) -> list[int | None]:
    return [hit.message_id for hit in results.hits]


def test_sqlite_has_fts5_trigram() -> None:
    assert sqlite3.sqlite_version_info >= (3, 34, 0)


def test_chinese_substrings_english_words_and_titles_are_found(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "周末的模型对比")
    asked = repo.add_message(conn, talk.id, "user", "请比较这两个大语言模型的推理速度")
    answered = repo.add_message(conn, talk.id, "assistant", "Qwen3 runs faster on the GPU")
    found = search(conn, "推理速")  # a substring in the middle of a word
    assert ids(found) == [asked.id]
    assert found.hits[0].conversation_title == "周末的模型对比"
    assert found.hits[0].snippet_text() == "请比较这两个大语言模型的[推理速]度"
    assert ids(search(conn, "QWEN3")) == [answered.id]  # case-insensitive
    titles = search(conn, "模型对比").hits
    assert [(h.conversation_id, h.message_id) for h in titles] == [(talk.id, None)]


def test_all_terms_must_occur_in_one_message(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    both = repo.add_message(conn, talk.id, "user", "sqlite 数据库 locking")
    repo.add_message(conn, talk.id, "user", "sqlite only")
    assert ids(search(conn, "sqlite 数据库")) == [both.id]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "*",
        "-",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "a:b",
        "(",
        "^x",
        "'; DROP TABLE x;--",
        '"unbalanced',
        "C++ -O2",
        "%",
        "_",
        "\\",
        "col:*",
        "\x00",
        "     ",
    ],
)
def test_a_persons_punctuation_never_raises(conn: sqlite3.Connection, text: str) -> None:
    talk = repo.create_conversation(conn, "t")
    repo.add_message(conn, talk.id, "user", "plain words")
    search(conn, text)  # no sqlite3.OperationalError


def test_quotes_and_operators_are_searched_literally(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    quoted = repo.add_message(conn, talk.id, "user", 'she said "don\'t" then ran gcc -O2 on C++')
    repo.add_message(conn, talk.id, "user", "dont O2 C")
    assert ids(search(conn, '"don\'t"')) == [quoted.id]
    assert ids(search(conn, "C++ -O2")) == [quoted.id]
    assert ids(search(conn, "AND")) == []  # the word, not the operator: nothing has it


@given(st.text(min_size=1, max_size=30))
@settings(max_examples=200, deadline=None)
def test_any_text_is_a_safe_query(text: str) -> None:
    search(_memory(), text)


_MEMORY: list[sqlite3.Connection] = []


def _memory() -> sqlite3.Connection:
    if not _MEMORY:
        import tempfile

        folder = Path(tempfile.mkdtemp())
        conn = open_database(folder / "h.sqlite3").connection
        talk = repo.create_conversation(conn, "題目")
        repo.add_message(conn, talk.id, "user", "some text 一些文字 with “quotes” and 'ticks'")
        _MEMORY.append(conn)
    return _MEMORY[0]


def test_one_and_two_character_terms_use_the_fallback(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    two = repo.add_message(conn, talk.id, "user", "本地模型很快")
    repo.add_message(conn, talk.id, "user", "云端")
    assert ids(search(conn, "模型")) == [two.id]
    assert ids(search(conn, "快")) == [two.id]
    # a short term beside a long one filters what the long one found
    other = repo.add_message(conn, talk.id, "user", "本地部署 AI")
    assert ids(search(conn, "本地部署 AI")) == [other.id]
    assert ids(search(conn, "本地 很快")) == [two.id]
    # LIKE's own wildcards are literal
    percent = repo.add_message(conn, talk.id, "user", "100% 好")
    assert ids(search(conn, "%")) == [percent.id]


def test_the_fallback_reads_a_bounded_set_and_says_so(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    talk = repo.create_conversation(conn, "t")
    old = repo.add_message(conn, talk.id, "user", "模型 old")
    for _ in range(5):
        repo.add_message(conn, talk.id, "user", "filler")
    monkeypatch.setattr(index, "SHORT_SCAN", 3)
    results = search(conn, "模型")
    assert ids(results) == [] and results.partial
    assert ids(search(conn, "模型 old")) == [old.id]  # a long term searches everything


def test_triggers_follow_streaming_edits_and_deletes(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    reply = repo.add_message(conn, talk.id, "assistant", "", status="streaming")
    repo.update_message(conn, reply.id, content="half a 回答", status="streaming")
    assert ids(search(conn, "half")) == [reply.id]  # a reply cut by a crash is found
    repo.update_message(conn, reply.id, content="the whole 完整回答", status="ok")
    assert ids(search(conn, "half")) == []
    assert ids(search(conn, "完整回答")) == [reply.id]
    repo.delete_message(conn, reply.id)
    assert ids(search(conn, "完整回答")) == []
    repo.update_conversation(conn, talk.id, title="新的标题")
    assert [h.conversation_id for h in search(conn, "新的标题").hits] == [talk.id]
    conn.execute("INSERT INTO message_fts (message_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO title_fts (title_fts) VALUES ('integrity-check')")


def test_soft_deleted_conversations_are_left_out_and_come_back(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "秘密计划")
    message = repo.add_message(conn, talk.id, "user", "secret launch date")
    repo.delete_conversation(conn, talk.id)
    assert search(conn, "secret").hits == ()
    assert search(conn, "秘密计划").hits == ()
    assert search(conn, "se").hits == ()  # the fallback too
    repo.restore_conversation(conn, talk.id)
    assert ids(search(conn, "secret")) == [message.id]
    repo.delete_conversation(conn, talk.id)
    repo.purge_deleted(conn)  # cascades to the messages; their index entries go too
    assert conn.execute("SELECT count(*) FROM message_fts_docsize").fetchone()[0] == 0
    conn.execute("INSERT INTO message_fts (message_fts) VALUES ('integrity-check')")


def test_newest_first_and_limited(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    made = [repo.add_message(conn, talk.id, "user", f"repeat {n}").id for n in range(80)]
    found = search(conn, "repeat", limit=50)
    assert ids(found) == made[::-1][:50]


def test_snippet_marks_every_term_around_the_first_match() -> None:
    text = "x" * 200 + " the Needle and\n\nanother needle " + "y" * 200
    spans = snippet(text, ("needle",))
    assert spans[0] == ("…", False) and spans[-1] == ("…", False)
    assert [t for t, hit in spans if hit] == ["Needle", "needle"]
    assert "\n" not in "".join(t for t, _ in spans)


def test_query_parsing() -> None:
    query = parse('  模型  "quoted"  ab  模型 ')
    assert query.terms == ("模型", '"quoted"', "ab")
    assert query.long_terms == ('"quoted"',)
    assert query.match() == '"""quoted"""'
    assert parse("").empty and parse("   \t").empty


def test_the_release_fixture_is_indexed_on_upgrade(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    conn = open_database(folder / "hearth.sqlite3").connection
    messages = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM message_fts_docsize").fetchone()[0] == messages
    assert len(search(conn, "天空", limit=1000).message_hits) == 600
    assert search(conn, "orange square").hits[0].conversation_title == "Cloud one"
    cut = search(conn, "Once upon").hits  # left 'streaming' by a crash in 0.1.0
    assert [h.conversation_title for h in cut] == ["Cut off"]
    assert search(conn, "长对话").hits[0].message_id is None  # its title


def test_jump_loads_from_before_the_message_to_the_newest(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    made = [repo.add_message(conn, talk.id, "user", f"m{n}").id for n in range(300)]
    messages, has_older = page_from(conn, talk.id, made[100], before=20)
    assert [m.id for m in messages] == made[80:]
    assert has_older
    messages, has_older = page_from(conn, talk.id, made[5], before=20)
    assert [m.id for m in messages] == made and not has_older


def test_reads_run_beside_the_writer_and_follow_a_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "hearth.sqlite3"
    writer = SerialWriter(path, background_check=False)
    try:
        writer.opened().result(10)
        talk = writer.call(lambda c: repo.create_conversation(c, "t"))
        writer.call(lambda c: repo.add_message(c, talk.id, "user", "first words"))
        reader = ReadConnections(path)
        found: list[int] = []
        worker = threading.Thread(
            target=lambda: found.append(len(reader.read(lambda c: search(c, "first")).hits))
        )
        worker.start()
        worker.join(10)
        assert found == [1]
        writer.call(lambda c: repo.add_message(c, talk.id, "user", "first again"))
        assert len(reader.read(lambda c: search(c, "first")).hits) == 2  # sees new commits
        with pytest.raises(sqlite3.OperationalError):  # read-only: it can never write
            reader.read(lambda c: c.execute("DELETE FROM messages"))
        before = reader.connection()
    finally:
        writer.close()
    # The writer replaced the file (as recovery from damage does): a new connection.
    shutil.copy(path, tmp_path / "copy.sqlite3")
    (tmp_path / "copy.sqlite3").replace(path)
    assert reader.connection() is not before
    assert len(reader.read(lambda c: search(c, "first")).hits) == 2
    reader.close()


def test_snippets_leave_out_markdown_marks(conn: sqlite3.Connection) -> None:
    talk = repo.create_conversation(conn, "t")
    repo.add_message(
        conn, talk.id, "assistant", "## 量化的影响\n\n**Q4_K_M** 更快\n```bash\nrun\n```"
    )
    assert search(conn, "量化的").hits[0].snippet_text() == "[量化的]影响 Q4_K_M 更快 run"
