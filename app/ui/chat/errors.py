"""Engine failures in plain words, with what the person can do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.engines.base import EngineError, ErrorKind

tr = QCoreApplication.translate


def describe_engine_error(error: EngineError) -> str:
    kind = error.kind
    detail = error.detail.strip()
    if kind is ErrorKind.UNREACHABLE:
        head = tr("EngineErrors", "Could not reach the model server.")
    elif kind is ErrorKind.TIMEOUT:
        head = tr("EngineErrors", "The model server took too long to answer.")
    elif kind is ErrorKind.AUTH:
        head = tr("EngineErrors", "The API key was refused. Check it under Tools → API keys.")
    elif kind is ErrorKind.PERMISSION:
        head = tr("EngineErrors", "This key is not allowed to use that model.")
    elif kind is ErrorKind.NOT_FOUND:
        head = tr(
            "EngineErrors", "The model was not found. Pick another model or download this one."
        )
    elif kind is ErrorKind.RATE_LIMIT:
        if error.retry_after:
            head = tr("EngineErrors", "Rate limited. Try again in {seconds} s.").format(
                seconds=round(error.retry_after)
            )
        else:
            head = tr("EngineErrors", "Rate limited. Wait a moment and try again.")
    elif kind is ErrorKind.SERVER:
        head = tr("EngineErrors", "The server had a problem (it may be overloaded).")
    elif kind is ErrorKind.STREAM_CUT:
        head = tr("EngineErrors", "The connection dropped before the reply was complete.")
    elif kind is ErrorKind.BLOCKED:
        head = tr("EngineErrors", "Local-only mode is on: nothing is sent to a cloud service.")
    elif kind is ErrorKind.MODEL:
        head = tr("EngineErrors", "The model stopped with an error.")
    else:
        head = tr("EngineErrors", "The request was refused.")
    if detail and detail not in head:
        said = tr("EngineErrors", "Server said:")
        return f"{head}\n{said} {detail}"
    return head
