"""Remembers which conversation is being opened, so a crash while opening it is not
repeated at every start.

Before a conversation is loaded a small marker file names it; once it is shown the
marker goes. A marker found at start-up means the last run died while opening that
conversation: the window then does not reopen it by itself, and says why. Plain file
I/O, called from a worker thread.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


class OpeningGuard:
    def __init__(self, path: Path) -> None:
        self._path = path

    def begin(self, conversation_id: int) -> None:
        """Written through to the disk: the crash it guards against may come at once."""
        tmp = self._path.with_suffix(".tmp")
        try:
            with tmp.open("w", encoding="utf-8") as handle:
                json.dump({"conversation_id": conversation_id, "pid": os.getpid()}, handle)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.replace(self._path)
        except OSError as exc:  # a guard that cannot write only loses its protection
            log.warning("could not write %s: %s", self._path, exc)

    def end(self) -> None:
        try:
            self._path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self._path, exc)

    def left_over(self) -> int | None:
        """The conversation a previous run was opening when it died, once: the marker
        is removed as it is read."""
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("unreadable %s: %s", self._path, exc)
            data = {}
        self.end()
        if not isinstance(data, dict) or data.get("pid") == os.getpid():
            return None
        value = data.get("conversation_id")
        return value if isinstance(value, int) and value > 0 else None
