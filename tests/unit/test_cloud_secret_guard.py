"""Keys never reach logs or error texts, whoever logs them."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import ClassVar

from app.engines import secret_guard
from app.engines.base import ErrorKind
from app.engines.sdk_errors import from_sdk_error, retry_after_seconds

SECRET = "sk-GuardTestSecret0123456789abcdef"


def _file_logger(path: Path, name: str) -> tuple[logging.Logger, logging.Handler]:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    return logger, handler


def test_a_registered_key_is_scrubbed_from_messages_args_and_tracebacks(tmp_path: Path) -> None:
    secret_guard.register(SECRET)
    log_file = tmp_path / "hearth.log"
    logger, handler = _file_logger(log_file, "hearth.test.guard")
    try:
        logger.warning("sending with key %s", SECRET)
        logger.info(f"inline {SECRET}")
        try:
            raise RuntimeError(f"bad header Bearer {SECRET}")
        except RuntimeError:
            logger.exception("request failed")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert SECRET not in text
    assert text.count(secret_guard.mask(SECRET)) == 3
    assert "RuntimeError" in text  # the traceback is still there, only scrubbed


def test_sdk_debug_logging_is_held_back(tmp_path: Path) -> None:
    secret_guard.install()
    for name in ("anthropic", "openai", "httpx2"):
        assert not logging.getLogger(name).isEnabledFor(logging.DEBUG)


def test_error_texts_are_scrubbed_even_if_a_server_echoes_the_key() -> None:
    secret_guard.register(SECRET)

    class Response:
        status_code = 401
        headers: ClassVar[dict[str, str]] = {}

    class AuthenticationError(Exception):
        def __init__(self) -> None:
            super().__init__("401")
            self.status_code = 401
            self.response = Response()
            self.body = {
                "error": {
                    "message": f"key {SECRET} is invalid",
                    "type": "invalid_request_error",
                    "code": "invalid_api_key",
                }
            }

    error = from_sdk_error(AuthenticationError(), "Example")
    assert error.kind is ErrorKind.AUTH
    assert SECRET not in error.detail
    assert secret_guard.mask(SECRET) in error.detail


def test_retry_after_in_seconds_milliseconds_or_as_a_date() -> None:
    assert retry_after_seconds({"retry-after": "12"}) == 12
    assert retry_after_seconds({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    seconds = retry_after_seconds({"retry-after": later})
    assert seconds is not None and 25 <= seconds <= 30
    assert retry_after_seconds({"retry-after": "soon"}) is None
    assert retry_after_seconds({}) is None
