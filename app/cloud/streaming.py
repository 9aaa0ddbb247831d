"""Moved to ``app.engines.sdk_streaming``: engines must not import the cloud package above them.
Kept for code written against the old place during this round."""

from app.engines.sdk_streaming import (
    RETRY_WAIT_LIMIT_S,
    CloseOnCancel,
    T,
    base64_text,
    image_media_type,
    interrupt,
    open_with_retries,
    retry_wait,
)

__all__ = [
    "RETRY_WAIT_LIMIT_S",
    "CloseOnCancel",
    "T",
    "base64_text",
    "image_media_type",
    "interrupt",
    "open_with_retries",
    "retry_wait",
]
