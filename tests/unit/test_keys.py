"""API keys: only a real keyring, masked, and the `hearth keys` command line."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest
from keyring.backends import fail, null

from app.cli import main
from app.cloud.keys import SERVICE, KeyringUnavailableError, KeyStore, KeyStoreError
from app.cloud.providers import UnknownProviderError
from app.engines.secret_guard import mask
from tests.fakes.memory_keyring import (
    LowPriorityKeyring,
    MemoryKeyring,
    PlaintextKeyring,
    installed,
)

KEY = "sk-ant-api03-Zq8xLr2VbN7mK4pT9wYc3HsD1fGjE6uA"


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


def test_a_key_is_stored_under_hearth_and_the_provider_id(memory: MemoryKeyring) -> None:
    store = KeyStore()
    store.set("anthropic", f"  {KEY}\n")
    assert memory.secrets == {(SERVICE, "anthropic"): KEY}
    assert store.get("anthropic") == KEY
    assert store.masked("anthropic") == "sk-ant-…E6uA"
    assert store.stored() == {"anthropic": "sk-ant-…E6uA"}


def test_delete_removes_the_key_and_reports_when_there_was_none(memory: MemoryKeyring) -> None:
    store = KeyStore()
    store.set("openai", "sk-proj-abcdefghijklmnopqrstuv")
    assert store.delete("openai") is True
    assert store.get("openai") is None
    assert store.delete("openai") is False


@pytest.mark.parametrize(
    "backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring(), LowPriorityKeyring()]
)
def test_insecure_backends_are_refused_with_a_way_forward(backend: object) -> None:
    store = KeyStore(backend)  # type: ignore[arg-type]
    with pytest.raises(KeyringUnavailableError) as caught:
        store.set("anthropic", KEY)
    assert "will not store" in caught.value.message
    assert caught.value.hint  # says how to get a real keyring on this OS
    assert getattr(backend, "secrets", {}) == {}  # nothing written anywhere


def test_a_chain_uses_its_secure_backend_and_never_the_plaintext_one() -> None:
    secure, plaintext = MemoryKeyring(), PlaintextKeyring()

    class Chain:
        backends = (plaintext, secure)

    Chain.__module__ = "keyring.backends.chainer"
    store = KeyStore(Chain())  # type: ignore[arg-type]
    store.set("deepseek", "sk-0123456789abcdef0123")
    assert secure.secrets == {(SERVICE, "deepseek"): "sk-0123456789abcdef0123"}
    assert plaintext.secrets == {}


def test_empty_keys_keys_with_spaces_and_unknown_providers_are_refused(
    memory: MemoryKeyring,
) -> None:
    store = KeyStore()
    with pytest.raises(KeyStoreError):
        store.set("openai", "   \n")
    with pytest.raises(KeyStoreError):
        store.set("openai", "sk-abc def-ghijklmnopqrstu")
    with pytest.raises(UnknownProviderError) as caught:
        store.set("opneai", KEY)
    assert "openai" in caught.value.hint
    assert memory.secrets == {}


def test_mask_shows_only_the_prefix_and_last_four() -> None:
    assert mask("sk-proj-1234567890abcdefWXYZ") == "sk-proj-…WXYZ"
    assert mask("0123456789abcdef0123") == "012…0123"
    assert "345678" not in mask("sk-0123456789abcdef")
    assert mask("short") == "…rt"


# --- command line ---------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str, *, tty: bool = False) -> None:
    stream = io.StringIO(text)
    stream.isatty = lambda: tty  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", stream)


def test_cli_set_reads_the_key_from_stdin_and_list_shows_it_masked(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, KEY + "\n")
    assert main(["keys", "set", "anthropic"]) == 0
    assert memory.secrets[(SERVICE, "anthropic")] == KEY
    assert main(["keys", "list"]) == 0
    out = capsys.readouterr()
    assert "anthropic" in out.out
    assert "sk-ant-…E6uA" in out.out
    assert KEY not in out.out + out.err


def test_cli_set_prompts_without_echo_on_a_terminal(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []
    _stdin(monkeypatch, "", tty=True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or KEY)
    assert main(["keys", "set", "anthropic"]) == 0
    assert prompts and "Anthropic" in prompts[0]
    assert memory.secrets[(SERVICE, "anthropic")] == KEY


def test_cli_never_takes_the_key_as_an_argument(
    memory: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["keys", "set", "anthropic", KEY])
    assert exited.value.code != 0
    assert memory.secrets == {}


def test_cli_failures_exit_non_zero_with_a_message(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "\n")
    assert main(["keys", "set", "openai"]) == 1
    assert "empty" in capsys.readouterr().err
    assert main(["keys", "delete", "openai"]) == 1
    assert "no stored key" in capsys.readouterr().err
    _stdin(monkeypatch, KEY)
    assert main(["keys", "set", "nosuch"]) == 1
    assert "not a provider" in capsys.readouterr().err


def test_cli_delete_then_list_shows_nothing(
    memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    memory.secrets[(SERVICE, "qwen")] = "sk-qwen0123456789abcdef"
    assert main(["keys", "delete", "qwen"]) == 0
    assert main(["keys", "list"]) == 0
    assert "No API keys are stored." in capsys.readouterr().out


def test_cli_refuses_before_reading_the_key_without_a_secure_keyring(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    read: list[bool] = []
    stream = io.StringIO(KEY)
    monkeypatch.setattr(sys, "stdin", stream)
    monkeypatch.setattr(stream, "readline", lambda: read.append(True) or KEY)
    with installed(fail.Keyring()):
        assert main(["keys", "set", "anthropic"]) == 1
    assert read == []
    assert "secure keyring" in capsys.readouterr().err
