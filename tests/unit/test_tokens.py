"""Token estimates: about four Latin characters a token, one token per CJK character."""

from __future__ import annotations

import pytest

from app.engines.base import ChatMessage
from app.engines.tokens import PER_IMAGE_TOKENS, estimate_context_tokens, estimate_text_tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("", 0),
        ("a", 1),  # never zero for real text
        ("Hello, world!", 3),  # 13 narrow characters
        ("你好世界", 4),  # unified ideographs
        ("こんにちは", 5),  # kana
        ("안녕하세요", 5),  # Hangul
        ("ＡＢＣ", 3),  # full-width forms
        ("\U00020000\U0002a6d6", 2),  # CJK extension B, outside the BMP
        ("hi 你好", 3),  # 2 wide + round(3 / 4) → at least 1 narrow
        ("价格是 12.5 元 per token", 4 + 16 // 4),  # 4 wide, 16 narrow
    ],
)
def test_text_estimates(text: str, tokens: int) -> None:
    assert estimate_text_tokens(text) == tokens


def test_a_long_mixed_text_counts_every_wide_character() -> None:
    text = ("plain words " * 1000) + ("中文" * 500)
    assert estimate_text_tokens(text) == 1000 + round(12_000 / 4)


def test_context_adds_per_message_overhead_and_images() -> None:
    messages = [
        ChatMessage("system", "Be brief."),  # 9 narrow → 2
        ChatMessage("user", "看看这张图", images=(b"png",)),  # 5 wide
    ]
    assert estimate_context_tokens(messages) == (4 + 2) + (4 + 5 + PER_IMAGE_TOKENS)
