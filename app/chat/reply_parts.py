"""What a reply is made of, apart from the core that runs it (app/chat/conversation.py):
how it is routed, the request built from the history, the reply while it streams, and
what a finished one and an opened conversation hold. Qt-free like the core."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from app.chat import branches
from app.chat.attachments import wire_images
from app.chat.service import Reply
from app.chat.thinking import ThinkingTrace
from app.core.i18n import translate
from app.engines.base import ChatEngine, ChatMessage, ChatRequest
from app.storage import repo, tree
from app.storage.records import Conversation, Message, UsageRecord, utc_now

if TYPE_CHECKING:
    from app.privacy.gate import Decision

T = TypeVar("T")

CHECKPOINT_SECONDS = 1.0
"""How often a streaming reply's text is saved: a crash loses at most about this much."""
TITLE_LENGTH = 48


class Store(Protocol):
    """The serial database writer: runs ``fn(conn)`` on its thread."""

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]: ...


Submit = Callable[[Callable[[], T]], "Future[T]"]


@dataclass(frozen=True)
class Route:
    """How one reply is produced: which engine, for which provider and model."""

    factory: Callable[[], ChatEngine]
    provider: str
    model: str
    engine_label: str
    leaves_machine: bool = False
    """True when the request goes anywhere but this machine (a cloud, Ollama's cloud
    models, a remote server): the gate reviews it first."""


class Router(Protocol):
    def route(self, conversation: Conversation, local_model: str) -> Route: ...


def unchecked_refusal() -> str:
    return translate("Chat", "Nothing was sent: this request would leave the computer unchecked.")


class SendCancelled(Exception):  # noqa: N818 - a decision, not an error
    """The person chose not to send (the gate's dialog, or the CLI without --send-anyway)."""


class OutboundGate(Protocol):
    """Reviews every request that leaves the machine, on the reply's own thread, before
    the engine is contacted. Returns the request to send (perhaps redacted), or raises
    ``SendCancelled``. It may wait for the person: only that reply's thread waits."""

    def review(self, conversation_id: int, route: Route, request: ChatRequest) -> ChatRequest: ...


class ExpectingGate(OutboundGate, Protocol):
    def expect(self, conversation_id: int, decision: Decision) -> None:
        """A decision the person already made for this conversation's next send."""
        ...


class LazyGate:
    """Builds the outbound gate at its first use: a reply's review (on that reply's
    thread) or a decision handed over by "Send to cloud…". The gate, its detectors and
    its records cost ~10 ms to import, which the window's start-up need not pay."""

    def __init__(self, factory: Callable[[], ExpectingGate]) -> None:
        self._factory = factory
        self._gate: ExpectingGate | None = None
        self._lock = threading.Lock()

    def _built(self) -> ExpectingGate:
        with self._lock:
            if self._gate is None:
                self._gate = self._factory()
            return self._gate

    def review(self, conversation_id: int, route: Route, request: ChatRequest) -> ChatRequest:
        return self._built().review(conversation_id, route, request)

    def expect(self, conversation_id: int, decision: Decision) -> None:
        self._built().expect(conversation_id, decision)


def title_from(text: str, fallback: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    if not line:
        return fallback
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"


def build_request(
    conversation: Conversation, messages: Sequence[Message], model: str
) -> ChatRequest:
    """What the model sees: the system prompt and every message that carries content.

    Failed replies are left out (they are our error, not the model's words), and so is
    a reply still being written; stopped replies stay in, since the person saw them.
    """
    wire: list[ChatMessage] = []
    if conversation.system_prompt.strip():
        wire.append(ChatMessage("system", conversation.system_prompt))
    for message in messages:
        if message.role == "assistant" and (message.status == "failed" or not message.content):
            continue
        if message.status == "streaming":
            continue
        # Issue 12: images as sent -- a large one scaled down once, the original kept.
        images = wire_images(message.attachments) if message.attachments else ()
        wire.append(ChatMessage(message.role, message.content, images))
    return ChatRequest(model=model, messages=tuple(wire))


@dataclass
class LiveReply:
    """A reply being written. The reply's thread pushes text; readers drain or read it."""

    conversation_id: int
    placeholder: Message
    route: Route
    cancel: threading.Event = field(default_factory=threading.Event)
    done: Future[FinishedReply] = field(default_factory=Future)
    on_delta: Callable[[str], None] | None = None
    thought: ThinkingTrace = field(default_factory=ThinkingTrace)
    """Issue 16: the thinking streamed before the answer, apart from its text."""
    _parts: list[str] = field(default_factory=list)
    _drained: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _next_checkpoint: float = field(default_factory=lambda: time.monotonic() + CHECKPOINT_SECONDS)

    @property
    def message_id(self) -> int:
        return self.placeholder.id

    @property
    def model(self) -> str:
        return self.route.model

    def push(self, piece: str) -> None:  # the reply's thread, once per piece: keep it lean
        with self._lock:
            self._parts.append(piece)
        self.thought.answer_began()
        if self.on_delta is not None:
            self.on_delta(piece)

    def drain(self) -> str:
        """Text that arrived since the last drain (one reader: the window's frame)."""
        with self._lock:
            parts = self._parts[self._drained :]
            self._drained = len(self._parts)
        return "".join(parts)

    @property
    def text(self) -> str:
        with self._lock:
            return "".join(self._parts)

    def snapshot(self) -> str:
        """All the text so far, counted as drained: for a view that shows it afresh and
        then follows with ``drain`` (nothing shown twice, nothing skipped)."""
        with self._lock:
            self._drained = len(self._parts)
            return "".join(self._parts)

    def checkpoint_due(self) -> bool:
        now = time.monotonic()
        if now < self._next_checkpoint:
            return False
        self._next_checkpoint = now + CHECKPOINT_SECONDS
        return True


@dataclass(frozen=True)
class FinishedReply:
    live: LiveReply
    reply: Reply
    usage: UsageRecord
    """With its database id once stored."""
    error_text: str = ""
    cancelled: bool = False
    """The person chose not to send it: the placeholder is gone."""


@dataclass(frozen=True)
class Opened:
    conversation: Conversation | None
    messages: list[Message]
    """The latest page, oldest first."""
    has_older: bool
    alternatives: dict[int, branches.Alternatives] = field(default_factory=dict)
    """Issue 16: the shown messages that have other versions (◀ n/m ▶)."""


def open_page(conn: sqlite3.Connection, conversation_id: int, limit: int) -> Opened:
    """The newest page of the active branch, with the versions of what it shows."""
    conversation = repo.get_conversation(conn, conversation_id)
    if conversation is None:
        return Opened(None, [], False)
    page, has_older = tree.path_page(conn, conversation_id, limit=limit)
    found = tree.alternatives(conn, conversation_id, [m.id for m in page])
    return Opened(conversation, page, has_older, found)


StoreProblem = Callable[[LiveReply, BaseException], None]


def not_sent_usage(live: LiveReply) -> UsageRecord:
    return UsageRecord(
        ts=utc_now(),
        engine=live.route.engine_label,
        provider=live.route.provider,
        model=live.model,
        is_local=not live.route.leaves_machine,
        outcome="failed",
        context_tokens=0,
        output_tokens_estimate=0,
        wall_ms=0.0,
        conversation_id=live.conversation_id,
        message_id=live.message_id,
    )
