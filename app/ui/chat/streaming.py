"""Replies in flight: run on the task pool, painted once per frame, stored when done.

The worker thread only appends deltas to a locked list. A 16 ms timer on the GUI thread
drains each list and hands the text to whichever view shows that conversation, so the
view is repainted at most once per frame however fast tokens arrive. The partial text is
checkpointed to the database every few seconds, so even a crash keeps most of a reply.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QTimer, Signal

from app.chat.service import EnergyProbe, Pricer, Reply, run_reply, unexpected_failure
from app.core.errors import KnownError
from app.engines.base import ChatEngine, ChatRequest, EngineError, ErrorKind
from app.storage import repo
from app.storage.records import UsageRecord, utc_now
from app.ui.chat.errors import describe_engine_error
from app.ui.context import AppContext

log = logging.getLogger(__name__)

FRAME_MS = 16
MAX_FRAME_MS = 100
CHECKPOINT_SECONDS = 3.0

Sink = Callable[[str], None]


@dataclass
class ReplyRun:
    conversation_id: int
    message_id: int
    model: str
    engine_id: str
    cancel: threading.Event = field(default_factory=threading.Event)
    text: str = ""
    _pending: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    sink: Sink | None = None
    last_checkpoint: float = field(default_factory=time.monotonic)

    def push(self, piece: str) -> None:  # worker thread
        with self._lock:
            self._pending.append(piece)

    def drain(self) -> str:  # GUI thread
        with self._lock:
            if not self._pending:
                return ""
            chunk = "".join(self._pending)
            self._pending.clear()
        self.text += chunk
        return chunk


@dataclass(frozen=True)
class FinishedReply:
    run: ReplyRun
    reply: Reply
    usage: UsageRecord


def _unsent_usage(run: ReplyRun) -> UsageRecord:
    return UsageRecord(
        ts=utc_now(),
        engine=run.engine_id,
        model=run.model,
        is_local=False,
        outcome="failed",
        context_tokens=0,
        output_tokens_estimate=0,
        wall_ms=0.0,
        conversation_id=run.conversation_id,
        message_id=run.message_id,
    )


def _checkpoint(message_id: int, text: str) -> Callable[[sqlite3.Connection], None]:
    def save(conn: sqlite3.Connection) -> None:
        repo.update_message(conn, message_id, content=text, status="streaming")

    return save


class StreamController(QObject):
    started = Signal(int)  # conversation id
    finished = Signal(object)  # FinishedReply
    store_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        energy_probe: EnergyProbe | None = None,
        pricer: Pricer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._energy_probe = energy_probe
        self._pricer = pricer
        self._runs: dict[int, ReplyRun] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._paint)

    def run_for(self, conversation_id: int) -> ReplyRun | None:
        return self._runs.get(conversation_id)

    def active(self) -> list[ReplyRun]:
        return list(self._runs.values())

    def start(
        self,
        conversation_id: int,
        message_id: int,
        engine_factory: Callable[[], ChatEngine],
        request: ChatRequest,
        provider: str,
        sink: Sink | None,
    ) -> ReplyRun:
        run = ReplyRun(conversation_id, message_id, request.model, provider, sink=sink)
        self._runs[conversation_id] = run

        def work() -> Reply | EngineError:
            try:
                engine = engine_factory()  # may read a key from the OS keyring
            except EngineError as exc:
                return exc
            except KnownError as exc:
                return EngineError(ErrorKind.BAD_REQUEST, str(exc))
            return run_reply(
                engine,
                request,
                run.cancel,
                run.push,
                conversation_id=conversation_id,
                message_id=message_id,
                provider=provider,
                energy_probe=self._energy_probe,
                pricer=self._pricer,
            )

        future = self._ctx.tasks.submit(work)
        self._ctx.tasks.watch(
            future,
            lambda outcome: self._done(run, outcome),
            lambda exc: self._crashed(run, exc),
            owner=self,
        )
        if not self._timer.isActive():
            self._timer.start()
        self.started.emit(conversation_id)
        return run

    def stop(self, conversation_id: int) -> None:
        run = self._runs.get(conversation_id)
        if run is not None:
            run.cancel.set()

    def stop_all(self) -> None:
        for run in self._runs.values():
            run.cancel.set()

    def _paint(self) -> None:
        started = time.perf_counter()
        self._paint_runs()
        # Keep painting to ~10% of the time: when tokens pour in faster than anyone can
        # read, frames get bigger rather than the GUI thread taking the CPU (and, through
        # the GIL, the stream's own reader) away.
        cost_ms = (time.perf_counter() - started) * 1000
        self._timer.setInterval(int(min(MAX_FRAME_MS, max(FRAME_MS, cost_ms * 10))))

    def _paint_runs(self) -> None:
        now = time.monotonic()
        for run in list(self._runs.values()):
            chunk = run.drain()
            if chunk and run.sink is not None:
                run.sink(chunk)
            if chunk and now - run.last_checkpoint > CHECKPOINT_SECONDS:
                run.last_checkpoint = now
                self._ctx.writer.submit(_checkpoint(run.message_id, run.text))
        if not self._runs:
            self._timer.stop()

    def _done(self, run: ReplyRun, outcome: Reply | EngineError) -> None:
        self._end_run(run)
        if isinstance(outcome, EngineError):
            self._not_sent(run, outcome)
            return
        reply = outcome
        error_text = ""
        if reply.error is not None:
            error_text = describe_engine_error(reply.error)

        def store(conn: sqlite3.Connection) -> UsageRecord:
            repo.update_message(
                conn,
                run.message_id,
                content=reply.content,
                status=reply.outcome,
                error=error_text,
                engine=reply.usage.engine,
                model=reply.usage.model,
            )
            usage_id = repo.record_usage(conn, reply.usage)
            return replace(reply.usage, id=usage_id)

        def stored(usage: UsageRecord) -> None:
            self.finished.emit(FinishedReply(run, reply, usage))
            self._ctx.events.reply_recorded.emit(usage)

        def failed(exc: BaseException) -> None:
            self.store_failed.emit(str(exc))
            self.finished.emit(FinishedReply(run, reply, reply.usage))

        self._ctx.tasks.watch(self._ctx.writer.submit(store), stored, failed, owner=self)

    def _crashed(self, run: ReplyRun, exc: BaseException) -> None:
        """The reply's task itself failed (a bug): end the reply as failed, with the text
        that had arrived, rather than leave it "writing…" for ever."""
        log.error("reply task failed", exc_info=exc)
        self._end_run(run)
        self._not_sent(run, unexpected_failure(exc))

    def _end_run(self, run: ReplyRun) -> None:
        """Paint the last text that arrived and forget the run."""
        chunk = run.drain()
        if chunk and run.sink is not None:
            run.sink(chunk)
        self._runs.pop(run.conversation_id, None)

    def _not_sent(self, run: ReplyRun, error: EngineError) -> None:
        """The reply ended without a usage to record: the engine could not even be built
        (local-only mode, no key), or the task failed. Marked failed with the reason,
        keeping any text that had arrived."""
        text = describe_engine_error(error)
        reply = Reply(run.text, "", "failed", error, _unsent_usage(run))

        def store(conn: sqlite3.Connection) -> None:
            repo.update_message(conn, run.message_id, content=run.text, status="failed", error=text)

        self._ctx.tasks.watch(
            self._ctx.writer.submit(store),
            lambda _r: self.finished.emit(FinishedReply(run, reply, reply.usage)),
            lambda exc: self.store_failed.emit(str(exc)),
            owner=self,
        )
