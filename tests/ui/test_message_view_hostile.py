"""Replies written to hurt: huge, deep, tricky, or naming local files (issues 12 and 13).

Each is rendered in a real MessageWidget, stored or streamed, and checked for what the
person sees and for what Hearth did not do (read a file, lay out a million-character
line, obey a bidi override). Time is measured in tests/bench/bench_view.py, not here.
"""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.storage.records import Message, utc_now
from app.ui.chat import markdown, message_render
from app.ui.chat.markdown import DATA_IMAGE_MAX, LONG_LINE, MAX_LEVEL
from app.ui.chat.message_widget import FoldedLineDialog, MessageBody, MessageWidget

IMAGE = QTextDocument.ResourceType.ImageResource.value


def png(width: int, height: int, colour: str = "red") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def data_uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def stored(qtbot: QtBot, text: str) -> MessageWidget:
    widget = MessageWidget(Message(2, 1, "assistant", text, utc_now()))
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=20_000)
    return widget


def streamed(qtbot: QtBot, text: str, piece: int = 4000) -> MessageWidget:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    for start in range(0, len(text), piece):
        widget.append(text[start : start + piece])
        qtbot.wait(1)
    widget.finish("ok")
    # Formatting a finished reply now goes in 3 ms steps (one frame's budget, issue 11):
    # ~270 KB takes 10-20 s here on a busy machine. What these tests check is what is
    # shown, not how fast (that is tests/bench/bench_view.py).
    qtbot.waitUntil(lambda: not widget.is_rendering(), timeout=60_000)
    return widget


@pytest.fixture
def resource_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource a message body is asked to load (it must refuse them all)."""
    asked: list[str] = []
    refuse = MessageBody.loadResource

    def spy(self: MessageBody, kind: int, name: QUrl) -> object:
        asked.append(QUrl(name).toString())
        return refuse(self, kind, name)

    monkeypatch.setattr(MessageBody, "loadResource", spy)
    return asked


def test_no_image_in_a_reply_is_read_from_a_path(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    resource_requests: list[str],
) -> None:
    real = tmp_path / "holiday.png"
    real.write_bytes(png(40, 30))
    (tmp_path / "relative.png").write_bytes(png(20, 20))
    monkeypatch.chdir(tmp_path)  # a relative path would resolve here
    text = (
        "![zero](/dev/zero)\n\n"
        f"![photo]({real})\n\n"
        f"![file](file://{real})\n\n"
        "![rel](relative.png)\n\n"
        "![web](https://example.com/cat.png)\n"
    )
    widget = stored(qtbot, text)
    document = widget.body.document()
    shown = widget.body_text()
    assert "Image: zero (/dev/zero)" in shown
    assert f"Image: photo ({real})" in shown
    assert "Image: rel (relative.png)" in shown
    assert "Image: web" in shown  # a link the person may follow, never fetched
    assert 'href="https://example.com/cat.png"' in widget.body.toHtml()
    assert resource_requests == []  # the HTML names no resource at all
    for name in ("/dev/zero", str(real), "relative.png", real.as_uri()):
        # Asked for them by name (as a layout would), the body refuses each.
        loaded = document.resource(IMAGE, QUrl(name))
        assert loaded is None or (isinstance(loaded, QImage) and loaded.isNull()), name


def test_even_html_naming_a_local_image_is_refused(
    qtbot: QtBot, tmp_path: Path, resource_requests: list[str]
) -> None:
    """The second line of defence: whatever HTML reaches a body, it loads no file."""
    real = tmp_path / "secret.png"
    real.write_bytes(png(50, 50))
    body = MessageBody()
    qtbot.addWidget(body)
    body.resize(400, 300)
    body.setHtml(f'<p>x</p><img src="{real}"><img src="/dev/zero">')
    body.show()
    body.document().size()  # lay out: this is when images are fetched
    qtbot.wait(10)
    assert str(real) in resource_requests and "/dev/zero" in resource_requests
    loaded = body.document().resource(IMAGE, QUrl(str(real)))
    assert not isinstance(loaded, QImage) or loaded.isNull()


def test_small_data_images_are_shown_from_memory_and_large_ones_are_not(
    qtbot: QtBot, resource_requests: list[str]
) -> None:
    small = data_uri(png(1200, 300))
    large = "data:image/png;base64," + "A" * (DATA_IMAGE_MAX + 10)
    bomb = data_uri(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)  # not an image at all
    widget = streamed(qtbot, f"Look: ![chart]({small})\n\n![huge]({large})\n\n![bad]({bomb})\n")
    image = widget.body.document().resource(IMAGE, QUrl(f"{markdown.IMAGE_SCHEME}:0"))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() == markdown.IMAGE_MAX_WIDTH  # scaled when decoded, off the GUI
    shown = widget.body_text()
    assert "Image not shown: bad" in shown
    assert "Image not shown: huge" in shown
    assert resource_requests == []


def test_a_megabyte_without_spaces_is_folded_and_can_be_seen_whole(qtbot: QtBot) -> None:
    line = "x" * 1_000_000
    widget = streamed(qtbot, "Before.\n\n" + line + "\n\nAfter.", piece=50_000)
    shown = widget.body_text()
    assert "Before." in shown and "After." in shown
    count = QLocale().toString(1_000_000)
    assert f"Show the whole line ({count} characters)" in shown
    assert len(shown) < 5_000  # what Qt lays out is bounded, not the megabyte
    assert widget.folded_lines() == [line]
    assert widget.text.endswith("After.")
    opened: list[QDialog] = []
    widget.show_folded(0, opener=opened.append)
    dialog = opened[0]
    assert isinstance(dialog, FoldedLineDialog)
    assert dialog.view.toPlainText().replace("\n", "") == line
    dialog.close()


def test_the_plain_tail_folds_a_long_line_while_it_streams(qtbot: QtBot) -> None:
    widget = MessageWidget(Message(2, 1, "assistant", "", utc_now(), status="streaming"))
    qtbot.addWidget(widget)
    widget.show()
    for _ in range(100):
        widget.append("y" * 3000)
    qtbot.waitUntil(widget._tail.in_step)
    assert widget.tail_text() == "y" * LONG_LINE + "…"  # the head, not 300,000
    assert len(widget.text) == 300_000


def test_a_ten_megabyte_data_image_is_shown_as_a_folded_line(qtbot: QtBot) -> None:
    text = "Here it is:\n\n![big](data:image/png;base64," + "QUJD" * 2_500_000 + ")\n\nDone."
    widget = streamed(qtbot, text, piece=1_000_000)
    shown = widget.body_text()
    assert "Here it is:" in shown and "Done." in shown
    assert "Show the whole line" in shown
    assert len(shown) < 5_000
    assert widget.text == text


def test_deep_nesting_is_shown_flattened_not_dropped(qtbot: QtBot) -> None:
    depth = 30
    lists = "\n".join("  " * level + f"- level {level}" for level in range(depth))
    quotes = "\n".join("> " * level + f"quote {level}" for level in range(1, depth))
    widget = stored(qtbot, lists + "\n\n" + quotes + "\n\nThe end.")
    shown = widget.body_text()
    for level in range(depth):
        assert f"level {level}" in shown
    for level in range(1, depth):
        assert f"quote {level}" in shown
    assert "Nested too deeply" in shown
    assert "The end." in shown
    assert depth * 2 > MAX_LEVEL  # the case is beyond the limit, or it proves nothing


def test_shallow_nesting_still_renders_as_lists(qtbot: QtBot) -> None:
    text = "\n".join("  " * level + f"- level {level}" for level in range(4))
    widget = stored(qtbot, text)
    assert "Nested too deeply" not in widget.body_text()
    assert "<li" in widget.body.toHtml() or "-qt-list-indent" in widget.body.toHtml()


@pytest.mark.parametrize("streaming", [False, True], ids=["stored", "streamed"])
def test_reference_style_links_and_images_resolve_across_blocks(
    qtbot: QtBot, streaming: bool, resource_requests: list[str]
) -> None:
    pixel = data_uri(png(8, 8))
    text = (
        "See [the docs][docs] and [Qt][] for more.\n\n"
        "A picture: ![dot][pixel]\n\n"
        "Some more text in between.\n\n"
        "[docs]: https://docs.example.com/guide\n"
        "[qt]: https://www.qt.io\n"
        f"[pixel]: {pixel}\n"
    )
    widget = streamed(qtbot, text, piece=20) if streaming else stored(qtbot, text)
    html = widget.body.toHtml()
    shown = widget.body_text()
    assert 'href="https://docs.example.com/guide"' in html
    assert 'href="https://www.qt.io"' in html
    assert "[docs]" not in shown and "[Qt][]" not in shown and "![dot]" not in shown
    image = widget.body.document().resource(IMAGE, QUrl(f"{markdown.IMAGE_SCHEME}:0"))
    assert isinstance(image, QImage) and image.width() == 8
    assert resource_requests == []


@pytest.mark.parametrize("streaming", [False, True], ids=["stored", "streamed"])
def test_bidi_overrides_are_shown_not_obeyed(qtbot: QtBot, streaming: bool) -> None:
    text = "Pay \u202eSU 001\u202c to Bob.\n\nUser \u2066admin\u2069 ok."
    widget = streamed(qtbot, text, piece=5) if streaming else stored(qtbot, text)
    shown = widget.body_text()
    assert "\u202e" not in shown and "\u2066" not in shown
    assert "Pay ⟦U+202E⟧SU 001⟦U+202C⟧ to Bob." in shown
    assert "⟦U+2066⟧admin⟦U+2069⟧" in shown
    assert widget.text == text  # copied as it came; only the view neutralises it


def test_bidi_overrides_in_the_persons_own_message_are_shown_too(qtbot: QtBot) -> None:
    widget = MessageWidget(Message(1, 1, "user", "a\u202eb", utc_now()))
    qtbot.addWidget(widget)
    assert widget.body_text() == "a⟦U+202E⟧b"


def test_markdown_is_rendered_off_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[str] = set()
    original = markdown.render_markdown

    def spy(text: str, **kwargs: object) -> markdown.Rendered:
        threads.add(threading.current_thread().name)
        return original(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(message_render, "render_markdown", spy)
    paragraph = "A paragraph of a long reply, with **bold** words.\n\n"
    widget = streamed(qtbot, paragraph * 2000, piece=10_000)
    assert threads and threading.main_thread().name not in threads
    assert widget.body_text().count("A paragraph of a long reply") == 2000


def test_a_long_reply_goes_on_in_more_body_documents_with_nothing_lost(qtbot: QtBot) -> None:
    paragraph = "Paragraph {n} of a long and ordinary reply, with *some* emphasis.\n\n"
    text = "".join(paragraph.format(n=n) for n in range(4000))  # ~270 KB
    widget = streamed(qtbot, text, piece=30_000)
    assert len(widget._bodies) >= 2  # no single document holds it all
    shown = widget.body_text()
    assert all(f"Paragraph {n} of" in shown for n in (0, 1999, 2000, 3999))
    assert shown.count("Paragraph ") == 4000
    assert widget.tail_text() == ""
