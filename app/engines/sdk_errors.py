"""SDK failures turned into ``EngineError`` with plain words.

Both official SDKs raise the same family of exceptions (``AuthenticationError`` 401,
``PermissionDeniedError`` 403, ``NotFoundError`` 404, ``RateLimitError`` 429,
``InternalServerError`` ≥500, ``APIConnectionError`` / ``APITimeoutError``), and an
Anthropic stream can carry an ``error`` event with HTTP 200. They are recognised by their
status and class names so this module does not import either SDK. Once a stream has
started, transport failures surface as raw ``httpx2`` exceptions; those are mapped too.
Every text that ends up in an error passes through ``secret_guard.scrub``.
"""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime
from typing import Any

from app.core.i18n import translate
from app.engines import secret_guard
from app.engines.base import EngineError, ErrorKind

# Anthropic's error.type values (https://docs.anthropic.com/en/api/errors) and OpenAI's.
_TYPE_KINDS = {
    "authentication_error": ErrorKind.AUTH,
    "invalid_api_key": ErrorKind.AUTH,
    "permission_error": ErrorKind.PERMISSION,
    "not_found_error": ErrorKind.NOT_FOUND,
    "model_not_found": ErrorKind.NOT_FOUND,
    "rate_limit_error": ErrorKind.RATE_LIMIT,
    "rate_limit_exceeded": ErrorKind.RATE_LIMIT,
    "api_error": ErrorKind.SERVER,
    "overloaded_error": ErrorKind.SERVER,
    "server_error": ErrorKind.SERVER,
}

_STATUS_KINDS = {
    401: ErrorKind.AUTH,
    403: ErrorKind.PERMISSION,
    404: ErrorKind.NOT_FOUND,
    408: ErrorKind.TIMEOUT,
    429: ErrorKind.RATE_LIMIT,
}


def class_names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds to wait from ``retry-after-ms`` / ``retry-after`` (seconds or HTTP date)."""
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _server_words(body: object, fallback: str) -> tuple[str, str | None, str | None]:
    """(message, error type, error code) from a provider's JSON error body."""
    error = body.get("error") if isinstance(body, dict) else None
    if error is None and isinstance(body, dict) and "message" in body:
        error = body  # an error inside an OpenAI-style stream carries the inner object
    if isinstance(error, dict):
        message = str(error.get("message") or fallback)
        kind = error.get("type")
        code = error.get("code")
        return (
            message,
            kind if isinstance(kind, str) else None,
            code if isinstance(code, str) else None,
        )
    if isinstance(body, str) and body:
        return body, None, None
    return fallback, None, None


def _templates() -> dict[ErrorKind, str]:
    # Built on each call so a language switched at run time is honoured.
    return {
        ErrorKind.AUTH: translate("Cloud", "The key for {provider} was refused."),
        ErrorKind.PERMISSION: translate(
            "Cloud", "{provider} refused access: this key may not use {model}."
        ),
        ErrorKind.NOT_FOUND: translate("Cloud", "{provider} does not know the model “{model}”."),
        ErrorKind.RATE_LIMIT: translate(
            "Cloud", "{provider} is limiting requests. Try again later."
        ),
        ErrorKind.SERVER: translate(
            "Cloud", "{provider} had a problem on its side. Try again in a moment."
        ),
        ErrorKind.TIMEOUT: translate("Cloud", "{provider} did not answer in time."),
        ErrorKind.UNREACHABLE: translate("Cloud", "Could not reach {provider} at {url}."),
        ErrorKind.STREAM_CUT: translate(
            "Cloud", "The connection to {provider} ended before the reply was complete."
        ),
        ErrorKind.MODEL: translate("Cloud", "{provider} stopped the reply with an error."),
        ErrorKind.BLOCKED: translate(
            "Cloud", "Local-only mode is on, so Hearth will not contact {provider}."
        ),
        ErrorKind.BAD_REQUEST: translate("Cloud", "{provider} rejected the request."),
    }


def plain_message(
    kind: ErrorKind,
    provider: str,
    *,
    model: str = "",
    status: int | None = None,
    retry_after: float | None = None,
    url: str = "",
) -> str:
    """The sentence shown to the person for each kind of failure."""
    template = _templates()[kind]
    if kind is ErrorKind.RATE_LIMIT and retry_after is not None:
        template = translate(
            "Cloud", "{provider} is limiting requests. Try again in {seconds} seconds."
        )
    elif kind is ErrorKind.SERVER and status == 529:
        template = translate("Cloud", "{provider} is overloaded right now. Try again soon.")
    return template.format(
        provider=provider,
        model=model or translate("Cloud", "this model"),
        url=url or "?",
        seconds=max(1, round(retry_after or 0)),
    )


def _with_words(message: str, words: str) -> str:
    words = secret_guard.scrub(words.strip())
    if not words or words in message:
        return message
    return translate("Cloud", "{message} The server said: {words}").format(
        message=message, words=words
    )


def from_sdk_error(  # noqa: PLR0911 - one early return per family of failure
    exc: BaseException,
    provider: str,
    *,
    model: str = "",
    url: str = "",
    streaming: bool = False,
) -> EngineError:
    """Map an exception from either SDK, or from httpx2 mid-stream, to an ``EngineError``.

    ``streaming``: the reply had started, so a lost connection means the stream was cut
    (the openai SDK reports that as ``APIConnectionError`` too).
    """
    names = class_names(exc)
    status = getattr(exc, "status_code", None)
    if "APITimeoutError" in names or any(n.endswith("Timeout") for n in names):
        return EngineError(
            ErrorKind.TIMEOUT, plain_message(ErrorKind.TIMEOUT, provider), status=status
        )
    if (isinstance(status, int) and status >= 400) or "APIStatusError" in names:
        return _from_status(exc, provider, model)
    if "APIError" in names and status is None and getattr(exc, "body", None) is not None:
        return _from_status(exc, provider, model, default=ErrorKind.MODEL)
    if streaming and "APIConnectionError" in names:
        return stream_cut(provider)
    if "APIConnectionError" in names or "ConnectError" in names:
        return EngineError(
            ErrorKind.UNREACHABLE, plain_message(ErrorKind.UNREACHABLE, provider, url=url)
        )
    if names & {"RemoteProtocolError", "ReadError", "StreamError", "CloseError", "TransportError"}:
        return EngineError(ErrorKind.STREAM_CUT, plain_message(ErrorKind.STREAM_CUT, provider))
    return EngineError(
        ErrorKind.BAD_REQUEST,
        _with_words(plain_message(ErrorKind.BAD_REQUEST, provider), str(exc)),
    )


def _from_status(
    exc: BaseException, provider: str, model: str, default: ErrorKind = ErrorKind.SERVER
) -> EngineError:
    response = getattr(exc, "response", None)
    status = getattr(exc, "status_code", None) or getattr(response, "status_code", None)
    body = getattr(exc, "body", None)
    words, error_type, code = _server_words(body, str(getattr(exc, "message", "") or exc))
    kind = _TYPE_KINDS.get(code or "") or _TYPE_KINDS.get(error_type or "")
    if kind is None and isinstance(status, int):
        kind = _STATUS_KINDS.get(status)
        if kind is None:
            kind = ErrorKind.SERVER if status >= 500 else ErrorKind.BAD_REQUEST
    kind = kind or default
    if error_type == "overloaded_error":
        status = 529
    retry_after = retry_after_seconds(getattr(response, "headers", None))
    message = plain_message(kind, provider, model=model, status=status, retry_after=retry_after)
    return EngineError(
        kind,
        _with_words(message, words),
        status=status if isinstance(status, int) else None,
        retry_after=retry_after if kind is ErrorKind.RATE_LIMIT else None,
    )


def blocked(provider: str) -> EngineError:
    return EngineError(ErrorKind.BLOCKED, plain_message(ErrorKind.BLOCKED, provider))


def missing_key(provider: str) -> EngineError:
    return EngineError(
        ErrorKind.AUTH,
        translate("Cloud", "No API key for {provider} is stored yet.").format(provider=provider),
    )


def stream_cut(provider: str) -> EngineError:
    return EngineError(ErrorKind.STREAM_CUT, plain_message(ErrorKind.STREAM_CUT, provider))
