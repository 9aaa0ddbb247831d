"""Sizes as people read them: apart from :mod:`app.hardware` so the download queue and the
dialogs that only print a size do not import the hardware probe at start-up."""

from __future__ import annotations

from app.core.i18n import translate


def format_bytes(count: int | None) -> str:
    """Human-readable size in decimal units, as Ollama's library shows them (4.7 GB)."""
    if count is None:
        return translate("Hardware", "unknown")
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if abs(value) < 1000:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"
