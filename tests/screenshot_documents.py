"""Screenshots of the message box with a PDF and a DOCX attached (issue 16).

    xvfb-run -a .venv/bin/python tests/screenshot_documents.py OUTDIR
    HEARTH_SHOT_THEME=dark ... ; LANG=zh_CN.UTF-8 LANGUAGE=zh_CN ... for Chinese

A fake Ollama answers over real HTTP (a model with a 4,096-token context, so the
warning shows); the data dir is a temporary folder; the files are written here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from tests.fakes.ollama_server import FakeModel, FakeOllama, default_models
from tests.shot_window import open_window, pump, wait_until


def main(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-shots-")
    theme = os.environ.get("HEARTH_SHOT_THEME", "light")
    lang = "zh" if os.environ.get("LANG", "").startswith("zh") else "en"
    fake = FakeOllama([*default_models(), FakeModel("qwen3:0.6b", context_length=4096)])
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    from app.core.settings import LAST_MODEL
    from tests.unit.test_documents import write_docx, write_pdf

    window = open_window(theme, (1000, 640), lambda ctx: ctx.settings.set(LAST_MODEL, "qwen3:0.6b"))
    wait_until(lambda: bool(window.chat.model_picker.model_refs()))
    window.chat.model_picker.select_ref("qwen3:0.6b")
    window.chat.model_picker.model_chosen.emit(window.chat.model_picker.current_ref())

    files = Path(tempfile.mkdtemp(prefix="hearth-docs-"))
    pages = [
        "\n".join(f"Line {p * 40 + i}: quarterly revenue, costs and outlook" for i in range(40))
        for p in range(12)
    ]
    pdf = write_pdf(files / "2026 Q3 财报.pdf", pages)
    docx = write_docx(
        files / "会议纪要 minutes.docx",
        ["会议纪要：明天下午三点在成都开会。", "Decision: hire two engineers."],
        [["Item", "Owner"], ["Budget", "张三"]],
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf)), QUrl.fromLocalFile(str(docx))])
    composer = window.chat.composer
    composer.edit.insertFromMimeData(mime)
    wait_until(lambda: len(composer.document_chips()) == 2)
    composer.edit.setPlainText(
        "请比较这两份文件的要点。" if lang == "zh" else "Compare the main points of these two."
    )
    pump(600)
    window.grab().save(str(out / f"documents-window-{theme}-{lang}.png"))
    composer.grab().save(str(out / f"documents-composer-{theme}-{lang}.png"))
    # Sent: what the conversation shows of a message that carried documents.
    window.chat.model_picker.select_ref("llama3.2:latest")
    window.chat.model_picker.model_chosen.emit(window.chat.model_picker.current_ref())
    composer.submit()
    wait_until(
        lambda: (
            len(window.chat.messages.widgets()) == 2
            and window.chat.messages.widgets()[-1].status != "streaming"
        )
    )
    pump(600)
    window.grab().save(str(out / f"documents-sent-{theme}-{lang}.png"))
    window.close()
    fake.stop()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
