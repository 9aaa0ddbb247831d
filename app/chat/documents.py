"""Documents attached to a message: text and code files, PDF (text layer) and DOCX.

The text of a document becomes part of the message the person sends (see
:func:`compose_message`), each one delimited with its file name, so everything that
looks at a message — the outbound privacy gate, the context estimate, search, export —
sees exactly what the model will read. Nothing is hand-parsed: PDF through ``pypdf``,
DOCX through ``python-docx``, and the encoding of a text file, when it is not UTF-8
(with or without a BOM) or UTF-16/32 with a BOM, through ``charset-normalizer`` (GB18030
and Big5 files from Chinese Windows are common among Hearth's users).

Everything here is plain Python and blocks: the window runs it on its quick lane.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.engines.tokens import estimate_text_tokens
from app.storage.records import Attachment

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger files are refused from their size alone, before a byte is read. A 32 MB PDF
is a long, picture-heavy book; its text is far smaller."""
MAX_TEXT_CHARS = 2_000_000
"""Extracted text longer than this (about 500k tokens of English, 2M of Chinese: more
than any local model reads at once) is refused rather than silently cut."""
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx", ".docm", ".dotx")
DOCUMENT_FILTER = (
    "*.txt *.md *.markdown *.rst *.csv *.tsv *.json *.jsonl *.yaml *.yml *.toml *.ini "
    "*.cfg *.log *.xml *.html *.htm *.css *.py *.js *.ts *.tsx *.jsx *.java *.kt *.c "
    "*.h *.cpp *.hpp *.cc *.cs *.go *.rs *.rb *.php *.swift *.m *.sh *.ps1 *.bat *.sql "
    "*.r *.lua *.pl *.scala *.dart *.vue *.tex *.srt *.pdf *.docx"
)
"""What the file dialog offers (anything else can still be dropped: content decides)."""
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names the narrowest code page that decodes the sample; the rest of a
# Chinese file may use characters only its superset has (GB2312 ⊂ GBK ⊂ GB18030).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_PREFERRED = ("gb18030", "big5")
CHINESE_TOLERANCE = 0.1
"""How much more "chaos" (charset-normalizer's measure of implausible text) a Chinese
reading may have than the best one and still win."""
_SPACES = re.compile(r"[ \t]+")  # PDF text is placed word by word; pypdf joins with tabs
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DocumentError(KnownError):
    """A file that cannot be attached as a document; the message says which and why."""


class NotADocument(DocumentError):  # noqa: N818 - a kind of DocumentError
    """Binary content that is no PDF, DOCX or text (perhaps an image with no suffix)."""


@dataclass(frozen=True)
class Document:
    """The text taken from one file, waiting in the box to be sent with the message."""

    name: str
    kind: str
    """``text``, ``pdf`` or ``docx``."""
    text: str
    pages: int = 0
    """PDF pages (0 for other kinds)."""
    empty_pages: int = 0
    """PDF pages without a text layer (scanned), left out."""
    encoding: str = ""
    """The encoding a text file was read in."""

    @cached_property
    def block(self) -> str:
        """The text as it goes into the message: delimited, with the file name."""
        name = self.name.replace('"', "'")
        # A closing tag inside the text would end the block early for the model.
        body = self.text.replace("</document>", "<\\/document>")
        return f'<document name="{name}">\n{body}\n</document>'

    @cached_property
    def tokens(self) -> int:
        return estimate_text_tokens(self.block)


def compose_message(text: str, documents: Sequence[Document]) -> str:
    """The message as stored and sent: the person's words, then each document.

    Words first, so the conversation's title comes from them, and the model reads the
    question before the material it is about (each block names its file).
    """
    parts = [text.strip()] if text.strip() else []
    parts.extend(document.block for document in documents)
    return "\n\n".join(parts)


_BLOCK = re.compile(r'<document name="([^"]*)">\n(.*?)\n</document>', re.DOTALL)


def fold_documents(text: str) -> str:
    """A message as the conversation view shows it: each document one line, not pages of
    text (Copy, search and the model still get every word)."""
    return _BLOCK.sub(
        lambda m: translate("Documents", "[Attached: {name} · about {tokens} tokens]").format(
            name=m.group(1), tokens=f"{estimate_text_tokens(m.group(0)):,}"
        ),
        text,
    )


def title_text(text: str) -> str:
    """A message with each document reduced to its file name: what a title is made from
    (a message of documents alone is titled by the first file's name)."""
    return _BLOCK.sub(lambda m: m.group(1), text)


# --- errors in words ---------------------------------------------------------------------


def _too_big(name: str, size: int) -> DocumentError:
    return DocumentError(
        translate(
            "Documents", "“{name}” is {size} MB; Hearth attaches documents up to {limit} MB."
        ).format(name=name, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)),
        hint=translate("Documents", "Attach a smaller part of it, or the text alone."),
    )


def _too_long(name: str, chars: int) -> DocumentError:
    return DocumentError(
        translate(
            "Documents",
            "“{name}” holds {chars} characters of text, more than any model reads at once.",
        ).format(name=name, chars=f"{chars:,}"),
        hint=translate("Documents", "Attach the part you want to ask about."),
    )


def _damaged(name: str, kind: str) -> DocumentError:
    return DocumentError(
        translate("Documents", "“{name}” is damaged or not really a {kind} file.").format(
            name=name, kind=kind
        ),
        hint=translate("Documents", "Open it in its own app and save it again, then attach it."),
    )


def _empty(name: str) -> DocumentError:
    return DocumentError(translate("Documents", "“{name}” has no text in it.").format(name=name))


# --- text files --------------------------------------------------------------------------


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding) of a text file's bytes; ``NotADocument`` for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _damaged(name, "text") from exc
    if b"\x00" in data[:8192]:
        # UTF-16 without a BOM is rare in files people attach; binaries are not.
        raise NotADocument(_not_readable(name))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    with serial_imports:
        from charset_normalizer import from_bytes

    # UTF-16/32 without a BOM: ruled out above (they hold NUL bytes in ASCII text).
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise NotADocument(_not_readable(name))
    best = _prefer_chinese(matches)
    encoding = _SUPERSETS.get(best.encoding.lower(), best.encoding)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    return text, encoding


def _prefer_chinese(matches: list[CharsetMatch]) -> CharsetMatch:
    """The best match, except that a short text decoding as well (or nearly) in GB18030
    or Big5 as in, say, Shift-JIS or a Korean code page is read as Chinese: two or three
    characters cannot tell them apart, and most of Hearth's non-UTF-8 files are Chinese."""
    least = min(match.chaos for match in matches)
    for preferred in _PREFERRED:
        for match in matches:
            if match.encoding == preferred and match.chaos <= least + CHINESE_TOLERANCE:
                return match
    return matches[0]


def _not_readable(name: str) -> str:
    return translate(
        "Documents", "“{name}” is not a text, PDF or Word document Hearth can read."
    ).format(name=name)


def _text_document(data: bytes, name: str) -> Document:
    text, encoding = decode_text(data, name)
    if len(_CONTROL.findall(text[:65536])) > 32:
        raise NotADocument(_not_readable(name))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _empty(name)
    return Document(name, "text", text, encoding=encoding)


# --- PDF ---------------------------------------------------------------------------------


def _pdf_document(data: bytes, name: str) -> Document:
    with serial_imports:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty password only to forbid copying;
            # those open, and their text is the person's to read.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise _protected(name) from exc
            if not opened:
                raise _protected(name)
        texts = [_pdf_text(page.extract_text() or "") for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise _protected(name) from exc
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        log.info("PDF %s unreadable: %r", name, exc)
        raise _damaged(name, "PDF") from exc
    pages = len(texts)
    empty = sum(1 for text in texts if not text)
    if pages == 0:
        raise _damaged(name, "PDF")
    if empty == pages:
        raise DocumentError(
            translate(
                "Documents",
                "“{name}” is an image-only PDF (scanned pages): it has no text layer to read.",
            ).format(name=name),
            hint=translate(
                "Documents",
                "Run it through OCR first, or attach the pages as images for a vision model.",
            ),
        )
    body = "\n\n".join(
        f"[Page {index}]\n{text}"  # for the model, not the person: not translated
        for index, text in enumerate(texts, 1)
        if text
    )
    return Document(name, "pdf", body, pages=pages, empty_pages=empty)


def _pdf_text(text: str) -> str:
    # Fonts draw "fi", "fl"… as one glyph: spelled out, so search and the model see words.
    # Only those: NFKC on everything would also turn Chinese full-width punctuation ASCII.
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _SPACES.sub(" ", text).strip()


def _protected(name: str) -> DocumentError:
    return DocumentError(
        translate("Documents", "“{name}” is protected with a password.").format(name=name),
        hint=translate("Documents", "Save an unprotected copy from your PDF reader and attach it."),
    )


# --- DOCX --------------------------------------------------------------------------------


def _docx_document(data: bytes, name: str) -> Document:
    with serial_imports:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        # An OLE container: an old binary .doc, or a DOCX protected with a password
        # (Word encrypts those into the same container).
        raise DocumentError(
            translate(
                "Documents", "“{name}” is password-protected or an old Word (.doc) file."
            ).format(name=name),
            hint=translate(
                "Documents", "Save it from Word as an unprotected .docx document, then attach it."
            ),
        )
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        log.info("DOCX %s unreadable: %r", name, exc)
        raise _damaged(name, "Word") from exc
    except Exception as exc:  # lxml's many kinds of bad-XML errors: the file is damaged
        log.info("DOCX %s unreadable: %r", name, exc)
        raise _damaged(name, "Word") from exc
    text = "\n".join(lines).strip()
    if not text:
        raise _empty(name)
    return Document(name, "docx", text)


# --- files -------------------------------------------------------------------------------


def document_from_bytes(data: bytes, name: str) -> Document:
    """A document for ``data``: by content (PDF and ZIP signatures), then by name."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        document = _pdf_document(data, name)
    elif suffix in DOCX_SUFFIXES or (data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]):
        document = _docx_document(data, name)
    elif data.startswith(b"PK\x03\x04"):
        raise NotADocument(_not_readable(name))
    else:
        document = _text_document(data, name)
    if len(document.text) > MAX_TEXT_CHARS:
        raise _too_long(name, len(document.text))
    return document


def load_document(path: str | Path) -> Document:
    """Read and extract one file (on a worker thread: a PDF can take seconds)."""
    file = Path(path)
    name = file.name
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(name, size)
        data = file.read_bytes()
    except OSError as exc:
        raise DocumentError(
            translate("Documents", "“{name}” could not be read: {reason}").format(
                name=name, reason=exc.strerror or exc
            )
        ) from exc
    if not data:
        raise _empty(name)
    return document_from_bytes(data, name)


@dataclass(frozen=True)
class Loaded:
    images: list[Attachment]
    documents: list[Document]
    problems: list[str]


def load_files(paths: Sequence[str | Path]) -> Loaded:
    """Dropped or chosen files, sorted into images and documents, with a reason in words
    for each file refused. A file named as an image goes to the image loader; anything
    else is read as a document, and binary content that is no document is tried as an
    image (a picture saved without a suffix)."""
    with serial_imports:
        from app.chat.attachments import AttachmentError, load_image_file

    images: list[Attachment] = []
    documents: list[Document] = []
    problems: list[str] = []
    for path in paths:
        if Path(path).suffix.lower() in _IMAGE_SUFFIXES:
            try:
                images.append(load_image_file(path))
            except AttachmentError as exc:
                problems.append(str(exc))
            continue
        try:
            documents.append(load_document(path))
        except NotADocument as exc:
            try:
                images.append(load_image_file(path))
            except AttachmentError:
                problems.append(str(exc))
        except DocumentError as exc:
            problems.append(str(exc))
    return Loaded(images, documents, problems)
