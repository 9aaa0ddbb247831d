"""Moved to ``app.engines.secret_guard``: engines must not import the cloud package above them.
Kept for code written against the old place during this round."""

from app.engines.secret_guard import (
    SDK_LOGGERS,
    forget,
    install,
    mask,
    register,
    scrub,
)

__all__ = [
    "SDK_LOGGERS",
    "forget",
    "install",
    "mask",
    "register",
    "scrub",
]
