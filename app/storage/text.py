"""Text as SQLite can keep it: whatever a model streamed, a save never fails on it.

A model (or a JSON escape such as ``"\\ud800"``) can hand us a lone UTF-16 surrogate.
Python keeps it in a ``str``, but it has no UTF-8 form, so the sqlite3 module raises
``UnicodeEncodeError`` and the whole save is lost. At the storage boundary such code
points become U+FFFD, the replacement character, so the damage stays visible in the
text instead of silently vanishing. A surrogate *pair* split across two stream chunks
and joined again is one real character and is kept as that character.

NUL is replaced too: SQLite's text functions (``instr``, ``lower``) and its command-line
``.recover``/``.dump`` stop at the first NUL, so one would hide the rest of a reply.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """``text`` with lone surrogates and NUL replaced by U+FFFD; unchanged when clean."""
    if "\x00" in text:
        text = text.replace("\x00", REPLACEMENT)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # UTF-16 with surrogatepass joins valid high+low pairs into one character and
        # decoding with "replace" turns every lone half into U+FFFD.
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def storable_or_none(text: str | None) -> str | None:
    return None if text is None else storable(text)
