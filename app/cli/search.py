"""``hearth search TEXT``: find messages and conversation titles across every conversation.

Prints each match as its conversation, time and a snippet (the match marked: bold on a
terminal, [brackets] in a pipe), newest first, with the ids ``hearth export`` takes.
Exit status 0 when something was found, 1 when nothing was (as grep does).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from app.core import paths
from app.core.i18n import translate
from app.export.model import time_text
from app.search.index import LIMIT, SearchResults, search
from app.storage.writer import SerialWriter

EXIT_NOTHING_FOUND = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help=translate("SearchCommand", "search every conversation"),
        description=translate(
            "SearchCommand",
            "Search message text and conversation titles (Chinese included) and print "
            "each match: conversation, time and a snippet. Exit status 1 when nothing "
            "is found.",
        ),
    )
    parser.add_argument("text", nargs="+", help=translate("SearchCommand", "what to look for"))
    parser.add_argument(
        "--limit",
        type=int,
        default=LIMIT,
        help=translate("SearchCommand", "at most this many messages (default 50)"),
    )
    parser.add_argument(
        "--json", action="store_true", help=translate("SearchCommand", "print JSON lines")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths.check_data_dir()
    text = " ".join(args.text)
    limit = max(1, min(int(args.limit), 1000))
    writer = SerialWriter(paths.database_path(), background_check=False)
    try:
        writer.opened().result(None)
        results = writer.call(lambda conn: search(conn, text, limit), timeout=None)
    finally:
        writer.close()
    if not results.hits:
        print(
            translate("SearchCommand", "Nothing found for “{text}”.").format(text=text),
            file=sys.stderr,
        )
        return EXIT_NOTHING_FOUND
    try:
        if args.json:
            _print_json(results)
        else:
            _print(results, bold=sys.stdout.isatty())
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): not a failure. Python would complain again
        # while flushing at exit, so stdout is pointed at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _print(results: SearchResults, *, bold: bool) -> None:
    before, after = ("\x1b[1m", "\x1b[0m") if bold else ("[", "]")
    for hit in results.hits:
        where = translate("SearchCommand", "conversation {id}").format(id=hit.conversation_id)
        if hit.message_id is None:
            kind = translate("SearchCommand", "title")
            print(f"{hit.conversation_title} · {time_text(hit.created_at)} ({where}, {kind})")
            print(f"  {hit.snippet_text(before, after)}")
        else:
            message = translate("SearchCommand", "message {id}").format(id=hit.message_id)
            print(f"{hit.conversation_title} · {time_text(hit.created_at)} ({where}, {message})")
            print(f"  {hit.snippet_text(before, after)}")
    if results.partial:
        print(
            translate(
                "SearchCommand",
                "Only the newest messages were searched: add a longer word (3 characters or "
                "more) to search them all.",
            ),
            file=sys.stderr,
        )


def _print_json(results: SearchResults) -> None:
    for hit in results.hits:
        print(
            json.dumps(
                {
                    "conversation_id": hit.conversation_id,
                    "conversation": hit.conversation_title,
                    "message_id": hit.message_id,
                    "role": hit.role,
                    "time": hit.created_at.isoformat(),
                    "snippet": hit.snippet_text(),
                },
                ensure_ascii=False,
            )
        )
