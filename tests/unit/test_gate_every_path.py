"""Every path of the conversation layer passes the one gate, against fake servers over HTTP.

First send, follow-up, regenerate, retry -- to a cloud provider (fake OpenAI) and to an
Ollama cloud model (fake Ollama listing ``remote_host``). The gate's check is spied on
(``check_outbound`` is the one function), and what reaches each fake server proves the
decision was applied: cancelled requests never arrive, redacted ones arrive redacted.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from app.chat.conversation import ChatCore, FinishedReply
from app.chat.routes import EngineResolver
from app.cloud.keys import KeyStore
from app.cloud.providers import BASE_URLS
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.base import ErrorKind
from app.privacy import review as review_module
from app.privacy.detectors import cn_id_check_char
from app.privacy.gate import Action, Check, Decision
from app.privacy.review import ConversationGate
from app.privacy.store import redacted_versions
from app.storage import repo
from app.storage.records import Conversation
from app.storage.writer import SerialWriter
from tests.fakes.memory_keyring import MemoryKeyring, installed
from tests.fakes.ollama_server import ChatScript, FakeOllama, cloud_models, default_models
from tests.fakes.openai_server import ERRORS, FakeOpenAI, Reply

AWS = "AKIAIOSFODNN7EXAMPLE"
FIRST17 = "11010519491231002"
CN_ID = FIRST17 + cn_id_check_char(FIRST17)
KEY = "sk-proj-GateEveryPath0123456789abcdef"
LOCAL = "llama3.2:latest"


class Asker:
    """Answers the gate like a person would, and remembers every question."""

    def __init__(self) -> None:
        self.answers: list[Decision | None] = []
        self.asked: list[Check] = []

    def __call__(self, _conversation_id: int, check: Check) -> Decision | None:
        self.asked.append(check)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def ollama() -> Iterator[FakeOllama]:
    with FakeOllama(default_models() + cloud_models()) as fake:
        yield fake


@pytest.fixture
def cloud() -> Iterator[FakeOpenAI]:
    with installed(MemoryKeyring()), FakeOpenAI(api_key=KEY, models=["gpt-4.1"]) as server:
        KeyStore().set("openai", KEY)
        yield server


@pytest.fixture
def world(
    data_dir: Path, ollama: FakeOllama, cloud: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[ChatCore, Asker, list[Check], SerialWriter, Settings]]:
    data_dir.mkdir(parents=True, exist_ok=True)
    writer = SerialWriter(data_dir / "hearth.sqlite3")
    writer.opened().result(10)
    settings = Settings(data_dir / "settings.json")
    settings.set(BASE_URLS["openai"], cloud.base_url)
    resolver = EngineResolver(settings, ollama.url)
    asker = Asker()
    checks: list[Check] = []
    real = review_module.check_outbound

    def spy(*args: Any, **kwargs: Any) -> Check:
        check = real(*args, **kwargs)
        checks.append(check)
        return check

    monkeypatch.setattr(review_module, "check_outbound", spy)
    gate = ConversationGate(
        writer, settings, ollama.url, asker, ollama_details=resolver.local().model_details
    )
    pool = ThreadPoolExecutor(2)
    core = ChatCore(writer, pool.submit, resolver, gate=gate)
    yield core, asker, checks, writer, settings
    pool.shutdown(wait=True, cancel_futures=True)
    writer.close()


def turn(core: ChatCore, conversation: Conversation | None, text: str) -> FinishedReply:
    target, _ = core.send(conversation, text, model=LOCAL).result(10)
    return core.reply(target.id, LOCAL).result(10).done.result(30)


def test_every_path_to_a_cloud_stops_for_a_decision(
    world: tuple[ChatCore, Asker, list[Check], SerialWriter, Settings], cloud: FakeOpenAI
) -> None:
    core, asker, checks, writer, _settings = world
    first = turn(core, None, "Plan a trip to Chengdu")
    assert first.reply.outcome == "ok" and asker.asked == []  # local: no question
    conversation_id = first.live.conversation_id
    escalated = core.escalate(conversation_id, "openai", "gpt-4.1").result(10)

    # First send to the cloud (clean history): checked, nothing to ask.
    cloud.push(Reply(tokens=["Sure"]))
    clean = core.reply(conversation_id, LOCAL).result(10).done.result(30)
    assert clean.reply.outcome == "ok" and len(cloud.chat_requests()) == 1
    assert asker.asked == [] and checks[-1].destination.provider == "openai"

    # Follow-up with an AWS key and a resident ID number: stops for a decision.
    asker.answers = [Decision(Action.CANCEL)]
    stopped = turn(core, escalated, f"我的AWS密钥{AWS}，身份证{CN_ID}，帮我订酒店")
    assert stopped.cancelled and len(cloud.chat_requests()) == 1  # nothing went out
    assert sorted(i.kind.value for i in asker.asked[-1].ask) == ["API_KEY", "CN_ID"]
    stored = writer.call(lambda c: repo.list_messages(c, conversation_id))
    assert stored[-1].role == "user" and AWS in stored[-1].content  # the words are kept

    # Retry the same turn (the reply was cancelled: ask again) and redact this time.
    asker.answers = [Decision(Action.REDACT)]
    cloud.push(Reply(tokens=["Booked"]))
    redacted = core.reply(conversation_id, LOCAL).result(10).done.result(30)
    assert redacted.reply.outcome == "ok" and len(asker.asked) == 2
    body = str(cloud.chat_requests()[-1].body)
    assert AWS not in body and CN_ID not in body and "[API_KEY]" in body and "[CN_ID]" in body
    versions = writer.call(lambda c: redacted_versions(c, conversation_id))
    assert any("[CN_ID]" in v.sent_content for vs in versions.values() for v in vs)

    # Regenerate the reply: checked again; the message already went out redacted, so it
    # is re-sent in that form without a new question.
    cloud.push(Reply(tokens=["Booked again"]))
    again = core.regenerate(conversation_id, redacted.live.message_id, LOCAL).result(10)
    finished = again.done.result(30)
    assert finished.reply.outcome == "ok" and len(asker.asked) == 2
    body = str(cloud.chat_requests()[-1].body)
    assert AWS not in body and CN_ID not in body

    # A new secret, sent as written; its reply fails (the provider refuses it); the
    # retry passes the gate too, and, already sent as written, asks nothing new.
    asker.answers = [Decision(Action.SEND)]
    new_secret = "sk-proj-AnotherSecretKeyForTesting0123"
    cloud.push(Reply(error=ERRORS["not_found"](model="gpt-4.1")))
    sent = turn(core, escalated, f"and this one: {new_secret}")
    assert sent.reply.outcome == "failed"
    assert len(asker.asked) == 3 and new_secret in str(cloud.chat_requests()[-1].body)
    cloud.push(Reply(tokens=["retried"]))
    retried = core.retry(conversation_id, sent.live.message_id, LOCAL).result(10).done.result(30)
    assert retried.reply.outcome == "ok" and len(asker.asked) == 3

    # Every reply above went through the one check, none around it.
    assert len(checks) == 7 and all(c.destination.leaves_machine for c in checks[1:])


def test_dont_ask_again_holds_for_those_items_and_a_new_one_asks(
    world: tuple[ChatCore, Asker, list[Check], SerialWriter, Settings], cloud: FakeOpenAI
) -> None:
    core, asker, _checks, _writer, _settings = world
    target, _ = core.send(None, "hi", model=LOCAL).result(10)
    conversation = core.escalate(target.id, "openai", "gpt-4.1").result(10)
    asker.answers = [Decision(Action.SEND, remember=True)]
    cloud.push(Reply(tokens=["a"]), Reply(tokens=["b"]), Reply(tokens=["c"]))
    turn(core, conversation, f"key {AWS}")
    assert len(asker.asked) == 1
    turn(core, conversation, f"the same key {AWS} once more")
    assert len(asker.asked) == 1  # not asked again in this conversation
    assert AWS in str(cloud.chat_requests()[-1].body)
    asker.answers = [Decision(Action.REDACT)]
    turn(core, conversation, f"key {AWS} and id {CN_ID}")
    assert len(asker.asked) == 2 and [i.kind.value for i in asker.asked[-1].ask] == ["CN_ID"]
    body = str(cloud.chat_requests()[-1].body)
    assert AWS in body and CN_ID not in body


def test_an_ollama_cloud_model_is_checked_blocked_and_booked_as_cloud(
    world: tuple[ChatCore, Asker, list[Check], SerialWriter, Settings], ollama: FakeOllama
) -> None:
    core, asker, _checks, writer, settings = world
    target, _ = core.send(None, f"密钥{AWS}", model="gpt-oss:120b-cloud").result(10)
    asker.answers = [Decision(Action.CANCEL)]
    cancelled = core.reply(target.id, "gpt-oss:120b-cloud").result(10).done.result(30)
    assert cancelled.cancelled and ollama.requests_to("/api/chat") == []
    assert "ollama.com" in asker.asked[-1].where

    asker.answers = [Decision(Action.REDACT)]
    ollama.chat_scripts.append(ChatScript(["好的"]))
    done = core.reply(target.id, "gpt-oss:120b-cloud").result(10).done.result(30)
    assert done.reply.outcome == "ok"
    sent = ollama.requests_to("/api/chat")[-1].body["messages"][-1]["content"]
    assert sent == "密钥[API_KEY]"
    assert done.usage.is_local is False and done.usage.cost_usd is None  # cloud use
    # Cut off before Ollama's last line (which names remote_host): still cloud use.
    ollama.chat_scripts.append(ChatScript(["半", "句"], cut_after=1))
    cut = core.reply(target.id, "gpt-oss:120b-cloud").result(10).done.result(30)
    assert cut.reply.outcome == "failed" and cut.usage.is_local is False

    settings.set(LOCAL_ONLY, True)
    blocked = turn(core, None, "nothing private")
    assert blocked.reply.outcome == "ok"  # the local model is fine in local-only mode
    target2, _ = core.send(None, "hello", model="gpt-oss:120b-cloud").result(10)
    refused = core.reply(target2.id, "gpt-oss:120b-cloud").result(10).done.result(30)
    assert refused.reply.outcome == "failed" and refused.reply.error is not None
    assert refused.reply.error.kind is ErrorKind.BLOCKED
    assert "Local-only mode" in refused.error_text
    assert len(ollama.requests_to("/api/chat")) == 3  # the refused one never went
    stored = writer.call(lambda c: repo.list_messages(c, target2.id))
    assert stored[0].content == "hello"  # kept


def test_without_a_gate_nothing_leaves(
    data_dir: Path, cloud: FakeOpenAI, ollama: FakeOllama
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    writer = SerialWriter(data_dir / "hearth.sqlite3")
    writer.opened().result(10)
    settings = Settings(data_dir / "settings.json")
    settings.set(BASE_URLS["openai"], cloud.base_url)
    pool = ThreadPoolExecutor(1)
    try:
        core = ChatCore(writer, pool.submit, EngineResolver(settings, ollama.url))
        target, _ = core.send(None, "hi", model=LOCAL).result(10)
        core.escalate(target.id, "openai", "gpt-4.1").result(10)
        finished = core.reply(target.id, LOCAL).result(10).done.result(30)
        assert finished.reply.outcome == "failed" and cloud.chat_requests() == []
    finally:
        pool.shutdown(wait=True)
        writer.close()


def png(width: int = 8) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    image = QImage(width, width, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def test_images_never_go_to_a_model_that_cannot_see(
    world: tuple[ChatCore, Asker, list[Check], SerialWriter, Settings], ollama: FakeOllama
) -> None:
    from app.storage.records import Attachment

    core, _asker, _checks, _writer, _settings = world
    picture = Attachment("image/png", png(), "p.png")
    target, _ = core.send(None, "what is this?", [picture], model="gemma3:4b").result(10)
    seen = core.reply(target.id, "gemma3:4b").result(10).done.result(30)
    assert seen.reply.outcome == "ok"
    assert ollama.requests_to("/api/chat")[-1].body["messages"][-1]["images"]

    # The same conversation on a text-only model: the old picture is left out...
    core.send(target, "and in words?", model=LOCAL).result(10)
    words = core.reply(target.id, LOCAL).result(10).done.result(30)
    assert words.reply.outcome == "ok"
    body = ollama.requests_to("/api/chat")[-1].body
    assert all("images" not in m for m in body["messages"])
    # ...and a new one is refused in words, with nothing sent.
    core.send(target, "and this one?", [picture], model=LOCAL).result(10)
    count = len(ollama.requests_to("/api/chat"))
    refused = core.reply(target.id, LOCAL).result(10).done.result(30)
    assert refused.reply.outcome == "failed" and "cannot see images" in refused.error_text
    assert len(ollama.requests_to("/api/chat")) == count


def test_a_large_image_is_sent_scaled(
    world: tuple[ChatCore, Asker, list[Check], SerialWriter, Settings], ollama: FakeOllama
) -> None:
    import base64

    from PySide6.QtGui import QImage

    from app.chat.attachments import SEND_MAX_SIDE
    from app.storage.records import Attachment

    core, _asker, _checks, writer, _settings = world
    big = png(3000)
    target, _ = core.send(
        None, "big", [Attachment("image/png", big, "big.png")], model="gemma3:4b"
    ).result(10)
    assert core.reply(target.id, "gemma3:4b").result(10).done.result(30).reply.outcome == "ok"
    sent = base64.b64decode(ollama.requests_to("/api/chat")[-1].body["messages"][-1]["images"][0])
    assert QImage.fromData(sent).width() == SEND_MAX_SIDE
    stored = writer.call(lambda c: repo.list_messages(c, target.id))[0].attachments[0].data
    assert stored == big  # the original is kept
