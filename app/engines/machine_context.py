"""Hearth's default ``num_ctx`` for the Ollama on this machine: what Ollama picks itself.

Measured once per run (total VRAM does not change while Hearth runs) on whichever
worker thread first needs it, never the GUI thread: NVML's first call takes tens of
milliseconds. See :mod:`app.engines.context` for the rule and its sources.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from app.core.lazy import serial_imports
from app.engines.context import ollama_context_for

if TYPE_CHECKING:
    from app.hardware import Machine

log = logging.getLogger(__name__)

_lock = threading.Lock()
_cache: dict[str, int] = {}


def server_override(environ: Mapping[str, str]) -> int | None:
    """``OLLAMA_CONTEXT_LENGTH`` when set to a positive number (envconfig/config.go:
    ``Uint("OLLAMA_CONTEXT_LENGTH", 0)``, 0 = the VRAM tiers). Only Hearth's own
    environment can be read: a server started elsewhere with another value is not seen
    here — /api/ps then reports what it really runs with once the model is loaded."""
    text = environ.get("OLLAMA_CONTEXT_LENGTH", "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def machine_default_num_ctx(probe: Callable[[], Machine] | None = None) -> int:
    """What Ollama would use on this machine when a request sets no ``num_ctx``."""
    with _lock:
        if "num_ctx" in _cache:
            return _cache["num_ctx"]
        override = server_override(os.environ)
        if override is not None:
            _cache["num_ctx"] = override
            return override
        if probe is None:
            with serial_imports:
                from app.hardware import probe_machine

            probe = probe_machine
        try:
            machine = probe()
        except Exception:  # noqa: BLE001 - no hardware answer: Ollama's smallest tier
            log.warning("could not measure the machine; assuming Ollama's 4k default")
            _cache["num_ctx"] = ollama_context_for(None)
            return _cache["num_ctx"]
        _cache["num_ctx"] = ollama_context_for(machine)
        return _cache["num_ctx"]


def forget() -> None:
    """For tests: measure again next time."""
    with _lock:
        _cache.clear()
