"""Keys against the OS keyring people actually have (Secret Service in CI).

tests/run_all.py runs pytest inside ``dbus-run-session`` with an unlocked gnome-keyring
and sets HEARTH_REAL_KEYRING=1. Elsewhere these tests cannot run: there is no keyring
daemon to talk to, and they must never touch a developer's own keyring.
"""

from __future__ import annotations

import io
import os
import sys
import uuid

import keyring
import pytest

from app.cli import main
from app.cloud.keys import SERVICE, KeyStore

pytestmark = [
    pytest.mark.keyring,
    pytest.mark.skipif(
        os.environ.get("HEARTH_REAL_KEYRING") != "1",
        reason="needs a real Secret Service: run through tests/run_all.py "
        "(dbus-run-session + unlocked gnome-keyring, HEARTH_REAL_KEYRING=1)",
    ),
]


def test_the_active_backend_is_the_secret_service_and_is_accepted() -> None:
    store = KeyStore()
    assert store.backend_name() == "keyring.backends.SecretService.Keyring"


def test_set_get_delete_round_trip_through_the_secret_service() -> None:
    store = KeyStore()
    key = f"sk-real-{uuid.uuid4().hex}"
    store.set("openrouter", key)
    try:
        # Another reader of the same keyring (not our object) sees it: it is really stored.
        assert keyring.get_keyring().get_password(SERVICE, "openrouter") == key
        assert store.masked("openrouter") == f"sk-…{key[-4:]}"
    finally:
        assert store.delete("openrouter") is True
    assert keyring.get_keyring().get_password(SERVICE, "openrouter") is None


def test_the_command_line_uses_the_same_store(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = f"sk-cli-{uuid.uuid4().hex}"
    monkeypatch.setattr(sys, "stdin", io.StringIO(key + "\n"))
    assert main(["keys", "set", "moonshot"]) == 0
    try:
        assert KeyStore().get("moonshot") == key
        assert main(["keys", "list"]) == 0
        listed = capsys.readouterr().out
        assert "moonshot" in listed
        assert key not in listed
    finally:
        assert main(["keys", "delete", "moonshot"]) == 0
    assert KeyStore().get("moonshot") is None
