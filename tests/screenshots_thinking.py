"""Screenshots of the thinking block (issue 16): live while the model thinks, folded to
"Thought for N s", and opened again -- with the Think control in the header.

    xvfb-run -a .venv/bin/python tests/screenshots_thinking.py OUTDIR
    HEARTH_SHOT_THEME=dark xvfb-run -a .venv/bin/python tests/screenshots_thinking.py OUTDIR
    LANG=zh_CN.UTF-8 xvfb-run -a .venv/bin/python tests/screenshots_thinking.py OUTDIR

A fake Ollama (a qwen3 thinking model) answers over real HTTP; the data dir is a
temporary folder. Files are named ``thinking-<stage>-<theme>-<language>.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, Qt

from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens, thinking_models
from tests.shot_window import open_window, pump, wait_until

THOUGHT_EN = (
    "The person asks why the sky is blue. Sunlight holds every colour; air molecules "
    "are much smaller than the light's wavelength, so Rayleigh scattering applies: "
    "scattering goes as 1/λ⁴.\nBlue light (≈450 nm) scatters about 5.5× more than red "
    "(≈700 nm). Violet scatters even more, but the Sun sends less of it and our eyes are "
    "less sensitive to it.\nSo the answer: short wavelengths are scattered across the "
    "whole sky, and we see blue from every direction. Keep it short and friendly."
)
THOUGHT_ZH = (
    "用户问天空为什么是蓝色的。太阳光包含各种颜色；空气分子比光的波长小得多，"
    "所以适用瑞利散射：散射强度与波长的四次方成反比。\n"
    "蓝光（约 450 纳米）的散射大约是红光（约 700 纳米）的 5.5 倍。紫光散射更强，"
    "但太阳发出的紫光较少，人眼对它也不敏感。\n"
    "所以答案是：短波长的光被散射到整个天空，我们从各个方向都看到蓝色。回答要简短友好。"
)
ANSWER_EN = (
    "The sky is blue because air scatters **short wavelengths** of sunlight much more "
    "than long ones (*Rayleigh scattering*), so blue light reaches your eyes from all "
    "over the sky."
)
ANSWER_ZH = (
    "天空是蓝色的，因为空气对阳光中**短波长**的光散射得多得多（*瑞利散射*），"
    "所以蓝光从天空的各个方向进入你的眼睛。"
)


def main(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-think-shots-")
    theme = os.environ.get("HEARTH_SHOT_THEME", "light")
    chinese = os.environ.get("LANG", "").startswith("zh")
    language = "zh" if chinese else "en"
    thought, answer = (THOUGHT_ZH, ANSWER_ZH) if chinese else (THOUGHT_EN, ANSWER_EN)
    fake = FakeOllama()
    fake.models.extend(thinking_models())
    # Word pieces; Chinese has no spaces, so a few characters at a time, as a model sends.
    pieces = (
        [thought[i : i + 3] for i in range(0, len(thought), 3)]
        if chinese
        else split_tokens(thought)
    )
    fake.chat_scripts = [
        ChatScript(tokens=split_tokens(answer), thinking=pieces, token_delay=0.06),
    ]
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    window = open_window(theme, (1000, 700))
    wait_until(lambda: bool(window.chat.model_picker.model_refs()))
    picker = window.chat.model_picker
    picker.select_ref("qwen3:8b")
    picker.model_chosen.emit(picker.current_ref())
    wait_until(lambda: window.chat.think.support.mode != "none")

    from PySide6.QtTest import QTest

    question = "天空为什么是蓝色的？" if chinese else "Why is the sky blue?"
    window.chat.composer.edit.setPlainText(question)
    QTest.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    wait_until(lambda: len(window.chat.messages.widgets()) == 2)
    reply = window.chat.messages.widgets()[-1]
    wait_until(lambda: len(reply.thinking.text()) > len(thought) * 0.6)
    pump(200)
    name = f"{theme}-{language}"
    window.grab().save(str(out / f"thinking-live-{name}.png"))
    wait_until(lambda: reply.status != "streaming", 20_000)
    pump(400)
    window.grab().save(str(out / f"thinking-folded-{name}.png"))
    reply.thinking.toggle.click()
    pump(300)
    window.grab().save(str(out / f"thinking-open-{name}.png"))
    reply.grab().save(str(out / f"thinking-bubble-{name}.png"))
    window.close()
    fake.stop()
    print(f"thinking screenshots ({QLocale().name()}) written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
