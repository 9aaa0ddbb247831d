"""Search across every conversation: titles and message text (no Qt here)."""
