"""Checking what a person types (or sets in the environment) before it is used.

One place for each rule, shared by the CLI and the window, so a bad value gets the same
clear message everywhere and is refused, never silently replaced by a default.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from app.core.errors import KnownError
from app.core.i18n import translate

# Ollama's own limits on a name's parts (types/model/name.go, isValidLen: host 1–350,
# namespace, model and tag 1–80 bytes each; looked up 2026-12-01), so
# host/namespace/model:tag is at most 350 + 80 * 3 + 3 separators. Cloud model ids
# (e.g. "anthropic/claude-sonnet-4.5" on OpenRouter) are far shorter.
MAX_MODEL_NAME = 350 + 80 * 3 + 3


class InvalidInputError(KnownError):
    """A value the person gave cannot be used; the message says which and why."""


def model_name(text: str) -> str:
    """A model name, stripped of surrounding blanks; ``InvalidInputError`` when unusable."""
    name = text.strip()
    if not name:
        raise InvalidInputError(translate("Validate", "The model name is empty."))
    if len(name.encode("utf-8")) > MAX_MODEL_NAME:
        raise InvalidInputError(
            translate(
                "Validate", "The model name is {length} characters long; at most {limit} work."
            ).format(length=len(name), limit=MAX_MODEL_NAME),
            hint=translate("Validate", "Check that the whole name was pasted only once."),
        )
    bad = next((c for c in name if c.isspace() or unicodedata.category(c)[0] == "C"), None)
    if bad is not None:
        raise InvalidInputError(
            translate(
                "Validate", "The model name contains a space or control character (U+{code})."
            ).format(code=f"{ord(bad):04X}"),
            hint=translate("Validate", "Model names look like llama3.2 or qwen3:8b."),
        )
    return name


def server_url(text: str, *, what: str = "OLLAMA_HOST") -> str:
    """An http(s) server address with a valid host and port, else ``InvalidInputError``.

    ``what`` names where the value came from (an option or a variable), for the message.
    """

    def refuse(reason: str) -> InvalidInputError:
        return InvalidInputError(
            translate(
                "Validate", "{what} is not a usable server address ({value}): {reason}."
            ).format(what=what, value=text, reason=reason),
            hint=translate(
                "Validate", "Use a form like http://127.0.0.1:11434 or http://[::1]:11434."
            ),
        )

    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        message = str(exc)
        if "port" in message.lower():
            raise refuse(
                translate("Validate", "the port must be a number from 1 to 65535")
            ) from exc
        raise refuse(translate("Validate", "the address is malformed")) from exc
    if parts.scheme not in ("http", "https"):
        raise refuse(translate("Validate", "it must start with http:// or https://"))
    if not parts.hostname:
        raise refuse(translate("Validate", "the host name is missing"))
    if port == 0:
        raise refuse(translate("Validate", "the port must be a number from 1 to 65535"))
    return text
