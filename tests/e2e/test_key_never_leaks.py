"""After a full cloud session, the key is nowhere but the keyring.

Set the key through the command line, escalate a conversation, chat (a good reply, a
cut stream, a refused request), record everything in the real database, log at DEBUG
(the SDKs' loggers included), export the monthly report — then read every file under
the data dir, the settings, the logs and everything printed, and find no trace of it.
"""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.chat.service import run_reply
from app.cli import main
from app.cloud.factory import engine_for
from app.cloud.keys import SERVICE, KeyStore
from app.cloud.pricer import make_pricer
from app.cloud.providers import BASE_URLS
from app.core import paths
from app.core.settings import Settings
from app.engines.base import ChatMessage, ChatRequest
from app.storage import repo
from app.storage.writer import SerialWriter
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.openai_server import ERRORS, FakeOpenAI, Reply

KEY = "sk-proj-LeakCanary7Qm2Xv9Lp4Rt8Wz3Nb6Kd1Hs5Jf0Gc"


@pytest.fixture
def debug_log(data_dir: Path) -> Iterator[Path]:
    log_file = paths.log_dir() / "hearth.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield log_file
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()


def _turn(
    writer: SerialWriter, conversation_id: int, engine: object, settings: Settings, text: str
) -> str:
    user = writer.call(lambda c: repo.add_message(c, conversation_id, "user", text))
    request = ChatRequest("gpt-4.1", (ChatMessage("user", user.content),))
    reply = run_reply(
        engine,  # type: ignore[arg-type]
        request,
        threading.Event(),
        lambda _piece: None,
        conversation_id=conversation_id,
        provider="openai",
        pricer=make_pricer(settings),
    )
    error = reply.error.detail if reply.error else ""
    status = "failed" if reply.outcome == "failed" else "ok"
    message = writer.call(
        lambda c: repo.add_message(
            c,
            conversation_id,
            "assistant",
            reply.content,
            engine="openai",
            model="gpt-4.1",
            status=status,
            error=error,
        )
    )
    logging.getLogger("hearth.chat").info("reply %s: %s %s", message.id, reply.outcome, error)
    writer.call(lambda c: repo.record_usage(c, reply.usage))
    return reply.outcome


def test_the_key_is_in_the_keyring_and_nowhere_else(
    data_dir: Path,
    debug_log: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with installed(MemoryKeyring()) as keyring_backend, FakeOpenAI(api_key=KEY) as fake:
        assert isinstance(keyring_backend, MemoryKeyring) and isinstance(fake, FakeOpenAI)
        # 1. The key goes in through the command line, from stdin.
        monkeypatch.setattr(sys, "stdin", io.StringIO(KEY + "\n"))
        assert main(["keys", "set", "openai"]) == 0
        assert main(["keys", "list"]) == 0

        # 2. Settings point the provider at the fake and are saved like the app does.
        settings = Settings(paths.settings_path())
        settings.set(BASE_URLS["openai"], fake.base_url)
        settings.save()

        # 3. Escalate a conversation and chat: a good reply, a cut stream, a refusal.
        writer = SerialWriter(paths.database_path())
        try:
            conversation = writer.call(lambda c: repo.create_conversation(c, "Trip planning"))
            writer.call(
                lambda c: repo.update_conversation(
                    c, conversation.id, cloud_provider="openai", cloud_model="gpt-4.1"
                )
            )
            engine = engine_for("openai", "gpt-4.1", settings, KeyStore(), max_retries=0)
            for name in ("openai", "httpx2", "httpcore2"):  # the noisiest debug logs there are
                caplog.set_level(logging.DEBUG, logger=name)  # restored after the test
            fake.push(
                Reply(tokens=["Sure", ", here", " is a plan."]),
                Reply(tokens=["Half", " a"], cut_after=1),
                Reply(error=ERRORS["unauthorized"](KEY)),
            )
            outcomes = [
                _turn(writer, conversation.id, engine, settings, text)
                for text in ("Plan a trip", "And the budget?", "Thanks")
            ]
            assert outcomes == ["ok", "failed", "failed"]
            # The key really was used: the provider received it on every request.
            assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in fake.requests)

            # 4. Export the month's report as a file in the data dir.
            report = data_dir / "report.csv"
            assert main(["report", "--format", "csv", "--out", str(report)]) == 0
            assert report.stat().st_size > 0
        finally:
            writer.close()
        assert keyring_backend.secrets[(SERVICE, "openai")] == KEY

    # 5. Search everything Hearth wrote or printed.
    for handler in logging.getLogger().handlers:
        handler.flush()
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert paths.database_path() in files and paths.settings_path() in files
    assert debug_log in files and debug_log.stat().st_size > 0
    needles = [KEY.encode(), KEY.encode("utf-16-le"), KEY[8:].encode()]
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"the key leaked into {path}"
    printed = capsys.readouterr()
    assert "sk-proj-…f0Gc" in printed.out  # the masked form, from `hearth keys list`
    for text in (printed.out, printed.err, caplog.text):
        assert KEY not in text and KEY[8:] not in text
