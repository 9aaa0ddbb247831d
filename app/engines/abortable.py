"""HTTP requests another thread can end at once, even before the response has begun.

A Stop pressed while Ollama is still loading the model or evaluating the prompt finds
the reader thread blocked waiting for the response headers (Ollama sends them with the
first token). Closing an httpx response from another thread cannot end that wait, and
until the socket closes the server goes on computing a reply nobody will read. So the
chat client's connections are opened through :class:`TrackingBackend`, which remembers
each socket for the request that opened it; :meth:`Abort.now` shuts those sockets down
(``shutdown(SHUT_RDWR)`` wakes a blocked ``recv`` at once) and the server sees the
connection close.

Keep-alive is off for such a client, so every request opens (and owns) its connection;
on 127.0.0.1 a connect costs well under a millisecond.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterable, Iterator
from typing import Any, cast

import httpcore
import httpx

from app.core.lazy import serial_imports

_current = threading.local()


class Abort:
    """The sockets one request opened; :meth:`now` ends them from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.aborted = False

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            aborted = self.aborted
        if aborted:  # Stop came while connecting: end this one too
            _shut(sock)

    def now(self) -> None:
        with self._lock:
            self.aborted = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def tracking(abort: Abort) -> Iterator[Abort]:
    """Connections this thread opens inside the block belong to ``abort``."""
    previous = getattr(_current, "abort", None)
    _current.abort = abort
    try:
        yield abort
    finally:
        _current.abort = previous


class TrackingBackend:
    """httpcore's own synchronous backend, telling the current request's ``Abort`` about
    every socket it opens. Works for httpcore (httpx, the ollama client) and httpcore2
    (httpx2, the openai SDK): both pools only call these methods."""

    def __init__(self, inner: Any | None = None) -> None:
        self._inner = inner if inner is not None else httpcore.SyncBackend()

    def _register(self, stream: Any) -> Any:
        abort = getattr(_current, "abort", None)
        sock = stream.get_extra_info("socket")
        if abort is not None and isinstance(sock, socket.socket):
            abort.add(sock)
        return stream

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        return self._register(
            self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> Any:
        return self._register(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def abortable_transport(**options: Any) -> httpx.HTTPTransport:
    """An ``httpx.HTTPTransport`` whose connections :class:`Abort` can end; no keep-alive,
    so a request never reuses a connection another request opened."""
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0), **options)
    # httpx builds its httpcore pool with the default backend and offers no parameter for
    # another; the pool reads this attribute on every new connection.
    cast(Any, transport._pool)._network_backend = TrackingBackend()
    return transport


def abortable_transport2(**options: Any) -> Any:
    """The same for httpx2, which the openai SDK runs on (shared/PROTOCOLS.md)."""
    with serial_imports:  # imported only by callers that already use the openai SDK
        import httpcore2
        import httpx2

    transport = httpx2.HTTPTransport(limits=httpx2.Limits(max_keepalive_connections=0), **options)
    cast(Any, transport._pool)._network_backend = TrackingBackend(httpcore2.SyncBackend())
    return transport
