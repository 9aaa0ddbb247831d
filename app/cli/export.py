"""``hearth export`` and ``hearth import``: a conversation to a file and back.

``hearth export --conversation ID|last --format md|html|pdf|json [--out FILE]`` writes
the file, or prints Markdown/HTML/JSON to standard output without ``--out`` (Markdown's
images then inline). ``hearth import FILE`` stores a JSON export as a new conversation
and prints its id. Exit status 1 when the conversation or file is not usable (the reason
is printed), 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app import __version__
from app.core import paths
from app.core.errors import KnownError
from app.core.i18n import translate
from app.export.files import FORMATS, render, write_text_export
from app.export.json_format import from_json, import_into
from app.export.model import ExportedConversation, load, resolve_conversation
from app.storage.writer import SerialWriter

MAX_IMPORT_BYTES = 512 * 1024 * 1024


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=translate("ExportCommand", "write a conversation to a file"),
        description=translate(
            "ExportCommand",
            "Export a conversation as Markdown, HTML, PDF or JSON, with its images, the "
            "model and usage of each reply, and any thinking. A JSON export can be "
            "imported again with “hearth import”.",
        ),
    )
    parser.add_argument(
        "--conversation",
        required=True,
        metavar="ID|last",
        help=translate("ExportCommand", "the conversation's id, or the latest one"),
    )
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument(
        "--out",
        type=Path,
        help=translate("ExportCommand", "write to this file instead of the screen"),
    )
    parser.set_defaults(func=run_export)

    importer = subparsers.add_parser(
        "import",
        help=translate("ExportCommand", "import a conversation from a JSON export"),
        description=translate(
            "ExportCommand",
            "Import a conversation exported as JSON by Hearth; it becomes a new "
            "conversation. Its usage is shown with it but not counted in this ledger.",
        ),
    )
    importer.add_argument("file", type=Path)
    importer.set_defaults(func=run_import)


def _open() -> SerialWriter:
    paths.check_data_dir()
    writer = SerialWriter(paths.database_path(), background_check=False)
    writer.opened().result(None)
    return writer


def run_export(args: argparse.Namespace) -> int:
    if args.format == "pdf" and args.out is None:
        print(translate("ExportCommand", "hearth: --format pdf needs --out FILE"), file=sys.stderr)
        return 2
    writer = _open()
    try:
        conversation = writer.call(
            lambda conn: load(conn, resolve_conversation(conn, args.conversation)), timeout=None
        )
    finally:
        writer.close()
    if args.out is None:
        try:
            sys.stdout.write(render(conversation, args.format, app_version=__version__))
            sys.stdout.flush()
        except BrokenPipeError:  # ``| head``: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.format == "pdf":
        write_pdf_headless(conversation, args.out)
    else:
        write_text_export(conversation, args.format, args.out, __version__)
    return 0


def write_pdf_headless(conversation: ExportedConversation, out: Path) -> None:
    """QPdfWriter needs a QGuiApplication; the offscreen platform needs no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app.ui.export.pdf import write_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    write_pdf(conversation, out)
    del app


def read_export(path: Path) -> ExportedConversation:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise KnownError(
                translate("ExportCommand", "{path} is too large to be a conversation.").format(
                    path=path
                )
            )
        data = path.read_bytes()
    except OSError as exc:
        raise KnownError(
            translate("ExportCommand", "Could not read {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    return from_json(data)


def run_import(args: argparse.Namespace) -> int:
    conversation = read_export(args.file)  # checked whole before the database is opened
    writer = _open()
    try:
        new_id = writer.call(lambda conn: import_into(conn, conversation), timeout=None)
    finally:
        writer.close()
    print(
        translate("ExportCommand", "Imported “{title}” as conversation {id}.").format(
            title=conversation.title, id=new_id
        )
    )
    return 0
