"""The life of a conversation, without Qt: what the window and ``hearth ask`` both drive.

``ChatCore`` owns every step of a turn — the person's message stored before anything
else, the reply's placeholder, checkpoints while it streams, the finished text and its
usage in one transaction, stop, regenerate and retry, escalation to a cloud and the way
back — and it is the one place that decides what is sent to an engine
(:func:`build_request`) and the one place a request that leaves the machine passes
before it goes (``OutboundGate``).

It knows nothing of threads' owners: the database is a ``Store`` (the serial writer),
replies run on an executor's ``submit`` (the window's reply lane, or a plain thread
pool for the CLI), and results come back as ``concurrent.futures.Future``. Streamed text
is read from a :class:`LiveReply` by whoever shows it: the window drains it once a frame,
the CLI passes ``on_delta``.

A reply whose save fails (a full disk) stays in memory and is saved again, with growing
pauses, until it can be; ``on_store_problem`` says so meanwhile, so the person is told
exactly what is not yet stored.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import TypeVar

from app.chat import branches
from app.chat.documents import title_text
from app.chat.errors import describe_engine_error
from app.chat.options import load_options, request_options
from app.chat.reply_parts import (
    CHECKPOINT_SECONDS,
    TITLE_LENGTH,
    FinishedReply,
    LiveReply,
    Opened,
    OutboundGate,
    Route,
    Router,
    SendCancelled,
    Store,
    StoreProblem,
    Submit,
    build_request,
    not_sent_usage,
    open_page,
    title_from,
    unchecked_refusal,
)
from app.chat.service import EnergyProbe, Pricer, Reply, run_reply, unexpected_failure
from app.core.errors import KnownError
from app.core.i18n import translate
from app.engines.base import ChatRequest, EngineError, ErrorKind
from app.engines.tokens import estimate_context_tokens
from app.storage import repo, tree
from app.storage.pages import page_from
from app.storage.records import Attachment, Conversation, Message, UsageRecord

log = logging.getLogger(__name__)

__all__ = [
    "CHECKPOINT_SECONDS",
    "HISTORY_PAGE",
    "TITLE_LENGTH",
    "ChatCore",
    "FinishedReply",
    "LiveReply",
    "Opened",
    "OutboundGate",
    "Route",
    "Router",
    "SendCancelled",
    "Store",
    "StoreProblem",
    "Submit",
    "build_request",
    "open_page",
    "title_from",
]
T = TypeVar("T")

STORE_RETRY_FIRST_S = 1.0
STORE_RETRY_MAX_S = 30.0
HISTORY_PAGE = 60
"""Messages a conversation opens with; older ones load as the person scrolls up."""


class ChatCore(branches.BranchHooks):
    """Also edit and branches: ``edit_and_resend``, ``switch_branch``, ``delete_message``
    (app/chat/branches.py)."""

    def __init__(
        self,
        store: Store,
        submit_reply: Submit[object],
        router: Router,
        *,
        energy_probe: EnergyProbe | None = None,
        pricer: Pricer | None = None,
        gate: OutboundGate | None = None,
        on_store_problem: StoreProblem | None = None,
    ) -> None:
        self._store = store
        self._submit_reply = submit_reply
        self._router = router
        self._energy_probe = energy_probe
        self._pricer = pricer
        self.gate = gate
        self.on_store_problem = on_store_problem
        self._live: dict[int, LiveReply] = {}
        self._live_lock = threading.Lock()
        self._closing = threading.Event()

    # --- reading -------------------------------------------------------------------------

    def live(self, conversation_id: int) -> LiveReply | None:
        with self._live_lock:
            return self._live.get(conversation_id)

    def active(self) -> list[LiveReply]:
        with self._live_lock:
            return list(self._live.values())

    def open(self, conversation_id: int, limit: int = HISTORY_PAGE) -> Future[Opened]:
        return self._store.submit(lambda conn: open_page(conn, conversation_id, limit))

    def open_at(self, conversation_id: int, message_id: int) -> Future[Opened]:
        """Like ``open``, but reaching back to ``message_id`` (a search result) with a
        few messages before it, however old it is (app/storage/pages.py)."""

        def load(conn: sqlite3.Connection) -> Opened:
            conversation = repo.get_conversation(conn, conversation_id)
            if conversation is None:
                return Opened(None, [], False)
            messages, has_older = page_from(conn, conversation_id, message_id)
            found = tree.alternatives(conn, conversation_id, [m.id for m in messages])
            return Opened(conversation, messages, has_older, found)

        return self._store.submit(load)

    def older(
        self, conversation_id: int, before_message_id: int, limit: int = HISTORY_PAGE
    ) -> Future[tuple[list[Message], bool]]:
        """The page before ``before_message_id``, oldest first, and whether more remain."""

        return self._store.submit(
            lambda conn: tree.path_page(
                conn, conversation_id, before_id=before_message_id, limit=limit
            )
        )

    def context_estimate(self, conversation_id: int, model: str) -> Future[int]:
        """Tokens the next request would carry: the whole history, read on the writer."""

        def estimate(conn: sqlite3.Connection) -> int:
            conversation = repo.get_conversation(conn, conversation_id)
            if conversation is None:
                return 0
            messages = tree.path_to(conn, conversation_id)  # the active branch only
            return estimate_context_tokens(build_request(conversation, messages, model).messages)

        return self._store.submit(estimate)

    def history(self, conversation_id: int) -> Future[list[Message]]:
        """Every message of the active branch, for what must see all that would be sent
        (the escalation check)."""
        return self._store.submit(lambda conn: tree.path_to(conn, conversation_id))

    # --- a turn --------------------------------------------------------------------------

    def send(
        self,
        conversation: Conversation | None,
        text: str,
        attachments: Sequence[Attachment] = (),
        *,
        model: str = "",
        untitled: str = "",
        system_prompt: str = "",
    ) -> Future[tuple[Conversation, Message]]:
        """Store the person's words (creating the conversation when there is none yet,
        with ``system_prompt``: the default for new conversations).
        Only once this resolves may the text leave the box: it is safe on disk."""
        fallback = untitled or translate("Chat", "New conversation")

        def store(conn: sqlite3.Connection) -> tuple[Conversation, Message]:
            target = conversation or repo.create_conversation(
                conn, title_from(title_text(text), fallback), model, system_prompt=system_prompt
            )
            message = repo.add_message(conn, target.id, "user", text, attachments=attachments)
            return target, message

        return self._store.submit(store)

    def reply(
        self,
        conversation_id: int,
        local_model: str,
        on_delta: Callable[[str], None] | None = None,
        *,
        replacing: int | None = None,
        alternative_to: int | None = None,
        think: bool | str | None = None,
    ) -> Future[LiveReply]:
        """Start the next reply: read the history, decide the request, add the
        placeholder (in one job on the writer), then stream on the reply lane. With
        ``replacing``, that reply is deleted first (retry); with ``alternative_to`` the
        new reply is another version of that one (regenerate). The history is the
        active branch up to the message the reply follows. ``think`` (issue 16) goes on
        the request as it is (see app/chat/thinking.py)."""
        if self.live(conversation_id) is not None:
            failed: Future[LiveReply] = Future()
            failed.set_exception(
                KnownError(translate("Chat", "A reply is still being written here."))
            )
            return failed

        def prepare(conn: sqlite3.Connection) -> tuple[LiveReply, ChatRequest]:
            conversation = repo.get_conversation(conn, conversation_id)
            if conversation is None:
                raise KnownError(translate("Chat", "This conversation no longer exists."))
            after = branches.anchor(conn, conversation_id, replacing or alternative_to)
            route = self._router.route(conversation, local_model or conversation.model)
            if not route.model:
                raise KnownError(translate("Chat", "Choose a model first."))
            if replacing is not None:
                tree.delete_message(conn, replacing)
            history = tree.path_to(conn, conversation_id, after)
            request = build_request(conversation, history, route.model)
            # Issues 15/16: the conversation's own temperature, seed, context, … if any.
            request = replace(request, options=request_options(load_options(conn, conversation_id)))
            if think is not None:
                request = replace(request, think=think)
            placeholder = repo.add_message(
                conn,
                conversation_id,
                "assistant",
                "",
                engine=route.engine_label,
                model=route.model,
                status="streaming",
                parent_id=after,
            )
            tree.forget_choice(conn, after)  # the newest version is the one chosen
            live = LiveReply(conversation_id, placeholder, route, on_delta=on_delta)
            return live, request

        started: Future[LiveReply] = Future()

        def prepared(future: Future[tuple[LiveReply, ChatRequest]]) -> None:
            exc = future.exception()
            if exc is not None:
                started.set_exception(exc)
                return
            live, request = future.result()
            with self._live_lock:
                self._live[conversation_id] = live
            try:
                self._submit_reply(lambda: self._stream(live, request))
            except RuntimeError as exc:  # the executor is shutting down: Hearth is quitting
                with self._live_lock:
                    self._live.pop(conversation_id, None)
                started.set_exception(exc)
                return
            started.set_result(live)

        self._store.submit(prepare).add_done_callback(prepared)
        return started

    def regenerate(
        self,
        conversation_id: int,
        message_id: int,
        local_model: str,
        on_delta: Callable[[str], None] | None = None,
        *,
        think: bool | str | None = None,
    ) -> Future[LiveReply]:
        """Ask for this reply again; the earlier one stays as an alternative."""
        return self.reply(
            conversation_id, local_model, on_delta, alternative_to=message_id, think=think
        )

    def retry(
        self,
        conversation_id: int,
        message_id: int,
        local_model: str,
        on_delta: Callable[[str], None] | None = None,
        *,
        think: bool | str | None = None,
    ) -> Future[LiveReply]:
        """A failed reply is asked for again in its place (its usage row stays)."""
        return self.reply(conversation_id, local_model, on_delta, replacing=message_id, think=think)

    def stop(self, conversation_id: int) -> None:
        live = self.live(conversation_id)
        if live is not None:
            live.cancel.set()

    def stop_all(self) -> None:
        for live in self.active():
            live.cancel.set()

    def close(self) -> None:
        """Quitting: stop every reply and give up waiting to save (checkpoints remain)."""
        self._closing.set()
        self.stop_all()

    # --- the conversation itself -----------------------------------------------------------

    def set_model(self, conversation_id: int, model: str) -> Future[None]:
        return self._store.submit(
            lambda conn: repo.update_conversation(conn, conversation_id, model=model)
        )

    def set_think(self, conversation_id: int, choice: str | None) -> Future[None]:
        """Issue 16: the conversation's Think choice (None: the model's default)."""
        return self._store.submit(
            lambda conn: repo.update_conversation(conn, conversation_id, think=choice)
        )

    def set_system_prompt(
        self, conversation: Conversation | None, text: str, *, model: str = "", untitled: str = ""
    ) -> Future[Conversation]:
        fallback = untitled or translate("Chat", "New conversation")

        def store(conn: sqlite3.Connection) -> Conversation:
            if conversation is None:
                return repo.create_conversation(conn, fallback, model, system_prompt=text)
            repo.update_conversation(conn, conversation.id, system_prompt=text)
            return replace(conversation, system_prompt=text)

        return self._store.submit(store)

    def escalate(self, conversation_id: int, provider_id: str, model: str) -> Future[Conversation]:
        """From now on this conversation's replies come from ``provider_id``'s ``model``.
        Nothing is sent here: the next reply goes there, through the gate."""
        return self._set_cloud(conversation_id, provider_id, model)

    def return_to_local(self, conversation_id: int) -> Future[Conversation]:
        return self._set_cloud(conversation_id, None, None)

    def _set_cloud(
        self, conversation_id: int, provider: str | None, model: str | None
    ) -> Future[Conversation]:
        def store(conn: sqlite3.Connection) -> Conversation:
            repo.update_conversation(
                conn, conversation_id, cloud_provider=provider, cloud_model=model
            )
            conversation = repo.get_conversation(conn, conversation_id)
            if conversation is None:
                raise KnownError(translate("Chat", "This conversation no longer exists."))
            return conversation

        return self._store.submit(store)

    # --- the reply's own thread ---------------------------------------------------------------

    def _stream(self, live: LiveReply, request: ChatRequest) -> None:
        try:
            finished = self._produce(live, request)
        except BaseException as exc:  # a reply must always end, whatever failed
            log.exception("a reply failed unexpectedly")
            finished = self._not_sent(live, unexpected_failure(exc))
        with self._live_lock:
            if self._live.get(live.conversation_id) is live:
                del self._live[live.conversation_id]
        live.done.set_result(finished)

    def _produce(self, live: LiveReply, request: ChatRequest) -> FinishedReply:
        route = live.route
        try:
            # Issue 12: every request passes the gate, whatever the route says: the gate
            # itself works out whether it leaves the machine (an Ollama cloud model, an
            # Ollama elsewhere) and is the one place that decides. No gate, no cloud.
            if self.gate is None and route.leaves_machine:
                raise EngineError(ErrorKind.BLOCKED, unchecked_refusal())
            engine = route.factory()  # may read a key from the OS keyring
            if self.gate is not None:  # after the engine: a missing key is said first
                request = self.gate.review(live.conversation_id, route, request)
        except SendCancelled:
            return self._cancelled(live)
        except EngineError as exc:
            return self._not_sent(live, exc)
        except KnownError as exc:
            return self._not_sent(live, EngineError(ErrorKind.BAD_REQUEST, str(exc)))

        def push(piece: str) -> None:
            live.push(piece)
            if live.checkpoint_due():
                self._checkpoint(live)

        def push_thinking(piece: str) -> None:
            live.thought.push(piece)
            if live.checkpoint_due():
                self._checkpoint(live)

        reply = run_reply(
            engine,
            request,
            live.cancel,
            push,
            conversation_id=live.conversation_id,
            message_id=live.message_id,
            provider=route.provider,
            energy_probe=self._energy_probe,
            pricer=self._pricer,
            leaves_machine=route.leaves_machine,
            on_thinking=push_thinking,
        )
        live.thought.end()
        error_text = describe_engine_error(reply.error) if reply.error is not None else ""

        def store(conn: sqlite3.Connection) -> UsageRecord:
            # The text and its usage are saved together or not at all.
            # (On an exception the writer rolls back.)
            conn.execute("BEGIN")
            repo.update_message(
                conn,
                live.message_id,
                content=reply.content,
                status=reply.outcome,
                error=error_text,
                engine=reply.usage.engine,
                model=reply.usage.model,
                thinking=reply.thinking,
                thinking_ms=live.thought.ms,
            )
            usage_id = repo.record_usage(conn, reply.usage)
            if conn.in_transaction:
                conn.execute("COMMIT")
            return replace(reply.usage, id=usage_id)

        usage = self._store_until_saved(live, store)
        return FinishedReply(live, reply, usage or reply.usage, error_text)

    def _checkpoint(self, live: LiveReply) -> None:
        text, message_id = live.text, live.message_id
        thinking, thinking_ms = live.thought.text, live.thought.ms

        def save(conn: sqlite3.Connection) -> None:
            repo.update_message(
                conn,
                message_id,
                content=text,
                status="streaming",
                thinking=thinking,
                thinking_ms=thinking_ms,
            )

        def saved(future: Future[None]) -> None:
            exc = future.exception()
            if exc is not None and self.on_store_problem is not None:
                self.on_store_problem(live, exc)

        self._store.submit(save).add_done_callback(saved)

    def _store_until_saved(
        self, live: LiveReply, store: Callable[[sqlite3.Connection], T]
    ) -> T | None:
        """Save, and if that fails keep trying with growing pauses while Hearth runs:
        the reply is in memory and on screen, and must reach the disk once it can."""
        pause = STORE_RETRY_FIRST_S
        while True:
            try:
                return self._store.submit(store).result()
            except Exception as exc:  # noqa: BLE001 - told to the person, then retried
                log.warning("reply %d not saved yet: %s", live.message_id, exc)
                if self.on_store_problem is not None:
                    self.on_store_problem(live, exc)
                if self._closing.wait(pause):
                    return None
                pause = min(pause * 2, STORE_RETRY_MAX_S)

    def _not_sent(self, live: LiveReply, error: EngineError) -> FinishedReply:
        """The reply ended without usage to record: the engine could not even be built
        (local-only mode, no key), or Hearth itself failed. Marked failed with the
        reason, keeping any text that had arrived."""
        text = describe_engine_error(error)
        content = live.text
        live.thought.end()
        thinking, thinking_ms = live.thought.text, live.thought.ms
        reply = Reply(content, thinking, "failed", error, not_sent_usage(live))

        def store(conn: sqlite3.Connection) -> None:
            repo.update_message(
                conn,
                live.message_id,
                content=content,
                status="failed",
                error=text,
                thinking=thinking,
                thinking_ms=thinking_ms,
            )

        self._store_until_saved(live, store)
        return FinishedReply(live, reply, reply.usage, text)

    def _cancelled(self, live: LiveReply) -> FinishedReply:
        self._store_until_saved(live, lambda conn: tree.delete_message(conn, live.message_id))
        reply = Reply("", "", "failed", None, not_sent_usage(live))
        return FinishedReply(live, reply, reply.usage, cancelled=True)
