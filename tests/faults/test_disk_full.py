"""A full disk, before and during a write: a ``StorageError`` of kind ``disk_full`` that
callers can act on, nothing already stored is harmed, and ``writable()`` says when a
save can succeed again. Both SQLite's own limit (``max_page_count``) and a real
size-limited file system (a small tmpfs) are used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.storage import repo
from app.storage.db import StorageError
from app.storage.writer import SerialWriter
from tests.faults.fs import fill, small_filesystem

REPLY = "".join(f"word{i} " for i in range(2_000))  # ~16 KB, like a long answer


def limit_pages(extra: int):  # type: ignore[no-untyped-def]
    def apply(conn: sqlite3.Connection) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + extra}")

    return apply


def unlimit(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA max_page_count = 4294967294")


def test_disk_full_before_a_write_then_space_again(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "kept"))
    kept = writer.call(lambda c: repo.add_message(c, conv.id, "user", "already stored"))
    writer.call(limit_pages(0))
    assert writer.writable().result(10) is False

    with pytest.raises(StorageError) as caught:
        writer.call(lambda c: repo.add_message(c, conv.id, "assistant", REPLY))
    assert caught.value.kind == "disk_full"
    assert "full" in caught.value.message
    assert writer.call(lambda c: repo.list_messages(c, conv.id)) == [kept]

    writer.call(unlimit)
    assert writer.writable().result(10) is True
    saved = writer.call(lambda c: repo.add_message(c, conv.id, "assistant", REPLY))
    assert [m.content for m in writer.call(lambda c: repo.list_messages(c, conv.id))] == [
        "already stored",
        REPLY,
    ]
    assert saved.content == REPLY


def test_disk_full_during_a_reply_keeps_the_last_checkpoint_intact(writer: SerialWriter) -> None:
    conv = writer.call(lambda c: repo.create_conversation(c, "streaming"))
    msg = writer.call(lambda c: repo.add_message(c, conv.id, "assistant", "", status="streaming"))
    writer.call(limit_pages(3))
    stored_upto = 0
    failure: StorageError | None = None
    for end in range(500, len(REPLY) * 4, 4000):  # growing checkpoints of a long reply
        text = (REPLY * 4)[:end]
        try:
            writer.call(
                lambda c, t=text: repo.update_message(c, msg.id, content=t, status="streaming")
            )
        except StorageError as exc:
            failure = exc
            break
        stored_upto = end
    assert failure is not None and failure.kind == "disk_full"
    assert stored_upto > 0
    (row,) = writer.call(lambda c: repo.list_messages(c, conv.id))
    assert row.content == (REPLY * 4)[:stored_upto]  # the last good checkpoint, whole

    writer.call(unlimit)
    writer.call(lambda c: repo.update_message(c, msg.id, content=REPLY * 4, status="ok"))
    (row,) = writer.call(lambda c: repo.list_messages(c, conv.id))
    assert (row.content, row.status) == (REPLY * 4, "ok")
    assert writer.call(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"


def test_a_real_full_file_system_during_and_after(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "small", 4096) as mount:
        path = mount / "hearth.sqlite3"
        writer = SerialWriter(path)
        try:
            conv = writer.call(lambda c: repo.create_conversation(c, "on a small disk"))
            writer.call(lambda c: repo.add_message(c, conv.id, "user", "question"))
            filler = fill(mount)
            assert writer.writable().result(10) is False
            with pytest.raises(StorageError) as caught:
                for _ in range(50):  # the WAL may still have room for a little
                    writer.call(lambda c: repo.add_message(c, conv.id, "assistant", REPLY))
            assert caught.value.kind == "disk_full"
            filler.unlink()
            assert writer.writable().result(10) is True
            writer.call(lambda c: repo.add_message(c, conv.id, "assistant", "after space"))
            contents = [m.content for m in writer.call(lambda c: repo.list_messages(c, conv.id))]
            assert contents[0] == "question" and contents[-1] == "after space"
            assert set(contents[1:-1]) <= {REPLY}
            check = writer.call(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0])
            assert check == "ok"
        finally:
            writer.close()


def test_a_database_cannot_even_be_created_on_a_full_disk(tmp_path: Path) -> None:
    # Room for a fresh database once the filler goes: the full schema with its WAL.
    with small_filesystem(tmp_path / "small", 2048) as mount:
        filler = fill(mount)
        writer = SerialWriter(mount / "hearth.sqlite3")
        try:
            with pytest.raises(StorageError) as caught:
                writer.opened().result(10)
            assert caught.value.kind == "disk_full"
            with pytest.raises(StorageError):  # queued work is failed, not left hanging
                writer.call(repo.list_conversations, timeout=10)
        finally:
            writer.close()
        filler.unlink()
        fresh = SerialWriter(mount / "hearth.sqlite3")
        try:
            assert fresh.call(repo.list_conversations) == []
        finally:
            fresh.close()
