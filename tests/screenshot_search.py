"""Screenshots of search and of an exported PDF page, for review.

Run under a virtual display:
    xvfb-run -a .venv/bin/python tests/screenshot_search.py OUTDIR [light|dark]
(``LANG=zh_CN.UTF-8`` for the Chinese interface). A temporary data dir holds a
conversation of Chinese and English messages with an image; a fake Ollama answers over
HTTP so the window starts as it does for a person. Saves ``search-<theme>[-zh].png``
(the search window over the main window), ``find-…`` (the result jumped to, its match
marked by the find bar) and
``pdf-page-<theme>[-zh].png`` (the first page of the PDF export, rendered by QtPdf).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QSize
from PySide6.QtGui import QColor, QImage, QPainter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.ollama_server import FakeOllama
from tests.shot_window import open_window, pump, wait_until


def png() -> bytes:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f81f7"))
    painter = QPainter(image)
    painter.fillRect(20, 20, 60, 50, QColor("#ffd60a"))
    painter.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def seed() -> int:
    from app.core import paths
    from app.storage import repo
    from app.storage.db import open_database
    from app.storage.records import Attachment

    conn = open_database(paths.database_path()).connection
    talk = repo.create_conversation(conn, "本地模型与量化 — quantization notes", "qwen3:8b")
    for n in range(120):
        repo.add_message(conn, talk.id, "user", f"第 {n} 个问题：今天的天气怎么样？ question {n}")
        repo.add_message(conn, talk.id, "assistant", f"回答 {n}：晴天。Sunny.", model="qwen3:8b")
    repo.add_message(
        conn,
        talk.id,
        "user",
        "量化（quantization）会让模型变慢吗？附上显卡截图。",
        attachments=[Attachment("image/png", png(), "显卡.png")],
    )
    repo.add_message(
        conn,
        talk.id,
        "assistant",
        "## 量化的影响\n\n**Q4_K_M** 量化通常让推理更快、占用更少显存，质量损失很小。\n\n"
        "```bash\nollama run qwen3:8b-q4_K_M\n```",
        model="qwen3:8b",
    )
    other = repo.create_conversation(conn, "Weekend recipes 周末食谱")
    repo.add_message(conn, other.id, "user", "A quick recipe without quantization of flavour")
    conn.close()
    return talk.id


def main(outdir: str, theme: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-shots-search-")
    suffix = f"{theme}-zh" if os.environ.get("LANG", "").startswith("zh") else theme
    fake = FakeOllama()
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    talk_id = seed()
    window = open_window(theme, (1100, 760))
    ctx = window.ctx
    wait_until(lambda: window.conversations.count() == 2)
    window.features["app.ui.search"]["open"]()  # type: ignore[index]
    dialog = window.features["app.ui.search"]["dialog"]  # type: ignore[index]
    dialog.resize(620, 420)
    dialog.move(window.geometry().center() - dialog.rect().center())
    dialog.field.setText("量化")
    wait_until(lambda: dialog.results.count() > 0)
    pump(300)
    dialog.results.setCurrentRow(1)
    dialog._open_current()  # as Enter does
    wait_until(lambda: window.chat.find_bar.isVisible() and window.chat.find_bar.current())
    pump(800)
    shot = window.grab().toImage()
    painter = QPainter(shot)
    painter.drawImage(
        dialog.geometry().topLeft() - window.geometry().topLeft(), dialog.grab().toImage()
    )
    painter.end()
    shot.save(str(out / f"search-{suffix}.png"))
    dialog.hide()  # the jumped-to message behind it, its match marked by the find bar
    pump(400)
    window.grab().save(str(out / f"find-{suffix}.png"))

    from PySide6.QtPdf import QPdfDocument

    from app.export.model import load
    from app.ui.export.pdf import write_pdf

    pdf = out / f"export-{suffix}.pdf"
    write_pdf(ctx.writer.call(lambda conn: load(conn, talk_id)), pdf)
    document = QPdfDocument()
    document.load(str(pdf))
    last = document.pageCount() - 1  # the last page holds the image and the code block
    size = document.pagePointSize(last)
    image = document.render(last, QSize(int(size.width() * 1.6), int(size.height() * 1.6)))
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))  # the PDF page is white whatever the theme
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    page.save(str(out / f"pdf-page-{suffix}.png"))
    document.close()
    window.close()
    ctx.tasks.shutdown()
    ctx.writer.close()
    fake.stop()
    print(out / f"search-{suffix}.png", out / f"pdf-page-{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "light"))
