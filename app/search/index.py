"""Searching the FTS5 indexes that schema step "search" keeps (app/storage/schema.py).

Results are newest first: in a chat history the conversation a person half remembers is
usually recent, and ``ORDER BY rowid DESC LIMIT n`` lets FTS5 stop after ``n`` matches
where ranking by relevance would score every match (tens of thousands for a common
word). Title matches come before message matches.

Terms shorter than the trigram (1–2 characters) cannot use the index: alongside longer
terms they filter what those found; alone they are matched with ``LIKE`` over the
newest ``SHORT_SCAN`` messages, and the result says when older ones were not looked at
(tests/bench/bench_search.py measures that scan).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.search.query import Query, parse
from app.storage.records import from_db_time

LIMIT = 50
TITLE_LIMIT = 10
SHORT_SCAN = 100_000
"""Messages a query of only 1–2 character terms reads, newest first."""
SNIPPET_CHARS = 90
LEAD_CHARS = 30

Span = tuple[str, bool]
"""A piece of a snippet and whether it is a match."""


@dataclass(frozen=True)
class SearchHit:
    conversation_id: int
    conversation_title: str
    message_id: int | None
    """None when the conversation's title matched."""
    role: str
    created_at: datetime
    snippet: tuple[Span, ...]

    def snippet_text(self, before: str = "[", after: str = "]") -> str:
        return "".join(before + text + after if hit else text for text, hit in self.snippet)


@dataclass(frozen=True)
class SearchResults:
    query: Query
    hits: tuple[SearchHit, ...]
    partial: bool = False
    """Only the newest ``SHORT_SCAN`` messages were looked at (every term was short)."""

    @property
    def message_hits(self) -> tuple[SearchHit, ...]:
        return tuple(h for h in self.hits if h.message_id is not None)


def search(conn: sqlite3.Connection, text: str, limit: int = LIMIT) -> SearchResults:
    query = parse(text)
    if query.empty:
        return SearchResults(query, ())
    titles = _titles(conn, query)
    messages, partial = _messages(conn, query, limit)
    return SearchResults(query, (*titles, *messages), partial)


def _like_clause(column: str, query: Query) -> tuple[str, list[str]]:
    patterns = list(query.like_patterns())
    sql = "".join(f" AND {column} LIKE ? ESCAPE '\\'" for _ in patterns)
    return sql, patterns


def _titles(conn: sqlite3.Connection, query: Query) -> list[SearchHit]:
    like, patterns = _like_clause("c.title", query)
    if query.long_terms:
        rows = conn.execute(
            "SELECT c.id, c.title, c.updated_at FROM title_fts f"  # noqa: S608 - adds only placeholders
            " JOIN conversations c ON c.id = f.rowid"
            f" WHERE title_fts MATCH ? AND c.deleted_at IS NULL{like}"
            " ORDER BY f.rowid DESC LIMIT ?",
            (query.match(), *patterns, TITLE_LIMIT),
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT c.id, c.title, c.updated_at FROM conversations c"  # noqa: S608 - adds only placeholders
            f" WHERE c.deleted_at IS NULL{like} ORDER BY c.updated_at DESC LIMIT ?",
            (*patterns, TITLE_LIMIT),
        ).fetchall()
    return [
        SearchHit(row[0], row[1], None, "", from_db_time(row[2]), snippet(row[1], query.terms, 200))
        for row in rows
    ]


_MESSAGE_COLUMNS = "SELECT m.id, m.conversation_id, m.role, m.content, m.created_at, c.title FROM "


def _messages(conn: sqlite3.Connection, query: Query, limit: int) -> tuple[list[SearchHit], bool]:
    like, patterns = _like_clause("m.content", query)
    partial = False
    if query.long_terms:
        rows = conn.execute(
            _MESSAGE_COLUMNS + "message_fts f JOIN messages m ON m.id = f.rowid"
            " JOIN conversations c ON c.id = m.conversation_id"
            f" WHERE message_fts MATCH ? AND c.deleted_at IS NULL{like}"
            " ORDER BY f.rowid DESC LIMIT ?",
            (query.match(), *patterns, limit),
        ).fetchall()
    else:
        newest = int(conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0])
        floor = newest - SHORT_SCAN
        rows = conn.execute(
            _MESSAGE_COLUMNS + "messages m JOIN conversations c ON c.id = m.conversation_id"
            " WHERE m.id > ? AND c.deleted_at IS NULL"
            f"{like} ORDER BY m.id DESC LIMIT ?",
            (floor, *patterns, limit),
        ).fetchall()
        partial = floor > 0 and len(rows) < limit
    hits = [
        SearchHit(
            row[1], row[5], row[0], row[2], from_db_time(row[4]), snippet(row[3], query.terms)
        )
        for row in rows
    ]
    return hits, partial


# Markdown a snippet reads better without: code fences, heading marks, bold markers.
_MARKUP = re.compile(r"```[\w+-]*|^#{1,6} +|\*\*", re.MULTILINE)


def snippet(text: str, terms: tuple[str, ...], width: int = SNIPPET_CHARS) -> tuple[Span, ...]:
    """About ``width`` characters of ``text`` around its first match, on one line, with
    every occurrence of any term marked (case-insensitively)."""
    flat = re.sub(r"\s+", " ", _MARKUP.sub("", text)).strip()
    if not terms:
        return ((flat[:width], False),)
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE
    )
    first = pattern.search(flat)
    start = 0 if first is None or first.start() <= LEAD_CHARS else first.start() - LEAD_CHARS
    end = min(len(flat), start + width)
    if first is not None and first.end() > end:
        end = first.end()
    window = flat[start:end]
    spans: list[Span] = []
    if start > 0:
        spans.append(("…", False))
    at = 0
    for found in pattern.finditer(window):
        if found.start() > at:
            spans.append((window[at : found.start()], False))
        spans.append((found.group(0), True))
        at = found.end()
    if at < len(window):
        spans.append((window[at:], False))
    if end < len(flat):
        spans.append(("…", False))
    return tuple(spans)
