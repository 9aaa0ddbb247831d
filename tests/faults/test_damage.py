"""Database damage, found at open (even in the middle of the file) and while in use: the
damaged file is kept byte for byte, what can be read is recovered into a fresh database,
and the recovery says what it saved."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from app.storage import damage, repo
from app.storage.damage import Recovered
from app.storage.db import StorageError, open_database
from app.storage.writer import SerialWriter
from tests.faults.fs import corrupt_page
from tests.faults.seed import CONVERSATIONS, MESSAGES_EACH, seed

TOTAL = CONVERSATIONS * MESSAGES_EACH


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def seeded(db_file: Path) -> Path:
    seed(db_file)
    assert integrity(db_file) == "ok"
    return db_file


def test_damage_in_the_middle_is_found_at_open_and_recovered(seeded: Path) -> None:
    corrupt_page(seeded)
    damaged = digest(seeded)

    opened = open_database(seeded)

    recovered = opened.recovered
    assert recovered is not None and opened.moved_aside == recovered.damaged_path
    assert digest(recovered.damaged_path) == damaged  # kept exactly as it was found
    assert recovered.damaged_path.parent == seeded.parent
    # One page of ~4 KB holds at most a few messages; everything else comes back.
    assert TOTAL - 10 <= recovered.messages < TOTAL or recovered.conversations < CONVERSATIONS
    assert recovered.messages >= TOTAL - 10
    assert recovered.usage >= TOTAL // 2 - 10
    conn = opened.connection
    assert damage.count_kept(conn) == (
        recovered.conversations,
        recovered.messages,
        recovered.usage,
    )
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The ledger's rollups were rebuilt from the recovered usage rows by their triggers.
    assert conn.execute("SELECT sum(replies) FROM ledger_daily").fetchone()[0] == recovered.usage
    first = repo.list_messages(conn, 1)
    assert first and first[0].content.startswith("conversation 0 message 0: 喜欢本地模型")
    conn.close()


def test_every_page_damaged_in_turn_is_detected(seeded: Path, tmp_path: Path) -> None:
    """Not one lucky page: damage anywhere in a sample across the file is found."""
    pages = sqlite3.connect(seeded).execute("PRAGMA page_count").fetchone()[0]
    # Pages on the freelist hold nothing to lose (the search index's merges leave some):
    # each sampled page moves on to the next page in use.
    used = sorted(row[0] for row in sqlite3.connect(seeded).execute("SELECT pageno FROM dbstat"))
    sample = sorted(
        {next(p for p in used if p >= n) for n in range(2, max(used) + 1, max(1, pages // 12))}
    )
    for number in sample:
        copy = tmp_path / f"copy-{number}" / "hearth.sqlite3"
        copy.parent.mkdir()
        copy.write_bytes(seeded.read_bytes())
        corrupt_page(copy, number, seed=number)
        opened = open_database(copy)
        assert opened.recovered is not None, f"damage on page {number} of {pages} not found"
        opened.connection.close()


def test_a_file_that_is_no_database_at_all(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.write_bytes(b"\x00garbage" * 1000)
    (db_file.parent / "hearth.sqlite3-wal").write_bytes(b"a stale wal")
    opened = open_database(db_file)
    assert opened.recovered is not None
    assert (opened.recovered.messages, opened.recovered.method) == (0, "none")
    assert opened.recovered.damaged_path.read_bytes() == b"\x00garbage" * 1000
    kept_wal = Path(f"{opened.recovered.damaged_path}-wal")
    assert kept_wal.read_bytes() == b"a stale wal"
    assert "0 conversations, 0 messages and 0 usage records" in damage.describe(
        opened.recovered, db_file
    )
    opened.connection.close()


def test_damage_met_while_in_use_is_recovered_and_the_operation_runs_again(
    seeded: Path,
) -> None:
    corrupt_page(seeded)
    told: list[Recovered] = []
    # No check at open (as when start-up's time budget ran out on a big database).
    writer = SerialWriter(seeded, check_budget_s=0, background_check=False)
    writer.add_damage_listener(told.append)
    try:
        opened = writer.opened().result(10)
        assert opened.recovered is None and not opened.fully_checked

        def read_everything(conn: sqlite3.Connection) -> int:
            return sum(len(repo.list_messages(conn, c.id)) for c in repo.list_conversations(conn))

        count = writer.call(read_everything)
        assert len(told) == 1
        assert count == told[0].messages >= TOTAL - 10
        # A save after the damage goes into the recovered database and stays there.
        conv = writer.call(lambda c: repo.create_conversation(c, "after"))
        writer.call(lambda c: repo.add_message(c, conv.id, "user", "stored once"))
        assert [m.content for m in writer.call(lambda c: repo.list_messages(c, conv.id))] == [
            "stored once"
        ]
        assert writer.damage_found() == told
    finally:
        writer.close()
    assert integrity(seeded) == "ok"


def test_work_that_changed_something_before_the_damage_is_not_run_twice(seeded: Path) -> None:
    corrupt_page(seeded)
    writer = SerialWriter(seeded, check_budget_s=0, background_check=False)
    try:

        def save_then_read(conn: sqlite3.Connection) -> None:
            repo.add_message(conn, 1, "assistant", "the reply")  # committed
            for conversation in repo.list_conversations(conn):  # then meets the bad page
                repo.list_messages(conn, conversation.id)

        with pytest.raises(StorageError) as caught:
            writer.call(save_then_read)
        assert caught.value.kind == "damaged"
        assert len(writer.damage_found()) == 1

        def stored(conn: sqlite3.Connection) -> int:
            query = "SELECT count(*) FROM messages WHERE content = 'the reply'"
            return int(conn.execute(query).fetchone()[0])

        assert writer.call(stored) == 1  # recovered with the rest, not doubled
    finally:
        writer.close()


def test_a_save_that_meets_damage_first_is_recovered_then_stored_once(seeded: Path) -> None:
    corrupt_page(seeded)
    writer = SerialWriter(seeded, check_budget_s=0, background_check=False)
    try:

        def read_then_save(conn: sqlite3.Connection) -> int:
            for conversation in repo.list_conversations(conn):  # meets the bad page first
                repo.list_messages(conn, conversation.id)
            return repo.add_message(conn, 1, "assistant", "the reply").id

        message_id = writer.call(read_then_save)  # no error: run again after recovery
        assert len(writer.damage_found()) == 1
        contents = [m.content for m in writer.call(lambda c: repo.list_messages(c, 1))]
        assert contents.count("the reply") == 1
        assert writer.call(lambda c: repo.list_messages(c, 1))[-1].id == message_id
    finally:
        writer.close()


def test_the_background_check_finishes_what_start_up_had_no_time_for(seeded: Path) -> None:
    corrupt_page(seeded)
    told = threading.Event()
    writer = SerialWriter(seeded, check_budget_s=0)
    writer.add_damage_listener(lambda _r: told.set())
    try:
        assert writer.opened().result(10).fully_checked is False
        assert told.wait(30), "the background check did not find the damage"
        assert writer.damage_found()[0].messages >= TOTAL - 10
    finally:
        writer.close()


def test_messages_whose_conversation_was_lost_are_kept(tmp_path: Path) -> None:
    source = tmp_path / "old" / "hearth.sqlite3"
    conn = open_database(source).connection
    conv = repo.create_conversation(conn, "gone")
    repo.add_message(conn, conv.id, "user", "orphan 1")
    repo.add_message(conn, conv.id, "assistant", "orphan 2")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM conversations")  # as if its page had been lost
    conn.close()
    fresh = open_database(tmp_path / "new" / "hearth.sqlite3").connection
    method, orphans = damage.recover_into(source, fresh, shell=False)
    assert (method, orphans) == ("row by row", 2)
    (home,) = repo.list_conversations(fresh)
    assert home.title == "Recovered messages"
    assert [m.content for m in repo.list_messages(fresh, home.id)] == ["orphan 1", "orphan 2"]
    fresh.close()


def test_recovery_keeps_attachments_and_the_newest_writes_in_the_wal(db_file: Path) -> None:
    writer = SerialWriter(db_file)
    from app.storage.records import Attachment

    conv = writer.call(lambda c: repo.create_conversation(c, "photo"))
    writer.call(
        lambda c: repo.add_message(
            c, conv.id, "user", "look", attachments=[Attachment("image/png", b"\x89PNG" * 50)]
        )
    )
    # Damage the main file while the last writes live only in the WAL (still open).
    copy = db_file.with_name("snapshot.sqlite3")
    copy.write_bytes(db_file.read_bytes())
    Path(f"{copy}-wal").write_bytes(Path(f"{db_file}-wal").read_bytes())
    writer.close()
    opened = open_database(copy)
    assert opened.recovered is None  # an intact file with its WAL opens normally
    (message,) = repo.list_messages(opened.connection, conv.id)
    assert message.attachments[0].data == b"\x89PNG" * 50
    opened.connection.close()


RELEASE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0" / "hearth.sqlite3"


def test_recovering_the_previous_release_database_keeps_every_row_and_the_ledger(
    tmp_path: Path,
) -> None:
    """Salvage of an intact schema-6 file loses nothing: rows equal, ledger sums equal."""
    source = tmp_path / "old.sqlite3"
    source.write_bytes(RELEASE.read_bytes())
    fresh = open_database(tmp_path / "new" / "hearth.sqlite3").connection
    assert damage.recover_into(source, fresh, shell=False) == ("row by row", 0)
    old = sqlite3.connect(source)
    try:
        for table in ("conversations", "messages", "attachments", "usage", "pending_pulls"):
            query = (
                f"SELECT * FROM {table} ORDER BY id"
                if table != "pending_pulls"
                else ("SELECT * FROM pending_pulls ORDER BY name")
            )
            before = old.execute(query).fetchall()
            # Later schema steps add columns (step 7: cost_amount, cost_currency): compare
            # the columns the old file had; the new ones hold their defaults.
            width = len(before[0]) if before else 0
            after = [tuple(r)[:width] for r in fresh.execute(query)]
            assert after == before, table
        ledger = "SELECT day, replies, context_tokens FROM ledger_daily ORDER BY 1, 2, 3"
        assert [tuple(r) for r in fresh.execute(ledger)] == old.execute(ledger).fetchall()
    finally:
        old.close()
        fresh.close()


def test_the_previous_release_database_damaged_mid_file_is_recovered(tmp_path: Path) -> None:
    path = tmp_path / "data" / "hearth.sqlite3"
    path.parent.mkdir()
    path.write_bytes(RELEASE.read_bytes())
    with sqlite3.connect(path) as conn:  # what one page of messages holds, at most
        per_page = conn.execute(
            "SELECT max(ncell) FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf'"
        ).fetchone()[0]
    corrupt_page(path)
    opened = open_database(path)
    recovered = opened.recovered
    assert recovered is not None
    assert recovered.conversations == 4
    # Only the damaged page's messages are lost: every other one comes back.
    assert 1205 - per_page <= recovered.messages < 1205 and recovered.usage >= 601 - 40
    assert opened.connection.execute("PRAGMA user_version").fetchone()[0] >= 6
    opened.connection.close()


def test_a_recovery_cut_off_by_a_crash_is_finished_at_the_next_start(seeded: Path) -> None:
    corrupt_page(seeded)
    kept = seeded.with_name(seeded.name + ".corrupt-20261201-101500")
    seeded.rename(kept)  # the crash came after the move aside, mid-recovery
    half = seeded.with_name(seeded.name + ".recovering")
    half.write_bytes(b"half a database")

    opened = open_database(seeded)

    assert opened.recovered is not None and opened.recovered.damaged_path == kept
    assert opened.recovered.messages >= TOTAL - 10
    assert not half.exists() and kept.exists()
    opened.connection.close()
