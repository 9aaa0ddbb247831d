"""Engine failures in plain words, with what the person can do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.engines.base import EngineError, ErrorKind


def _t(text: str) -> str:
    return QCoreApplication.translate("EngineErrors", text)


def describe_engine_error(error: EngineError) -> str:
    kind = error.kind
    detail = error.detail.strip()
    if kind is ErrorKind.UNREACHABLE:
        head = _t("Could not reach the model server.")
    elif kind is ErrorKind.TIMEOUT:
        head = _t("The model server took too long to answer.")
    elif kind is ErrorKind.AUTH:
        head = _t("The API key was refused. Check it under Tools → API keys.")
    elif kind is ErrorKind.PERMISSION:
        head = _t("This key is not allowed to use that model.")
    elif kind is ErrorKind.NOT_FOUND:
        head = _t("The model was not found. Pick another model or download this one.")
    elif kind is ErrorKind.RATE_LIMIT:
        if error.retry_after:
            head = _t("Rate limited. Try again in {seconds} s.").format(
                seconds=round(error.retry_after)
            )
        else:
            head = _t("Rate limited. Wait a moment and try again.")
    elif kind is ErrorKind.SERVER:
        head = _t("The server had a problem (it may be overloaded).")
    elif kind is ErrorKind.STREAM_CUT:
        head = _t("The connection dropped before the reply was complete.")
    elif kind is ErrorKind.BLOCKED:
        head = _t("Local-only mode is on: nothing is sent to a cloud service.")
    elif kind is ErrorKind.MODEL:
        head = _t("The model stopped with an error.")
    else:
        head = _t("The request was refused.")
    if detail and detail not in head:
        return f"{head}\n{_t('Server said:')} {detail}"
    return head
