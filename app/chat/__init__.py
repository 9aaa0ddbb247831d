"""Running one reply: streaming, measuring, and producing its usage record (no Qt)."""
