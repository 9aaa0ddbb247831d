"""Screenshots of quick ask, Preferences and the keyboard-shortcut list.

    xvfb-run -a .venv/bin/python -m tests.screenshot_tray OUTDIR [light|dark] [en|zh_CN|zh_TW]

A fake Ollama answers over real HTTP; the data dir is a temporary folder. The language
is chosen the way a person does, in the settings file Preferences writes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.shot_window import open_window, pump, wait_until

ANSWERS = {
    "en": (
        "What is the capital of France?",
        "**Paris** is the capital of France. It sits on the Seine and has about "
        "2.1 million people (11 million in the wider region).",
    ),
    "zh": (
        "法国的首都是哪里？",
        "法国的首都是**巴黎**，位于塞纳河畔，市区人口约 210 万（大巴黎地区约 1100 万）。",
    ),
}


def main(outdir: str, theme: str, language: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="hearth-tray-shots-"))
    os.environ["HEARTH_DATA_DIR"] = str(data)
    (data / "settings.json").write_text(
        json.dumps({"version": 1, "values": {"ui/language": language, "ui/theme": theme}}),
        encoding="utf-8",
    )
    question, answer = ANSWERS["zh" if language.startswith("zh") else "en"]
    fake = FakeOllama()
    fake.chat_scripts = [ChatScript(tokens=split_tokens(answer))]
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    from app.ui import tray as tray_module
    from app.ui.tray import TrayFeature

    tag = f"{theme}-{language}"
    if os.environ.get("HEARTH_SHOT_TRAY"):  # as on a desktop with a tray (Xvfb has none)
        tray_module.tray_available = lambda: True
        tag += "-tray"

    window = open_window(None, (1000, 680))

    ctx = window.ctx
    wait_until(lambda: bool(window.chat.model_picker.model_refs()))

    tray = window.features["app.ui.tray"]
    assert isinstance(tray, TrayFeature)
    tray.toggle_quick_ask()
    quick = tray.quick_ask
    quick.input.setText(question)
    quick.ask()
    wait_until(lambda: quick.conversation is not None and not quick._asking)
    quick.input.setText(question)  # what a follow-up looks like while typing
    pump(300)
    quick.grab().save(str(out / f"quick-ask-{tag}.png"))
    quick.hide()

    prefs = window.features["app.ui.preferences"].show()  # type: ignore[attr-defined]
    pump(300)
    prefs.grab().save(str(out / f"preferences-{tag}.png"))
    prefs.show_page("chat")
    pump(200)
    prefs.grab().save(str(out / f"preferences-chat-{tag}.png"))
    prefs.show_page("engines")
    pump(200)
    prefs.grab().save(str(out / f"preferences-engines-{tag}.png"))
    prefs.reject()

    shortcuts = window.features["app.ui.shortcuts"].show()  # type: ignore[attr-defined]
    pump(300)
    shortcuts.grab().save(str(out / f"shortcuts-{tag}.png"))
    shortcuts.reject()

    window.quit_hearth()
    ctx.tasks.shutdown()
    ctx.writer.close()
    fake.stop()
    return 0


if __name__ == "__main__":
    args = [*sys.argv[1:], "", ""]
    sys.exit(main(args[0], args[1] or "light", args[2] or "en"))
