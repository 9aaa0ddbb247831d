"""Engine failures in plain words, with what the person can do next."""

from __future__ import annotations

from app.core.i18n import translate
from app.engines.base import EngineError, ErrorKind


def describe_engine_error(error: EngineError) -> str:
    kind = error.kind
    detail = error.detail.strip()
    if kind is ErrorKind.UNREACHABLE:
        head = translate("EngineErrors", "Could not reach the model server.")
    elif kind is ErrorKind.TIMEOUT:
        head = translate("EngineErrors", "The model server took too long to answer.")
    elif kind is ErrorKind.AUTH:
        head = translate(
            "EngineErrors", "The API key was refused. Check it under Tools → API keys."
        )
    elif kind is ErrorKind.PERMISSION:
        head = translate("EngineErrors", "This key is not allowed to use that model.")
    elif kind is ErrorKind.NOT_FOUND and error.successor:
        head = translate(
            "EngineErrors",
            "This model has been retired. Choose “{successor}” in Send to cloud… to go on.",
        ).format(successor=error.successor)
    elif kind is ErrorKind.NOT_FOUND:
        head = translate(
            "EngineErrors", "The model was not found. Pick another model or download this one."
        )
    elif kind is ErrorKind.RATE_LIMIT:
        if error.retry_after:
            head = translate("EngineErrors", "Rate limited. Try again in {seconds} s.").format(
                seconds=round(error.retry_after)
            )
        else:
            head = translate("EngineErrors", "Rate limited. Wait a moment and try again.")
    elif kind is ErrorKind.SERVER:
        head = translate("EngineErrors", "The server had a problem (it may be overloaded).")
    elif kind is ErrorKind.STREAM_CUT:
        head = translate("EngineErrors", "The connection dropped before the reply was complete.")
    elif kind is ErrorKind.BLOCKED:
        head = translate(
            "EngineErrors", "Local-only mode is on: nothing is sent to a cloud service."
        )
    elif kind is ErrorKind.MODEL:
        head = translate("EngineErrors", "The model stopped with an error.")
    else:
        head = translate("EngineErrors", "The request was refused.")
    if detail and detail not in head:
        said = translate("EngineErrors", "Server said:")
        return f"{head}\n{said} {detail}"
    return head
