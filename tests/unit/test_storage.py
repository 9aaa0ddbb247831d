"""The SQLite store: real files, the real serial writer, honest failures."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.storage import repo
from app.storage.db import StorageError, open_database
from app.storage.records import Attachment, UsageRecord
from app.storage.schema import MIGRATIONS, SCHEMA_VERSION
from app.storage.writer import SerialWriter
from tests.faults.fs import read_only_folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "hearth.sqlite3"


@pytest.fixture
def writer(db_path: Path) -> Iterator[SerialWriter]:
    writer = SerialWriter(db_path)
    yield writer
    writer.close()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def database_at_version_1(path: Path) -> sqlite3.Connection:
    """A database as the first release of Hearth left it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    return conn


# --- opening and migrating ----------------------------------------------------------------


def test_new_database_is_fully_migrated_with_wal(db_path: Path) -> None:
    opened = open_database(db_path)
    conn = opened.connection
    assert opened.moved_aside is None
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"conversations", "messages", "attachments", "usage"} <= tables(conn)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()
    # Opening again changes nothing.
    again = open_database(db_path)
    assert again.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    again.connection.close()


def test_old_database_is_upgraded_keeping_its_data(db_path: Path) -> None:
    old = database_at_version_1(db_path)
    old.execute(
        "INSERT INTO conversations (title, created_at, updated_at) VALUES ('kept', ?, ?)",
        ("2025-01-01T00:00:00.000000Z", "2025-01-01T00:00:00.000000Z"),
    )
    old.close()
    conn = open_database(db_path).connection
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [c.title for c in repo.list_conversations(conn)] == ["kept"]
    conn.close()


def test_a_failing_migration_leaves_the_database_as_it_was(db_path: Path) -> None:
    old = database_at_version_1(db_path)
    # Something migration 2 wants to create already exists, so migration 2 fails part way.
    old.execute("CREATE TABLE ledger_rollup (x)")
    old.close()
    with pytest.raises(StorageError):
        open_database(db_path)
    assert user_version(db_path) == 1
    conn = sqlite3.connect(db_path)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert "usage_conversation" not in indexes  # migration 2's first step was rolled back


def test_database_from_a_newer_hearth_is_refused_and_left_alone(db_path: Path) -> None:
    open_database(db_path).connection.close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StorageError) as caught:
        open_database(db_path)
    assert "newer version of Hearth" in caught.value.message
    assert "HEARTH_DATA_DIR" in caught.value.hint
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.corrupt-*"))


def test_corrupt_file_is_moved_aside_kept_and_replaced(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database, it is a shopping list\n" * 200
    db_path.write_bytes(garbage)
    (db_path.parent / "hearth.sqlite3-wal").write_bytes(b"stale wal")

    opened = open_database(db_path)

    assert opened.moved_aside is not None
    assert opened.moved_aside.parent == db_path.parent
    assert opened.moved_aside.read_bytes() == garbage
    assert Path(f"{opened.moved_aside}-wal").read_bytes() == b"stale wal"
    conv = repo.create_conversation(opened.connection, "fresh start")
    assert repo.get_conversation(opened.connection, conv.id) == conv
    opened.connection.close()


def test_data_folder_that_cannot_be_created_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(StorageError) as caught:
        open_database(blocker / "hearth.sqlite3")
    assert "cannot create its data folder" in caught.value.message


def test_unwritable_folder_is_a_storage_error(tmp_path: Path) -> None:
    # Root ignores permission bits: a read-only bind mount (or chattr +i) really fails.
    with read_only_folder(tmp_path / "locked") as folder:
        with pytest.raises(StorageError) as caught:
            open_database(folder / "hearth.sqlite3")
        assert "cannot write" in caught.value.message
        assert caught.value.kind == "read_only"
        assert list(folder.iterdir()) == []


# --- through the serial writer ------------------------------------------------------------


def test_full_disk_becomes_a_storage_error_and_the_writer_goes_on(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "big"))

    def write_too_much(conn: sqlite3.Connection) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is now "full"
        try:
            repo.add_message(conn, conv.id, "user", "x" * 200_000)
        finally:
            conn.execute("PRAGMA max_page_count = 1073741823")

    with pytest.raises(StorageError) as caught:
        writer.call(write_too_much)
    assert "full" in caught.value.message
    assert caught.value.kind == "disk_full"
    assert "Free some space" in caught.value.hint
    assert writer.call(lambda c: repo.list_messages(c, conv.id)) == []
    writer.call(lambda c: repo.add_message(c, conv.id, "user", "small"))
    assert [m.content for m in writer.call(lambda c: repo.list_messages(c, conv.id))] == ["small"]


def test_read_only_database_becomes_a_storage_error(writer: SerialWriter) -> None:
    def write_read_only(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only = ON")
        try:
            repo.create_conversation(conn, "nope")
        finally:
            conn.execute("PRAGMA query_only = OFF")

    with pytest.raises(StorageError) as caught:
        writer.call(write_read_only)
    assert "cannot write" in caught.value.message
    assert writer.call(repo.list_conversations) == []


def test_soft_delete_restore_and_purge(writer: SerialWriter) -> None:
    keep = writer.call(lambda c: repo.create_conversation(c, "Trip to Lisbon"))
    drop = writer.call(lambda c: repo.create_conversation(c, "Tax questions"))
    writer.call(lambda c: repo.add_message(c, drop.id, "user", "What can I deduct?"))

    writer.call(lambda c: repo.delete_conversation(c, drop.id))
    assert [c.id for c in writer.call(repo.list_conversations)] == [keep.id]
    assert writer.call(lambda c: repo.get_conversation(c, drop.id)) is None

    writer.call(lambda c: repo.restore_conversation(c, drop.id))
    assert {c.id for c in writer.call(repo.list_conversations)} == {keep.id, drop.id}
    assert len(writer.call(lambda c: repo.list_messages(c, drop.id))) == 1

    writer.call(lambda c: repo.delete_conversation(c, drop.id))
    assert writer.call(repo.purge_deleted) == 1
    writer.call(lambda c: repo.restore_conversation(c, drop.id))
    assert [c.id for c in writer.call(repo.list_conversations)] == [keep.id]
    assert writer.call(lambda c: repo.list_messages(c, drop.id)) == []
    assert [c.title for c in writer.call(lambda c: repo.list_conversations(c, "lisbon"))] == [
        "Trip to Lisbon"
    ]


def test_messages_keep_their_attachments(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "Photos"))
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00\xff" * 3000
    sent = writer.call(
        lambda c: repo.add_message(
            c,
            conv.id,
            "user",
            "What is in these?",
            attachments=[Attachment("image/png", png, "cat.png"), Attachment("image/jpeg", jpeg)],
        )
    )
    writer.call(lambda c: repo.add_message(c, conv.id, "assistant", "A cat.", model="gemma3:4b"))

    messages = writer.call(lambda c: repo.list_messages(c, conv.id))
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[0] == sent
    assert [(a.mime, a.name, a.data) for a in messages[0].attachments] == [
        ("image/png", "cat.png", png),
        ("image/jpeg", "", jpeg),
    ]
    assert all(a.id is not None for a in messages[0].attachments)
    assert messages[1].attachments == ()
    assert messages[1].model == "gemma3:4b"


def test_interrupted_streams_are_kept_as_stopped(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "crash"))
    done = writer.call(lambda c: repo.add_message(c, conv.id, "assistant", "complete"))
    cut = writer.call(
        lambda c: repo.add_message(c, conv.id, "assistant", "half a rep", status="streaming")
    )
    assert writer.call(repo.mark_interrupted_streams) == 1
    statuses = {
        m.id: (m.status, m.content) for m in writer.call(lambda c: repo.list_messages(c, conv.id))
    }
    assert statuses == {done.id: ("ok", "complete"), cut.id: ("stopped", "half a rep")}
    assert writer.call(repo.mark_interrupted_streams) == 0


def test_usage_record_round_trips_exactly(writer: SerialWriter) -> None:
    at = datetime(2026, 3, 14, 9, 26, 53, 589793, tzinfo=UTC)
    cloud = UsageRecord(
        ts=at,
        engine="anthropic",
        provider="anthropic",
        model="claude-sonnet-4-5",
        is_local=False,
        outcome="ok",
        context_tokens=12_345,
        output_tokens_estimate=678,
        wall_ms=4321.5,
        conversation_id=7,
        message_id=42,
        input_tokens=2_345,
        cached_input_tokens=10_000,
        cache_write_tokens=0,
        output_tokens=678,
        usage_estimated=False,
        done_reason="end_turn",
        ttft_ms=812.25,
        cost_usd=Decimal("0.0173370000000001"),
        price_source="genai-prices 0.2.3",
    )
    local = UsageRecord(
        ts=at + timedelta(hours=1),
        engine="ollama",
        provider="ollama",
        model="llama3.2:latest",
        is_local=True,
        outcome="stopped",
        context_tokens=900,
        output_tokens_estimate=55,
        wall_ms=2000.0,
        load_duration_ns=None,
        eval_duration_ns=1_500_000_000,
        energy_j=61.5,
        energy_source="nvml-energy",
    )
    ids = [writer.call(lambda c, r=r: repo.record_usage(c, r)) for r in (cloud, local)]

    stored = writer.call(repo.list_usage)
    assert stored == [
        UsageRecord(**{**cloud.__dict__, "id": ids[0]}),
        UsageRecord(**{**local.__dict__, "id": ids[1]}),
    ]
    assert isinstance(stored[0].cost_usd, Decimal)
    assert stored[1].load_duration_ns is None
    window = writer.call(lambda c: repo.list_usage(c, at + timedelta(minutes=30), None))
    assert [r.model for r in window] == ["llama3.2:latest"]
    before = writer.call(lambda c: repo.list_usage(c, None, at + timedelta(minutes=30)))
    assert [r.model for r in before] == ["claude-sonnet-4-5"]
