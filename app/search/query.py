"""What a person types into a search box, made safe for FTS5.

FTS5's query language gives meaning to quotes, ``*``, ``-``, ``:``, parentheses and the
words AND/OR/NOT/NEAR; a person typing ``"don't"`` or ``C++ -O2`` means none of it. So
every whitespace-separated term is searched for literally (as an FTS5 string, its own
quotes doubled) and all terms must occur. The trigram index needs three characters to
look anything up: a shorter term (Chinese two-character words such as 模型 are common)
is matched with ``LIKE`` instead, over the rows the longer terms found, or over a
bounded set of the newest messages when every term is short (see app/search/index.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TRIGRAM = 3
MAX_TERMS = 16
"""More terms than this are dropped: no one means them, and each costs a lookup."""
MAX_TERM_CHARS = 200


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    """Every term as typed (case kept), in order, duplicates removed."""

    @property
    def long_terms(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if len(t) >= TRIGRAM)

    @property
    def short_terms(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if len(t) < TRIGRAM)

    @property
    def empty(self) -> bool:
        return not self.terms

    def match(self) -> str:
        """The FTS5 MATCH expression for the long terms ('' when there are none)."""
        return " ".join(fts_string(term) for term in self.long_terms)

    def like_patterns(self) -> tuple[str, ...]:
        """``LIKE ? ESCAPE '\\'`` patterns for the short terms."""
        return tuple(like_pattern(term) for term in self.short_terms)


def parse(text: str) -> Query:
    seen: dict[str, None] = {}
    for raw in re.split(r"\s+", text.replace("\x00", " ").strip()):
        term = raw[:MAX_TERM_CHARS]
        if term and term.casefold() not in {t.casefold() for t in seen}:
            seen[term] = None
        if len(seen) >= MAX_TERMS:
            break
    return Query(tuple(seen))


def fts_string(term: str) -> str:
    """A term as an FTS5 string: inside double quotes nothing is an operator, and a
    double quote is written twice."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
