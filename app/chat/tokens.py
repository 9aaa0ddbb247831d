"""Moved to ``app.engines.tokens`` (engines estimate tokens and must not import the chat
layer above them). Kept for code written against the old place during this round."""

from app.engines.tokens import (
    PER_IMAGE_TOKENS,
    PER_MESSAGE_OVERHEAD,
    estimate_context_tokens,
    estimate_text_tokens,
)

__all__ = [
    "PER_IMAGE_TOKENS",
    "PER_MESSAGE_OVERHEAD",
    "estimate_context_tokens",
    "estimate_text_tokens",
]
