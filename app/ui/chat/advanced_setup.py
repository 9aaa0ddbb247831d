"""What the Advanced… dialog is told, and the token counts the context bar shows.

Apart from the dialog itself so the context bar, built at start-up, does not import
the dialog and what it draws on (the hardware probe, the fit rules, the library UI);
the dialog is imported when the person first opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    from app.engines.context import EffectiveContext
    from app.library.fit import Fit

OLLAMA_KIND = "ollama"
OPENAI_KIND = "openai"  # any OpenAI-compatible server, local or cloud
ANTHROPIC_KIND = "anthropic"


@dataclass(frozen=True)
class AdvancedSetup:
    """What the dialog needs to know, gathered off the GUI thread by the caller."""

    model: str
    engine_name: str
    kind: str
    context: EffectiveContext | None
    fits: tuple[Fit, ...] = ()
    """The fit at each context the person can choose (Ollama only)."""
    machine_default: int | None = None


def count(tokens: int) -> str:
    """A token count grouped as the person's locale groups digits (4.096 in German)."""
    return QLocale().toString(tokens)
