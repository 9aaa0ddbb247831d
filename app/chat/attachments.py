"""Image attachments: what counts as an image, what is sent, and to whom.

- A file is an image only when it decodes as one (its name says nothing: a text file
  renamed ``.png`` is refused with a message). Only raster formats every vision API
  takes are kept as they are (PNG, JPEG, GIF, WebP); BMP and TIFF are converted to PNG;
  SVG and PDF are refused (they are documents, and SVG can name other files).
- The original is what is stored and shown. What is *sent* is scaled so its longest
  side is at most ``SEND_MAX_SIDE`` pixels and re-encoded when it is large, so a 50 MB
  photo is not re-sent on every turn. Re-encoding also drops the file's metadata
  (camera, GPS position), which a scaled copy has no use for.
- A model without vision is never sent an image: ``check_vision`` refuses in words.

The rules are plain Python; decoding and scaling use Qt's image classes (QtGui, no
widgets, safe on worker threads), imported only when an image is actually handled.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.storage.records import Attachment

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

SEND_MAX_SIDE = 2048
"""Longest side, in pixels, of an image as sent. Vision APIs and local vision models
downscale large inputs themselves, so more pixels only cost upload time, memory and
tokens on every turn (the limit the issue asks for; not tuned per provider)."""
SEND_MAX_BYTES = 3_000_000
"""An image this size or smaller, already within ``SEND_MAX_SIDE``, is sent as it is."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused before they are read."""
MAX_PIXELS = 12_000 * 12_000
"""Decoding bigger images would need gigabytes; refused with a message."""

_KEPT_FORMATS = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
_CONVERTED_FORMATS = {"bmp", "tiff", "tga", "ppm", "pgm", "pbm"}


class AttachmentError(KnownError):
    """An attachment cannot be used; the message says which and why."""


def _not_an_image(name: str) -> AttachmentError:
    return AttachmentError(
        translate("Attachments", "“{name}” is not an image Hearth can read.").format(name=name),
        hint=translate("Attachments", "Attach a PNG, JPEG, GIF or WebP picture."),
    )


def _encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    with serial_imports:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt, quality):  # type: ignore[call-overload]
        raise AttachmentError(translate("Attachments", "The image could not be re-encoded."))
    return bytes(data.data())


def _read(data: bytes, name: str) -> tuple[str, QImage]:
    """(format, decoded image) of ``data``, judged by its content alone."""
    with serial_imports:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QImageReader

    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    fmt = "jpeg" if fmt == "jpg" else "tiff" if fmt == "tif" else fmt
    if fmt not in _KEPT_FORMATS and fmt not in _CONVERTED_FORMATS:
        raise _not_an_image(name)
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise AttachmentError(
            translate(
                "Attachments", "“{name}” is too large an image ({width} × {height} pixels)."
            ).format(name=name, width=size.width(), height=size.height())
        )
    image = reader.read()
    if image.isNull():
        raise _not_an_image(name)
    return fmt, image


def image_from_bytes(data: bytes, name: str) -> Attachment:
    """An attachment for ``data`` if it decodes as an image; else ``AttachmentError``."""
    if not data:
        raise _not_an_image(name)
    fmt, image = _read(data, name)
    if fmt in _KEPT_FORMATS:
        return Attachment(_KEPT_FORMATS[fmt], data, name)
    stem = Path(name).stem or "image"
    return Attachment("image/png", _encode(image, "PNG"), f"{stem}.png")


def load_image_file(path: str | Path) -> Attachment:
    """Read and check one file (run on a worker thread: it may be big)."""
    file = Path(path)
    name = file.name
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AttachmentError(
                translate(
                    "Attachments", "“{name}” is {size} MB; Hearth attaches images up to {limit} MB."
                ).format(
                    name=name, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
                )
            )
        data = file.read_bytes()
    except OSError as exc:
        raise AttachmentError(
            translate("Attachments", "“{name}” could not be read: {reason}").format(
                name=name, reason=exc.strerror or exc
            )
        ) from exc
    return image_from_bytes(data, name)


def load_image_files(paths: Sequence[str | Path]) -> tuple[list[Attachment], list[str]]:
    """The images among ``paths`` and, for each file refused, the reason in words."""
    attachments: list[Attachment] = []
    problems: list[str] = []
    for path in paths:
        try:
            attachments.append(load_image_file(path))
        except AttachmentError as exc:
            problems.append(str(exc))
    return attachments, problems


# --- what is sent ------------------------------------------------------------------------

_cache_lock = threading.Lock()
_cache: OrderedDict[tuple[int, int, int], bytes] = OrderedDict()
_CACHE_BYTES = 64 * 1024 * 1024


def _scaled(data: bytes) -> bytes:
    with serial_imports:
        from PySide6.QtCore import Qt

    try:
        _fmt, image = _read(data, "")
    except AttachmentError:
        return data  # stored before this check existed: send as stored
    longest = max(image.width(), image.height())
    if longest <= SEND_MAX_SIDE and len(data) <= SEND_MAX_BYTES:
        return data
    if longest > SEND_MAX_SIDE:
        image = image.scaled(
            SEND_MAX_SIDE,
            SEND_MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    if image.hasAlphaChannel():
        return _encode(image, "PNG")
    return _encode(image, "JPEG", 88)


def wire_image(attachment: Attachment) -> bytes:
    """The bytes to send for ``attachment``: the original when small, else a scaled copy.

    Cached (by the stored id and the data's hash, up to 64 MB of results), so a long
    conversation does not re-scale the same photo on every turn.
    """
    data = attachment.data
    key = (attachment.id or 0, len(data), hash(data))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    result = _scaled(data)
    with _cache_lock:
        _cache[key] = result
        while sum(len(v) for v in _cache.values()) > _CACHE_BYTES and len(_cache) > 1:
            _cache.popitem(last=False)
    return result


def wire_images(attachments: Sequence[Attachment]) -> tuple[bytes, ...]:
    """The images of a message as they are sent (see ``wire_image``)."""
    return tuple(wire_image(a) for a in attachments if a.mime.startswith("image/"))


def check_vision(model: str, vision: bool, image_count: int) -> None:
    """Refuse to send images to a model that cannot see them."""
    if image_count and not vision:
        raise AttachmentError(
            translate("Attachments", "{model} cannot see images, so nothing was sent.").format(
                model=model
            ),
            hint=translate(
                "Attachments", "Remove the image (×), or choose a model that can see images."
            ),
        )
