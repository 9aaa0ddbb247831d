"""Keeps API keys out of logs, error texts and crash output.

Every key read from the keyring is registered here. A log-record factory (installed
once, process-wide) rewrites any record whose message or traceback contains a
registered key, whichever logger or handler it goes to — including the SDKs' and
httpx2's debug logs and handlers added later. The SDK loggers are also held at WARNING
so their request dumps are never produced in the first place.
"""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Any

_lock = threading.Lock()
_secrets: set[str] = set()
_installed = False
_MIN_SECRET_LENGTH = 6  # shorter strings would redact ordinary words

SDK_LOGGERS = ("anthropic", "openai", "httpx2", "httpx", "httpcore")


def mask(secret: str) -> str:
    """``sk-ant-api03-…a1b2``: enough to recognise a key, never enough to use it."""
    secret = secret.strip()
    if len(secret) <= 12:
        return "…" + secret[-2:] if len(secret) > 4 else "…"
    head = secret[:3]
    for prefix in ("sk-ant-", "sk-proj-", "sk-or-v1-", "sk-"):
        if secret.startswith(prefix):
            head = prefix
            break
    return f"{head}…{secret[-4:]}"


def register(secret: str) -> None:
    """Remember a key so it is scrubbed from anything logged from now on."""
    secret = secret.strip()
    if len(secret) < _MIN_SECRET_LENGTH:
        return
    with _lock:
        _secrets.add(secret)
    install()


def forget(secret: str) -> None:
    with _lock:
        _secrets.discard(secret.strip())


def scrub(text: str) -> str:
    """``text`` with every registered key replaced by its masked form."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, mask(secret))
    return text


def _contains_secret(text: str) -> bool:
    with _lock:
        return any(secret in text for secret in _secrets)


def install() -> None:
    """Install the record factory and quieten the SDK loggers (idempotent)."""
    global _installed  # noqa: PLW0603 - one process-wide hook
    with _lock:
        if _installed:
            return
        _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _scrub_record(record)
        return record

    logging.setLogRecordFactory(factory)
    for name in SDK_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)


def _scrub_record(record: logging.LogRecord) -> None:
    if not _secrets:
        return
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed record must still be logged
        message = str(record.msg)
    if _contains_secret(message):
        record.msg = scrub(message)
        record.args = None
    if record.exc_info and record.exc_info[1] is not None:
        text = "".join(traceback.format_exception(*record.exc_info))
        if _contains_secret(text):
            # Pre-format the traceback so handlers print the scrubbed copy.
            record.exc_text = scrub(text.rstrip("\n"))
            record.exc_info = None
    if record.stack_info and _contains_secret(record.stack_info):
        record.stack_info = scrub(record.stack_info)
