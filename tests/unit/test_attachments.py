"""Attachment rules: decoded by content, scaled for sending, never to a model without vision."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from app.chat.attachments import (
    SEND_MAX_SIDE,
    AttachmentError,
    check_vision,
    image_from_bytes,
    load_image_file,
    load_image_files,
    wire_image,
    wire_images,
)
from app.storage.records import Attachment


def encoded(width: int, height: int, fmt: str, *, noise: bool = False) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    if noise:  # incompressible content, so the file is really big
        import random

        rng = random.Random(7)
        for y in range(0, height, 1):
            for x in range(0, width, 7):
                image.setPixel(x, y, rng.getrandbits(24))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)  # type: ignore[call-overload]
    return bytes(data.data())


def test_a_file_renamed_png_is_refused_with_a_message(tmp_path: Path) -> None:
    fake = tmp_path / "holiday.png"
    fake.write_text("password: hunter2\nnot a picture at all\n")
    with pytest.raises(AttachmentError) as caught:
        load_image_file(fake)
    assert "holiday.png" in str(caught.value) and "not an image" in str(caught.value)
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(encoded(64, 64, "PNG")[:40])
    with pytest.raises(AttachmentError):
        load_image_file(truncated)


def test_real_images_are_kept_as_they_are_whatever_their_name(tmp_path: Path) -> None:
    jpeg = encoded(32, 16, "JPEG")
    path = tmp_path / "photo.png"  # a JPEG with the wrong name
    path.write_bytes(jpeg)
    attachment = load_image_file(path)
    assert attachment.mime == "image/jpeg" and attachment.data == jpeg
    assert attachment.name == "photo.png"


def test_bmp_is_converted_and_svg_refused() -> None:
    converted = image_from_bytes(encoded(10, 10, "BMP"), "scan.bmp")
    assert converted.mime == "image/png" and converted.name == "scan.png"
    assert QImage.fromData(converted.data).width() == 10
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<image href="/etc/passwd"/></svg>'
    )
    with pytest.raises(AttachmentError):
        image_from_bytes(svg, "x.svg")


def test_several_files_keep_the_good_and_explain_the_bad(tmp_path: Path) -> None:
    good = tmp_path / "ok.png"
    good.write_bytes(encoded(8, 8, "PNG"))
    bad = tmp_path / "notes.jpg"
    bad.write_text("hello")
    missing = tmp_path / "gone.png"
    attachments, problems = load_image_files([good, bad, missing])
    assert [a.name for a in attachments] == ["ok.png"]
    assert len(problems) == 2 and "notes.jpg" in problems[0] and "gone.png" in problems[1]


def test_a_large_image_is_scaled_for_sending_and_the_original_kept() -> None:
    big = encoded(4000, 3000, "PNG", noise=True)
    assert len(big) > 3_000_000
    attachment = Attachment("image/png", big, "big.png", 42)
    sent = wire_image(attachment)
    decoded = QImage.fromData(sent)
    assert max(decoded.width(), decoded.height()) == SEND_MAX_SIDE
    assert decoded.width() / decoded.height() == pytest.approx(4 / 3, rel=0.01)
    assert len(sent) < len(big) / 2
    assert attachment.data == big  # the stored original is untouched
    assert wire_image(attachment) is sent  # scaled once, not on every turn


def test_a_small_image_is_sent_as_it_is() -> None:
    small = encoded(640, 480, "JPEG")
    assert wire_images([Attachment("image/jpeg", small)]) == (small,)


def test_no_images_to_a_model_without_vision() -> None:
    check_vision("llama3.2", False, 0)
    check_vision("gemma3", True, 2)
    with pytest.raises(AttachmentError) as caught:
        check_vision("llama3.2", False, 1)
    assert "llama3.2 cannot see images" in str(caught.value)
