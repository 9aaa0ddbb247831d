"""The system prompt new conversations start with (issue 16).

One setting, declared here with the feature. A conversation copies it when it is
created, so changing the default later leaves existing conversations as they are (each
keeps the prompt it started with, and its own edits). Empty: no system prompt, as before.

Settings written before this existed (release 0.1.0) simply lack the key and read as the
default, so no settings upgrade step is needed: ``SETTINGS_VERSION`` stays as it is.
"""

from __future__ import annotations

from app.core.i18n import translate
from app.core.settings import Setting, Settings, declare

MAX_PROMPT_CHARS = 20_000
"""A system prompt is sent with every request; longer than this is almost surely a paste
gone wrong (a document belongs in a message, where its tokens are shown)."""


def _fits(value: str) -> str | None:
    if len(value) > MAX_PROMPT_CHARS:
        return translate(
            "Settings", "A system prompt can be at most {limit} characters (this one: {count})."
        ).format(limit=f"{MAX_PROMPT_CHARS:,}", count=f"{len(value):,}")
    return None


DEFAULT_SYSTEM_PROMPT = declare(
    Setting("chat/default_system_prompt", "", "System prompt for new conversations", _fits)
)


def prompt_for_new(settings: Settings) -> str:
    """What a conversation created now starts with."""
    return settings.get(DEFAULT_SYSTEM_PROMPT).strip()
