"""Token estimates for when no server count is available or trustworthy.

Ollama's ``prompt_eval_count`` can be cache-reduced or missing, and some
OpenAI-compatible providers report no usage at all, yet a cloud bills the whole
context. These estimates follow the usual BPE behaviour: about four characters per
token for Latin text, about one token per CJK character, and a few tokens of
chat-template overhead per message. They are recorded as estimates.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.engines.base import ChatMessage

PER_MESSAGE_OVERHEAD = 4
PER_IMAGE_TOKENS = 768  # a typical vision encoder's patch count for one image


def _is_wide(char: str) -> bool:
    code = ord(char)
    return (
        0x3000 <= code <= 0x9FFF  # CJK symbols, kana, unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x2FFFF
    )


def estimate_text_tokens(text: str) -> int:
    if not text:
        return 0
    wide = sum(1 for char in text if _is_wide(char))
    narrow = len(text) - wide
    return wide + max(1, round(narrow / 4)) if narrow else wide


def estimate_context_tokens(messages: Iterable[ChatMessage]) -> int:
    total = 0
    for message in messages:
        total += PER_MESSAGE_OVERHEAD + estimate_text_tokens(message.content)
        total += PER_IMAGE_TOKENS * len(message.images)
    return total
