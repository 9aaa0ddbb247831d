"""Token estimates for when no server count is available or trustworthy.

Ollama's ``prompt_eval_count`` can be cache-reduced or missing, and some
OpenAI-compatible providers report no usage at all, yet a cloud bills the whole
context. These estimates follow the usual BPE behaviour: about four characters per
token for Latin text, about one token per CJK character, and a few tokens of
chat-template overhead per message. They are recorded as estimates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.engines.base import ChatMessage

PER_MESSAGE_OVERHEAD = 4
PER_IMAGE_TOKENS = 768  # a typical vision encoder's patch count for one image


# Characters a BPE tokenizer spends about one token on. A regex, not a loop over
# characters: the chat view re-estimates whole conversations on the GUI thread.
_WIDE = re.compile(
    "["
    "\u3000-\u9fff"  # CJK symbols, kana, unified ideographs
    "\uac00-\ud7af"  # Hangul
    "\uf900-\ufaff"
    "\uff00-\uffef"  # full-width forms
    "\U00020000-\U0002ffff"
    "]+"
)


def estimate_text_tokens(text: str) -> int:
    if not text:
        return 0
    narrow = len(text) if text.isascii() else len(_WIDE.sub("", text))
    wide = len(text) - narrow
    return wide + max(1, round(narrow / 4)) if narrow else wide


def estimate_context_tokens(messages: Iterable[ChatMessage]) -> int:
    total = 0
    for message in messages:
        total += PER_MESSAGE_OVERHEAD + estimate_text_tokens(message.content)
        total += PER_IMAGE_TOKENS * len(message.images)
    return total
