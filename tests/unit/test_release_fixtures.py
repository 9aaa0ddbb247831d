"""A data dir written by each released Hearth opens in this one, migrated, nothing lost.

The fixtures under tests/fixtures/ were written by the release they are named after
(see the make_*.py beside each) and are never regenerated; ``expected.json`` records
what that release stored.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from app.core.settings import LAST_CONVERSATION, LAST_MODEL, Settings
from app.storage import repo
from app.storage.db import open_database
from app.storage.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RELEASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p.name.startswith("release-"))


def test_there_is_a_fixture_for_the_last_release() -> None:
    assert [p.name for p in RELEASES] >= ["release-0.1.0"]


@pytest.fixture(params=RELEASES, ids=lambda p: p.name)
def old_data_dir(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, dict]:
    copy = tmp_path / "data"
    shutil.copytree(request.param, copy)
    expected = json.loads((copy / "expected.json").read_text(encoding="utf-8"))
    return copy, expected


def test_an_old_database_opens_migrated_with_nothing_lost(old_data_dir: tuple[Path, dict]) -> None:
    folder, expected = old_data_dir
    opened = open_database(folder / "hearth.sqlite3")
    conn = opened.connection
    assert opened.moved_aside is None
    assert expected["schema"] <= SCHEMA_VERSION
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    listed = {c.id: c for c in repo.list_conversations(conn)}
    assert sorted(listed) == sorted(c["id"] for c in expected["conversations"])
    for old in expected["conversations"]:
        now = listed[old["id"]]
        assert (now.title, now.model, now.system_prompt) == (
            old["title"],
            old["model"],
            old["system_prompt"],
        )
        assert (now.cloud_provider, now.cloud_model) == (old["cloud_provider"], old["cloud_model"])
        messages = repo.list_messages(conn, now.id)
        assert len(messages) == old["messages"]
        digest = hashlib.sha256("\x00".join(m.content for m in messages).encode()).hexdigest()
        assert digest == old["content_sha256"], now.title

    # The soft-deleted conversation can still be restored (undo), as before.
    repo.restore_conversation(conn, expected["deleted_conversation"])
    assert repo.get_conversation(conn, expected["deleted_conversation"]) is not None

    images = [a for c in listed for m in repo.list_messages(conn, c) for a in m.attachments]
    assert [hashlib.sha256(a.data).hexdigest() for a in images] == [expected["attachment_sha256"]]
    usage = repo.list_usage(conn)
    assert len(usage) >= expected["usage_rows"]
    assert [str(u.cost_usd) for u in usage if u.cost_usd] == expected["usage_cost_usd"]
    conn.close()


def test_old_settings_load_with_their_values(old_data_dir: tuple[Path, dict]) -> None:
    folder, expected = old_data_dir
    settings = Settings(folder / "settings.json")
    values = expected["settings"]["values"]
    assert settings.get(LAST_CONVERSATION) == values["ui/last_conversation"]
    assert settings.get(LAST_MODEL) == values["chat/last_model"]
