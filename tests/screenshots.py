"""Take screenshots of the real window for review and for the README.

Run under a virtual display:  xvfb-run -a .venv/bin/python tests/screenshots.py OUTDIR
A fake Ollama answers over real HTTP; the data dir is a temporary folder. It shows
English and Chinese text, a long Markdown reply, light and dark, wide and narrow.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt

from tests.fakes.ollama_server import ChatScript, FakeOllama, markdown_tokens, split_tokens
from tests.shot_window import open_window, pump, wait_until

CHINESE_REPLY = (
    "## 本地模型的优势\n\n"
    "在自己的电脑上运行模型有三个好处：\n\n"
    "1. **隐私**：对话不会离开你的机器。\n"
    "2. **零边际成本**：每次回复只消耗电费。\n"
    "3. **随时可用**：没有网络也能聊天。\n\n"
    "| 项目 | 本地 | 云端 |\n|---|---|---|\n"
    "| 每百万词元 | ¥0.00 | ¥21.60 |\n| 延迟 | 低 | 取决于网络 |\n"
)


def main(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-shots-")
    theme = os.environ.get("HEARTH_SHOT_THEME", "light")
    fake = FakeOllama()
    fake.chat_scripts = [
        ChatScript(tokens=split_tokens(CHINESE_REPLY)),
        ChatScript(tokens=markdown_tokens()),
        # Slow enough to be caught mid-reply: rendered blocks above, the plain tail below.
        ChatScript(
            tokens=split_tokens(CHINESE_REPLY + "\n" + "".join(markdown_tokens())), token_delay=0.02
        ),
    ]
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    window = open_window(theme, (1100, 760))
    wait_until(lambda: bool(window.chat.model_picker.model_refs()))
    if os.environ.get("HEARTH_SHOT_ONLY") == "branches":  # just this one, quickly
        branch_pager(window, fake, out, theme)
        window.close()
        fake.stop()
        return 0

    def send(text: str) -> None:
        count = len(window.chat.messages.widgets())
        window.chat.composer.edit.setPlainText(text)
        window.chat.composer.edit.setFocus()
        from PySide6.QtTest import QTest

        QTest.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
        wait_until(
            lambda: (
                len(window.chat.messages.widgets()) >= count + 2
                and window.chat.messages.widgets()[-1].status != "streaming"
            )
        )

    send("本地模型和云端模型相比有什么优势？请用表格总结。")
    send("Show me a Python example that sums a CSV column, with explanation.")
    pump(300)
    window.grab().save(str(out / f"main-{theme}.png"))
    window.resize(560, 760)
    pump(400)
    window.grab().save(str(out / f"narrow-{theme}.png"))
    window.resize(1100, 760)
    window.chat.composer.edit.setPlainText("再来一次，边写边看。")
    from PySide6.QtTest import QTest

    QTest.keyClick(window.chat.composer.edit, Qt.Key.Key_Return)
    pump(2500)
    window.grab().save(str(out / f"streaming-{theme}.png"))
    wait_until(lambda: window.chat.messages.widgets()[-1].status != "streaming", 20_000)
    from tests.screenshot_markdown import markdown_shots

    markdown_shots(window, fake, out, theme, pump, wait_until)
    long_conversation(window, out, theme)
    branch_pager(window, fake, out, theme)
    window.close()
    fake.stop()
    print(f"screenshots written to {out}")
    return 0


def long_conversation(window, out: Path, theme: str) -> None:  # type: ignore[no-untyped-def]
    """A conversation of 3,000 messages, scrolled up from the latest: the jump button."""
    import sqlite3

    from app.storage import repo

    def fill(conn: sqlite3.Connection) -> int:
        conversation = repo.create_conversation(conn, "长对话 · A long conversation")
        rows = []
        for i in range(1, 3001):
            if i % 2:
                rows.append(("user", f"第 {i} 个问题：本地模型能离线使用吗？ Question {i}"))
            else:
                rows.append(
                    (
                        "assistant",
                        f"### 回答 {i}\n\n可以。模型在你的电脑上运行，**不需要网络**。"
                        f"\n\n- 隐私：对话不离开本机\n- 成本：只有电费\n\nAnswer {i}: yes.",
                    )
                )
        conn.executemany(
            "INSERT INTO messages (conversation_id, role, content, created_at, engine, model,"
            " status, error) VALUES (?, ?, ?, '2026-12-01T10:00:00.000000Z', '', '', 'ok', '')",
            [(conversation.id, role, text) for role, text in rows],
        )
        conn.commit()
        return conversation.id

    conversation_id = window.ctx.writer.call(fill)
    window.conversations.refresh(select=conversation_id)
    window.chat.show_conversation(conversation_id)
    wait_until(lambda: window.chat.messages.message_count() == 3000)
    pump(600)
    bar = window.chat.messages.verticalScrollBar()
    for _ in range(12):  # a person scrolling back a few screens
        bar.setValue(bar.value() - 350)
        pump(40)
    pump(300)
    window.grab().save(str(out / f"long-scrolled-{theme}.png"))
    window.resize(560, 760)
    pump(500)
    window.grab().save(str(out / f"long-narrow-{theme}.png"))
    window.resize(1100, 760)


def branch_pager(window, fake: FakeOllama, out: Path, theme: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: an edited question (◀ 2/2 ▶), its reply regenerated to three versions
    and paged back to the second (◀ 2/3 ▶), and the edit dialog."""
    from PySide6.QtCore import QLocale
    from PySide6.QtTest import QTest

    chinese = QLocale().name().startswith("zh")
    suffix = f"-{QLocale().name()}" if chinese else ""
    question = "用一句话解释什么是量化。" if chinese else "Explain quantization in one sentence."
    answers = (
        [
            "量化把权重存成更少的位数。",
            "它用 4 位近似原来的 16 位权重。",
            "**Q4_K_M**：按块 4 位量化，质量与体积兼顾。",
        ]
        if chinese
        else [
            "Quantization stores weights in fewer bits.",
            "It approximates 16-bit weights with about 4 bits each.",
            "**Q4_K_M**: 4-bit blocks with mixed precision, small and still good.",
        ]
    )
    first = "一个更短的问题？" if chinese else "A shorter question?"
    fake.chat_scripts[:] = [ChatScript(tokens=split_tokens(t)) for t in ["…", *answers]]
    chat = window.chat
    window.new_conversation()
    pump(200)

    def settled(count: int) -> bool:
        shown = chat.messages.widgets()
        return len(shown) == count and all(w.status != "streaming" for w in shown)

    chat.composer.edit.setPlainText(first)
    QTest.keyClick(chat.composer.edit, Qt.Key.Key_Return)
    wait_until(lambda: settled(2))
    dialog = chat.branches.edit(chat.messages.widgets()[0].message_id, first)
    dialog.edit.setPlainText(question)
    pump(300)
    dialog.grab().save(str(out / f"edit-dialog-{theme}{suffix}.png"))
    dialog.submit()
    wait_until(lambda: settled(2) and chat.messages.widgets()[-1].text == answers[0])
    for answer in answers[1:]:
        chat.messages.widgets()[-1]._regenerate.click()
        wait_until(lambda answer=answer: settled(2) and chat.messages.widgets()[-1].text == answer)
    wait_until(lambda: chat.branches.pager(chat.messages.widgets()[-1].message_id) is not None)
    pager = chat.branches.pager(chat.messages.widgets()[-1].message_id)
    pager.previous.click()
    wait_until(lambda: chat.messages.widgets()[-1].text == answers[1])
    pump(600)
    window.grab().save(str(out / f"branches-{theme}{suffix}.png"))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
