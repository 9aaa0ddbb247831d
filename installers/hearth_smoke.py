"""`hearth --smoke-test`: the built bundle opens its real window and stores a reply.

It runs the app's own start-up (app.ui.bootstrap.main: logging, translations, settings,
the database writer, the main window), then, once the window is shown, types a message
into the composer and presses Enter, exactly as a person would, and waits until the
reply is stored in the database. The test around it (tests/installers/) starts a fake
Ollama, reads the database itself and checks the reply is the one the server sent.

Only for a throwaway data dir: it refuses to run unless HEARTH_DATA_DIR is set, so it
can never write a test conversation into someone's real history.

Prints one JSON line on stdout: when the window was shown (time.time(), for start-up
timing by the caller), its title and size, and the stored reply's status.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

POLL_MS = 100
RESEND_AFTER_S = 3.0


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hearth --smoke-test")
    parser.add_argument("--message", default="你好，请用一句话介绍你自己。")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--screenshot", type=Path, default=None)
    parser.add_argument("--keep-open", type=float, default=0.0, help="seconds after the reply")
    return parser.parse_args(list(argv))


def stored_reply(database: Path) -> tuple[str, str] | None:
    """The newest finished assistant message (content, status), read as an outsider."""
    if not database.exists():
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute(
                "SELECT content, status FROM messages WHERE role = 'assistant'"
                " AND status != 'streaming' ORDER BY id DESC LIMIT 1"
            ).fetchone()
    except sqlite3.Error:
        return None  # not created or not migrated yet
    return (str(row[0]), str(row[1])) if row else None


def user_message_stored(database: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT 1 FROM messages WHERE role = 'user'").fetchone() is not None
    except sqlite3.Error:
        return False


class Driver:
    """Drives the shown window from the GUI thread, one timer tick at a time."""

    def __init__(self, window: Any, args: argparse.Namespace, database: Path) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.args = args
        self.database = database
        self.started = time.monotonic()
        self.shown_at = time.time()
        self.sent_at: float | None = None
        self.result: dict[str, Any] = {"shown_at": self.shown_at, "ok": False}
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.tick)
        self.timer.start(POLL_MS)

    def composer(self) -> Any:
        from PySide6.QtWidgets import QPlainTextEdit

        return self.window.findChild(QPlainTextEdit, "composer")

    def models_listed(self) -> bool:
        from PySide6.QtWidgets import QComboBox

        picker = self.window.findChild(QComboBox, "model_picker")
        return picker is None or picker.count() > 0

    def tick(self) -> None:
        if time.monotonic() - self.started > self.args.timeout:
            self.finish(f"no reply stored within {self.args.timeout:.0f} s")
            return
        reply = stored_reply(self.database)
        if reply is not None:
            self.result.update(reply_status=reply[1], reply_chars=len(reply[0]))
            self.finish(None if reply[1] == "ok" else f"reply stored as {reply[1]!r}")
            return
        edit = self.composer()
        if edit is None or not edit.isEnabled() or not self.models_listed():
            return
        now = time.monotonic()
        if self.sent_at is None:
            self.type_and_send(edit, self.args.message)
        elif now - self.sent_at > RESEND_AFTER_S and not user_message_stored(self.database):
            # Enter pressed before the conversation was ready: the text is still in the
            # box (it leaves only once stored), so press Enter again.
            self.type_and_send(edit, "" if edit.toPlainText().strip() else self.args.message)

    def type_and_send(self, edit: Any, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        edit.setFocus()
        if text:
            # Chinese arrives from an input method as a committed string, not key presses.
            typed = QInputMethodEvent()
            typed.setCommitString(text)
            QApplication.sendEvent(edit, typed)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        self.sent_at = time.monotonic()

    def finish(self, error: str | None) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        self.timer.stop()
        self.result.update(
            ok=error is None,
            error=error,
            title=self.window.windowTitle(),
            # The menu titles show which translation the bundle loaded.
            menus=[a.text() for a in self.window.menuBar().actions()],
            size=[self.window.width(), self.window.height()],
            platform=QApplication.platformName(),
            im_module=os.environ.get("QT_IM_MODULE", ""),
            seconds=round(time.monotonic() - self.started, 2),
        )

        def close() -> None:
            if self.args.screenshot is not None:
                self.window.grab().save(str(self.args.screenshot))
            print(json.dumps(self.result, ensure_ascii=False), flush=True)
            QApplication.exit(0 if error is None else 1)

        # A picture a moment after the reply is stored, once the view has laid it out.
        settle = max(self.args.keep_open, 1.0 if self.args.screenshot else 0.0)
        QTimer.singleShot(int(settle * 1000), close)


def main(argv: Sequence[str]) -> int:
    args = _parse(argv)
    if not os.environ.get("HEARTH_DATA_DIR"):
        print("hearth --smoke-test: set HEARTH_DATA_DIR to a throwaway folder", file=sys.stderr)
        return 2
    from app.core import paths
    from app.ui import bootstrap, main_window

    drivers: list[Driver] = []
    original_show = main_window.MainWindow.show

    def show_and_drive(window: Any) -> None:
        original_show(window)
        if not drivers:
            drivers.append(Driver(window, args, paths.database_path()))

    # The one seam: the start-up code shows the main window; the drive starts there.
    main_window.MainWindow.show = show_and_drive  # type: ignore[method-assign]
    code = bootstrap.main([])
    if not drivers:
        print(json.dumps({"ok": False, "error": "the main window was never shown"}))
        return 1
    return code if drivers[0].result["ok"] else max(code, 1)
