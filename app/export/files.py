"""Writing an export to disk (Markdown, HTML, JSON; the PDF is app/ui/export/pdf.py).

A Markdown export's images go in a folder beside it (``chat.md`` → ``chat_files/``),
linked relatively, so the file stays readable and small; everything else is one file.
The file is written to a temporary name and renamed into place, so a failure never
leaves half an export where a good one was.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import KnownError
from app.core.i18n import translate
from app.export.json_format import to_json
from app.export.model import ExportedConversation
from app.export.text import file_name, to_html, to_markdown
from app.storage.records import Attachment

FORMATS = ("md", "html", "pdf", "json")


def images_folder(out: Path) -> Path:
    return out.with_name(out.stem + "_files")


def render(
    conversation: ExportedConversation, fmt: str, out: Path | None = None, app_version: str = ""
) -> str:
    """The text of a Markdown/HTML/JSON export. With ``out`` (Markdown only) the images
    are written into ``images_folder(out)``; without, they are inline data: URIs."""
    if fmt == "json":
        return to_json(conversation, app_version)
    if fmt == "html":
        return to_html(conversation)
    if fmt == "md":
        if out is None:
            return to_markdown(conversation)
        folder = images_folder(out)

        def beside(number: int, attachment: Attachment) -> str:
            name = file_name(number, attachment)
            folder.mkdir(exist_ok=True)
            (folder / name).write_bytes(attachment.data)
            return f"{folder.name}/{name}"

        return to_markdown(conversation, beside)
    raise ValueError(f"not a text format: {fmt}")


def write_text_export(
    conversation: ExportedConversation, fmt: str, out: Path, app_version: str = ""
) -> Path:
    try:
        text = render(conversation, fmt, out, app_version)
        atomic_write(out, text.encode("utf-8"))
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    return out


def atomic_write(out: Path, data: bytes) -> None:
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def cannot_write(out: Path, exc: OSError) -> KnownError:
    return KnownError(
        translate("Export", "Could not write {path}: {reason}").format(
            path=out, reason=exc.strerror or exc
        ),
        hint=translate("Export", "Check that the folder exists and you may write to it."),
    )
