"""The gate as the conversation layer calls it: ``ConversationGate.review``.

``ChatCore`` hands every request to ``review`` on the reply's own thread, just before
the engine is contacted -- first send, follow-up, regenerate, retry, ``hearth ask``
alike. ``review`` works out where the request really goes (a cloud provider, an Ollama
cloud model, an Ollama on another computer, or nowhere off this machine), reads the
conversation's records (what each recipient already received, standing "don't ask
again" decisions), runs the one check (``app.privacy.gate.check_outbound``), asks the
person when it found something, and records how each message left. It returns the
request to send, raises ``SendCancelled`` when the person said no, and raises
``EngineError(BLOCKED)`` in local-only mode.

Asking is injected: the window shows the findings dialog (and the reply thread waits
for it), ``hearth ask`` answers from ``--redact`` / ``--send-anyway``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import Protocol, TypeVar

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import LOCAL_ONLY, Settings
from app.engines.base import ChatRequest, EngineError, ErrorKind, ModelDetails
from app.privacy.egress import OLLAMA_PROVIDER, Destination
from app.privacy.gate import (
    Action,
    Check,
    Decision,
    GateCancelled,
    History,
    Status,
    apply_decision,
    check_outbound,
)
from app.privacy.outbound import destination_for
from app.privacy.store import history_for, load_allowances, load_sent, record_sent
from app.storage import repo, tree
from app.storage.records import Message

log = logging.getLogger(__name__)
T = TypeVar("T")

Asker = Callable[[int, Check], "Decision | None"]
"""(conversation id, the check) -> the person's decision, None for "do not send"."""
DetailsLookup = Callable[[str], ModelDetails]
"""An Ollama model's ``/api/show`` details (``OllamaEngine.model_details``)."""

_DETAILS_TTL_S = 60.0


class Store(Protocol):
    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> Future[T]: ...


class RouteLike(Protocol):
    @property
    def provider(self) -> str: ...

    @property
    def model(self) -> str: ...

    @property
    def leaves_machine(self) -> bool: ...


def _cancelled() -> Exception:
    with serial_imports:
        from app.chat.conversation import SendCancelled  # the layer's own "not sent"

    return SendCancelled()


def included_messages(request: ChatRequest, stored: Sequence[Message]) -> list[Message] | None:
    """The stored messages the request was built from, in wire order (the system prompt
    aside); None when the request does not match what is stored (then nothing counts as
    already sent and everything is checked)."""
    wire = [m for m in request.messages if m.role != "system"]
    found: list[Message] = []
    position = 0
    for message in wire:
        while position < len(stored) and not (
            stored[position].role == message.role and stored[position].content == message.content
        ):
            position += 1
        if position == len(stored):
            return None
        found.append(stored[position])
        position += 1
    return found


class ConversationGate:
    """``app.chat.conversation.OutboundGate`` for the window and ``hearth ask``."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        ollama_host: str,
        ask: Asker,
        *,
        ollama_details: DetailsLookup | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self._ollama_host = ollama_host
        self._ask = ask
        self._details = ollama_details
        self._details_cache: dict[str, tuple[float, ModelDetails | None]] = {}
        self._expected: dict[int, Decision] = {}
        self._lock = threading.Lock()

    # --- decisions made ahead ---------------------------------------------------------------

    def expect(self, conversation_id: int, decision: Decision) -> None:
        """A decision the person already made for this conversation's next send ("Send to
        cloud…" shows the same check): used once, and only if nothing new was found."""
        with self._lock:
            self._expected[conversation_id] = decision

    def _take_expected(self, conversation_id: int) -> Decision | None:
        with self._lock:
            return self._expected.pop(conversation_id, None)

    # --- where it goes ------------------------------------------------------------------------

    def _ollama_details(self, model: str) -> ModelDetails | None:
        if self._details is None:
            return None
        now = time.monotonic()
        with self._lock:
            cached = self._details_cache.get(model)
        if cached is not None and now - cached[0] < _DETAILS_TTL_S:
            return cached[1]
        try:
            details: ModelDetails | None = self._details(model)
        except EngineError as exc:
            log.info("no details for %s: %s", model, exc)
            details = None
        with self._lock:
            self._details_cache[model] = (now, details)
        return details

    def destination(self, route: RouteLike) -> Destination:
        """Where ``route`` sends: an Ollama model is asked about (/api/show says whether it
        is a cloud model), a provider is read from its preset and base URL."""
        if route.provider == OLLAMA_PROVIDER:
            details = self._ollama_details(route.model)
            remote = details.remote_host if details is not None else ""
            destination = destination_for(
                None, route.model, self._settings, ollama_host=self._ollama_host, remote_host=remote
            )
        else:
            destination = destination_for(
                route.provider, route.model, self._settings, ollama_host=self._ollama_host
            )
        if route.leaves_machine and not destination.leaves_machine:
            destination = replace(destination, leaves_machine=True)  # never less strict
        return destination

    # --- the review ---------------------------------------------------------------------------

    def _vision_checked(self, route: RouteLike, request: ChatRequest) -> ChatRequest:
        """No image goes to an Ollama model that cannot see: images of earlier turns are
        left out; an image in the message being answered refuses the send."""
        if route.provider != OLLAMA_PROVIDER or not any(m.images for m in request.messages):
            return request
        details = self._ollama_details(route.model)
        if details is None or details.vision:
            return request
        last_user = max((i for i, m in enumerate(request.messages) if m.role == "user"), default=-1)
        if last_user >= 0 and request.messages[last_user].images:
            raise EngineError(
                ErrorKind.BAD_REQUEST,
                translate(
                    "Attachments",
                    "{model} cannot see images, so nothing was sent. Choose a model that can "
                    "see images, or send the message without the image.",
                ).format(model=route.model),
            )
        messages = tuple(replace(m, images=()) if m.images else m for m in request.messages)
        return replace(request, messages=messages)

    def review(self, conversation_id: int, route: RouteLike, request: ChatRequest) -> ChatRequest:
        """The request to send (perhaps redacted); ``SendCancelled`` or
        ``EngineError(BLOCKED)`` when nothing may be sent."""
        request = self._vision_checked(route, request)
        destination = self.destination(route)
        local_only = bool(self._settings.get(LOCAL_ONLY))
        if not destination.leaves_machine:
            # Still the one check (it passes a request that stays here unchanged); no
            # records are needed for what never left.
            return check_outbound(request, destination, local_only=local_only).request

        def load(conn: sqlite3.Connection) -> tuple[History, dict[str, Action]]:
            conversation = repo.get_conversation(conn, conversation_id)
            stored = tree.path_to(conn, conversation_id)  # the branch sent (issue 16)
            included = included_messages(request, stored)
            sent = load_sent(conn, conversation_id, destination.key)
            if conversation is None or included is None:
                return History(), load_allowances(conn, conversation_id)
            has_system = any(m.role == "system" for m in request.messages)
            history = history_for(conversation, included, sent, with_system=has_system)
            return history, load_allowances(conn, conversation_id)

        history, allowances = self._store.submit(load).result()
        check = check_outbound(
            request, destination, local_only=local_only, allowances=allowances, history=history
        )
        return self._decide_and_record(conversation_id, check)

    def _decide_and_record(self, conversation_id: int, check: Check) -> ChatRequest:
        if check.status is Status.BLOCKED:
            raise check.blocked_error()
        expected = self._take_expected(conversation_id)
        decision: Decision | None = None
        if check.status is Status.ASK:
            if expected is not None and expected.covers(check):
                decision = expected
            else:
                decision = self._ask(conversation_id, check)
            if decision is None or decision.action is Action.CANCEL:
                raise _cancelled()
        try:
            outbound = apply_decision(check, decision)
        except GateCancelled:
            raise _cancelled() from None
        # Recorded before it is sent: the record says what left, never more than that.
        self._store.submit(lambda conn: record_sent(conn, conversation_id, outbound)).result()
        return outbound.request


__all__ = ["Asker", "ConversationGate", "included_messages"]
