"""Moved to ``app.engines.sdk_errors``: engines must not import the cloud package above them.
Kept for code written against the old place during this round."""

from app.engines.sdk_errors import (
    blocked,
    class_names,
    from_sdk_error,
    missing_key,
    plain_message,
    retry_after_seconds,
    stream_cut,
)

__all__ = [
    "blocked",
    "class_names",
    "from_sdk_error",
    "missing_key",
    "plain_message",
    "retry_after_seconds",
    "stream_cut",
]
