"""Downloading a model through Ollama's streamed ``/api/pull``, Qt-free.

One :class:`PullJob` per download. ``run()`` blocks (call it on a worker thread) and
reports :class:`PullProgress` through a callback; ``cancel()`` may be called from any
thread. Each attempt is one ``Client.pull(name, stream=True)``: lines are read on a
reader thread and handed over through a queue, so the controlling loop can notice a
cancel or a stall even while the socket is silent. Stopping an attempt shuts the socket
down (``SHUT_RDWR`` wakes a blocked read), which makes Ollama stop downloading; its
``-partial`` blobs stay on disk, so the next pull continues where this one stopped.

A stall (no new bytes for ``stall_seconds`` while downloading) or a dropped connection
is retried with exponential backoff ``max_retries`` times, then reported in plain words.
An ``{"error": ...}`` line is the server's verdict and is reported as it said it.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.sizes import format_bytes

if TYPE_CHECKING:
    import httpx

# httpx and the ollama client are imported where a download uses them, on its thread:
# this module is loaded while the window opens (see app/engines/hosts.py).

DEFAULT_STALL_SECONDS = 60.0
DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 30.0
SPEED_WINDOW_SECONDS = 5.0
_POLL_SECONDS = 0.05


class PullError(KnownError):
    """The download failed; the message carries the server's reason."""


class PullCancelledError(Exception):
    """The person stopped the download; pulling again resumes it."""


class _StalledError(Exception):
    """One attempt made no progress for too long (or the connection dropped)."""


@dataclass(frozen=True)
class LayerProgress:
    digest: str
    total: int
    completed: int


@dataclass(frozen=True)
class PullProgress:
    model: str
    status: str
    """What the server says it is doing ("pulling 6a0746a1ec1a", "verifying sha256 digest")."""
    layers: tuple[LayerProgress, ...]
    completed_bytes: int
    total_bytes: int
    bytes_per_second: float | None
    eta_seconds: float | None
    attempt: int
    retrying_in: float | None = None
    """Seconds until the next attempt, while waiting after a stall."""

    @property
    def fraction(self) -> float:
        return self.completed_bytes / self.total_bytes if self.total_bytes else 0.0

    @property
    def done(self) -> bool:
        return self.status == "success"


ProgressCallback = Callable[[PullProgress], None]


def is_local_host(host: str) -> bool:
    """The disk check only means something when Ollama runs on this computer."""
    hostname = (urlparse(host).hostname or "").lower()
    return hostname in {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104 - a name, not a bind


def check_disk_space(name: str, needed_bytes: int | None, free_bytes: int | None) -> None:
    """Refuse a download that cannot fit, before a single byte is fetched."""
    if needed_bytes is None or free_bytes is None:
        return
    if needed_bytes > free_bytes:
        raise PullError(
            translate(
                "Library", "Not enough free disk space for {name}: it needs {needed}, {free} free."
            ).format(name=name, needed=format_bytes(needed_bytes), free=format_bytes(free_bytes)),
            hint=translate(
                "Library",
                "Free some space (or delete a model you no longer use), or set OLLAMA_MODELS "
                "to a larger disk and restart Ollama.",
            ),
        )


@dataclass
class _Tally:
    """Per-layer bytes and a sliding window for speed, across attempts."""

    expected_bytes: int | None
    layers: dict[str, LayerProgress] = field(default_factory=dict)
    session_bytes: int = 0
    """Bytes received by this job (not those a resumed pull already had)."""
    window: deque[tuple[float, int]] = field(default_factory=deque)

    def add(self, digest: str, total: int, completed: int, now: float) -> bool:
        """Record a progress line; True when new bytes arrived."""
        previous = self.layers.get(digest)
        before = previous.completed if previous is not None else completed
        self.layers[digest] = LayerProgress(digest, total, completed)
        gained = max(0, completed - before)
        self.session_bytes += gained
        self.window.append((now, self.session_bytes))
        while len(self.window) > 2 and now - self.window[0][0] > SPEED_WINDOW_SECONDS:
            self.window.popleft()
        return gained > 0

    def snapshot(self, name: str, status: str, attempt: int, now: float) -> PullProgress:
        completed = sum(layer.completed for layer in self.layers.values())
        total = sum(layer.total for layer in self.layers.values())
        if status != "success" and self.expected_bytes:
            total = max(total, self.expected_bytes)  # later layers are not announced yet
        speed = None
        if len(self.window) >= 2:
            (t0, b0), (t1, b1) = self.window[0], self.window[-1]
            if t1 - t0 >= 0.2:
                speed = (b1 - b0) / (t1 - t0)
        eta = (total - completed) / speed if speed and total > completed else None
        return PullProgress(
            name, status, tuple(self.layers.values()), completed, total, speed, eta, attempt
        )


class PullJob:
    def __init__(
        self,
        host: str,
        name: str,
        *,
        expected_bytes: int | None = None,
        stall_seconds: float = DEFAULT_STALL_SECONDS,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_seconds: float = DEFAULT_BACKOFF_SECONDS,
        insecure: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.host = host
        self.name = name
        self.insecure = insecure
        self.stall_seconds = stall_seconds
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self._clock = clock
        self._tally = _Tally(expected_bytes)
        self._cancel = threading.Event()
        self._socket_lock = threading.Lock()
        self._socket: socket.socket | None = None
        self.last_progress: PullProgress | None = None

    # --- control, from any thread -------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()
        self._abort_connection()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # --- the download, on a worker thread -----------------------------------------------

    def run(self, on_progress: ProgressCallback) -> PullProgress:
        """Pull until success; raise ``PullCancelledError`` or ``PullError``."""
        attempts = self.max_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._attempt(attempt, on_progress)
            except _StalledError as stalled:
                if self.cancelled:
                    raise PullCancelledError(self.name) from None
                if attempt == attempts:
                    raise PullError(
                        translate(
                            "Library",
                            "The download of {name} stopped making progress and {tries} "
                            "attempts did not get it going again.",
                        ).format(name=self.name, tries=attempts),
                        hint=translate(
                            "Library",
                            "Check the network connection (or try a mirror), then download "
                            "again: it continues where it stopped. Last problem: {reason}",
                        ).format(reason=stalled),
                    ) from None
                self._wait_before_retry(attempt, on_progress)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_before_retry(self, attempt: int, on_progress: ProgressCallback) -> None:
        delay = min(self.backoff_seconds * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS)
        status = translate("Library", "stalled; retrying in {seconds:.0f} s").format(seconds=delay)
        progress = self._tally.snapshot(self.name, status, attempt, self._clock())
        on_progress(_with_retry(progress, delay))
        if self._cancel.wait(delay):
            raise PullCancelledError(self.name)

    def _attempt(self, attempt: int, on_progress: ProgressCallback) -> PullProgress:
        lines: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        reader = threading.Thread(
            target=self._read, args=(lines,), name="hearth-pull-reader", daemon=True
        )
        reader.start()
        last_bytes_at = self._clock()
        status = "pulling manifest"
        try:
            while True:
                if self.cancelled:
                    raise PullCancelledError(self.name)
                try:
                    kind, item = lines.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    downloading = status.startswith("pulling")
                    if downloading and self._clock() - last_bytes_at > self.stall_seconds:
                        raise _StalledError(
                            translate("Library", "no progress for {seconds:.0f} s").format(
                                seconds=self.stall_seconds
                            )
                        ) from None
                    continue
                if kind == "error":
                    raise self._as_error(item)
                if kind == "end":
                    raise _StalledError(translate("Library", "the connection closed early"))
                status = str(item.status or "")
                now = self._clock()
                if item.digest and item.total:
                    if self._tally.add(item.digest, item.total, item.completed or 0, now):
                        last_bytes_at = now
                else:
                    last_bytes_at = now  # a new phase (manifest, verifying) is progress too
                progress = self._tally.snapshot(self.name, status, attempt, now)
                self.last_progress = progress
                on_progress(progress)
                if progress.done:
                    return progress
        finally:
            self._abort_connection()

    def _read(self, lines: queue.SimpleQueue[tuple[str, Any]]) -> None:
        with serial_imports:
            import httpx

        with serial_imports:
            from app.engines.ollama import client_for

        client = client_for(
            self.host,
            # The controlling loop decides what a stall is; this only bounds a dead socket.
            httpx.Timeout(max(self.stall_seconds * 3, 60.0), connect=10.0),
            event_hooks={"response": [self._remember_socket]},
        )
        try:
            for part in client.pull(self.name, insecure=self.insecure, stream=True):
                if self.cancelled:
                    return
                lines.put(("line", part))
            lines.put(("end", None))
        except Exception as exc:  # noqa: BLE001 - handed to the controlling loop
            lines.put(("error", exc))
        finally:
            client.close()  # type: ignore[no-untyped-call]

    def _remember_socket(self, response: httpx.Response) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._socket_lock:
            self._socket = sock if isinstance(sock, socket.socket) else None
        if self.cancelled:
            self._abort_connection()

    def _abort_connection(self) -> None:
        with self._socket_lock:
            sock, self._socket = self._socket, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _as_error(self, exc: BaseException) -> BaseException:
        with serial_imports:
            import httpx
        with serial_imports:
            import ollama

        if self.cancelled:
            return PullCancelledError(self.name)
        if isinstance(exc, ollama.ResponseError):
            return PullError(
                translate("Library", "Ollama could not download {name}: {reason}").format(
                    name=self.name, reason=exc.error
                ),
                hint=translate(
                    "Library",
                    "Check the name (and the mirror, if you use one). Downloading again "
                    "continues where it stopped.",
                ),
            )
        if isinstance(exc, ConnectionError | httpx.ConnectError):
            return PullError(
                translate("Library", "Ollama is not running at {host}.").format(host=self.host),
                hint=translate("Library", "Start Ollama, then download again."),
            )
        if isinstance(exc, httpx.TransportError):
            return _StalledError(str(exc) or type(exc).__name__)
        return exc


def _with_retry(progress: PullProgress, delay: float) -> PullProgress:
    return PullProgress(
        progress.model,
        progress.status,
        progress.layers,
        progress.completed_bytes,
        progress.total_bytes,
        None,
        None,
        progress.attempt,
        retrying_in=delay,
    )
