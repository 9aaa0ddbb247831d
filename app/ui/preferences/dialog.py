"""Preferences: every setting in one window, a page per subject.

Changes apply on OK or Apply, all together, and only when every value is acceptable:
a refused value is named with the reason, its page is shown, and nothing is changed.
Only what the person changed in this window is applied. Cancel leaves everything as it
was. The editors a page opens (API keys and prices,
Savings settings, the model library) are their own windows and keep their own OK, as
when opened from the menus.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import Setting, SettingError
from app.ui.preferences.editors import read_value
from app.ui.preferences.pages import Environment, Page, build_pages


class PreferencesDialog(QDialog):
    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.resize(640, 420)
        self._env = env
        self.pages: list[Page] = build_pages(env)
        self.nav = QListWidget(self)
        self.nav.setObjectName("prefs_nav")
        self.nav.setMaximumWidth(180)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.nav.addItem(page.title())
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        self.message = QLabel(self)
        self.message.setObjectName("prefs_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.setObjectName("prefs_buttons")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.clicked.connect(self.apply)
        self.buttons = buttons

        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def show_page(self, key: str) -> None:
        for row, page in enumerate(self.pages):
            if page.key == key:
                self.nav.setCurrentRow(row)

    def _ok(self) -> None:
        if self.apply():
            self.accept()

    def apply(self) -> bool:
        """Check every value, then store them all; False (and why) when one is refused."""
        values: list[tuple[Page, Setting[Any], object]] = []
        problems: list[str] = []
        first_bad: Page | None = None
        for page in self.pages:
            for setting, editor in page.fields:
                if not editor.isEnabled():
                    continue  # shown for information (no tray here): not the person's choice
                try:
                    values.append((page, setting, read_value(setting, editor)))
                except SettingError as exc:
                    problems.append(exc.message)
                    first_bad = first_bad or page
        for page in self.pages:
            refused = page.problems()
            problems += refused
            if refused:
                first_bad = first_bad or page
        if problems:
            self.message.setText("\n".join(problems))
            if first_bad is not None:
                self.show_page(first_bad.key)
            return False
        settings = self._env.ctx.settings
        changed: set[str] = set()
        for page, setting, value in values:
            if value != page.shown.get(setting.key) and settings.get(setting) != value:
                settings.set(setting, value)
                changed.add(setting.key)
            page.shown[setting.key] = value
        for page in self.pages:
            changed |= page.store()
        if changed:
            # A failure to write reaches the person through the window's reporter (the
            # status bar), which outlives this dialog.
            self._env.ctx.tasks.run(settings.save)
        for key in sorted(changed):
            self._env.ctx.events.settings_changed.emit(key)
        notes = [note for page in self.pages if (note := page.applied(changed))]
        self.message.setText("\n".join(notes))
        return True
