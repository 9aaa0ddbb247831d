"""The line between the environment's errors and bugs.

A ``KnownError`` is something outside Hearth going wrong (server down, disk full, bad
key, corrupt file). It carries a message already written for the person, in their
language, and is shown plainly. Anything else is a bug: logged with its traceback.
"""

from __future__ import annotations


class KnownError(Exception):
    """An environment problem with a message fit to show the person."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message
