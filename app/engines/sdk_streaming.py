"""Small pieces both cloud engines share: opening a stream with retries, stopping it
promptly, image types."""

from __future__ import annotations

import base64
import contextlib
import socket
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from app.engines.sdk_errors import class_names, retry_after_seconds

T = TypeVar("T")

RETRY_WAIT_LIMIT_S = 10.0
"""A longer wait is the person's call: the error says how long, and Retry is one click."""
_RETRY_STATUSES = frozenset({408, 409, 429})


def open_with_retries(
    open_stream: Callable[[], T], cancel: threading.Event, retries: int
) -> T | None:
    """``open_stream()``, tried again after a short wait when that can help (rate limit,
    overload, a 5xx, a dropped connection). The SDKs' own retries are off: they wait up to
    a minute a try, silently, and a Stop cannot end their wait. None once stopped."""
    attempt = 0
    while True:
        try:
            return open_stream()
        except Exception as exc:
            wait = retry_wait(exc, attempt)
            if wait is None or attempt >= retries or wait > RETRY_WAIT_LIMIT_S:
                raise
        attempt += 1
        if cancel.wait(wait):
            return None


def retry_wait(exc: BaseException, attempt: int) -> float | None:
    """Seconds to wait before trying ``exc``'s request again, or None when trying again
    cannot help. A timeout is not retried: the person has already waited that long."""
    names = class_names(exc)
    status = getattr(exc, "status_code", None)
    if "APITimeoutError" in names:
        return None
    if "APIConnectionError" not in names and not (
        isinstance(status, int) and (status in _RETRY_STATUSES or status >= 500)
    ):
        return None
    told = retry_after_seconds(getattr(getattr(exc, "response", None), "headers", None))
    return told if told is not None else min(8.0, 0.5 * 2**attempt)


class CloseOnCancel:
    """Closes a stream as soon as ``cancel`` is set, even while a read is blocked.

    Checking ``cancel`` between chunks alone would leave Stop waiting for the next token
    of a slow reply; closing the response from a watcher thread ends the read at once.

    Leaving the block never waits for the watcher: a reply that ended normally ends
    then, not when the watcher next looks up (it used to join a watcher polling every
    50 ms, which made every finished reply 16-31 ms late). A lock makes sure no close
    starts after the block is left; the watcher notices ``done`` on its next look and
    ends on its own.
    """

    _POLL_SECONDS = 0.05

    def __init__(self, cancel: threading.Event, close: Callable[[], None]) -> None:
        self._cancel = cancel
        self._close = close
        self._done = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._watch, name="hearth-cancel", daemon=True)

    def _watch(self) -> None:
        while True:
            cancelled = self._cancel.wait(self._POLL_SECONDS)
            with self._lock:
                if self._done:
                    return
                if cancelled:
                    # Closing twice or late is harmless; nothing to report.
                    with contextlib.suppress(Exception):
                        self._close()
                    return

    def __enter__(self) -> CloseOnCancel:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:  # held by the watcher only while it closes: microseconds
            self._done = True


def interrupt(response: Any, close: Callable[[], None]) -> Callable[[], None]:
    """A closer that also shuts the socket down, which wakes a read blocked in ``recv``.

    Closing an httpx2 response from another thread does not interrupt a read already
    waiting for the next chunk; shutting the socket down does.
    """

    def run() -> None:
        extensions = getattr(response, "extensions", None) or {}
        network_stream = extensions.get("network_stream")
        sock = network_stream.get_extra_info("socket") if network_stream is not None else None
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        close()

    return run


def image_media_type(data: bytes) -> str:
    """The MIME type of PNG, JPEG, GIF or WebP bytes (what both APIs accept)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "image/png"


def base64_text(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
