"""The Preferences window's pages. Each shows settings through the generic editors
(``editors.py``) or opens the editor Hearth already has for them (API keys and prices,
Savings settings, the model library) — never a second copy of one.

A page lists ``fields`` (setting, editor); the dialog reads, checks and applies them all
together on OK/Apply. ``applied`` runs after a change was stored, for what has to happen
at once (the theme) or be looked at again (local servers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.chat.system_prompt import DEFAULT_SYSTEM_PROMPT
from app.core.desktop import CLOSE_TO_TRAY, LANGUAGE
from app.core.i18n import translate
from app.core.settings import LOCAL_ONLY, Setting
from app.engines.addresses import EXTRA_ADDRESSES
from app.library.sources import DOWNLOAD_SOURCE, source_label
from app.ui.chat.system_prompt_dialog import DefaultPromptEditor
from app.ui.context import AppContext
from app.ui.preferences.editors import ChoiceLabel, Editor, make_editor
from app.ui.theme import THEME, apply_theme

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

MULTILINE_KEYS: frozenset[str] = frozenset({EXTRA_ADDRESSES.key})


@dataclass
class Environment:
    """What the pages act on; passed in, no global lookup."""

    ctx: AppContext
    window: MainWindow
    tray_available: bool


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)  # the palette's quieter text
    return label


class Page(QWidget):
    key = ""

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName(f"prefs_page_{self.key}")
        self.fields: list[tuple[Setting[Any], Editor]] = []
        self.shown: dict[str, object] = {}
        """Each setting's value as this page showed it: only what the person changed
        here is applied, so a change made meanwhile elsewhere (the Tools menu's
        local-only check) is not undone by a page opened before it."""
        self.form = QFormLayout()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def title(self) -> str:
        raise NotImplementedError

    def add(
        self, setting: Setting[Any], choice_label: ChoiceLabel | None = None, *, row: bool = True
    ) -> Editor:
        value = self.env.ctx.settings.get(setting)
        self.shown[setting.key] = value
        editor = make_editor(
            setting,
            value,
            multiline=setting.key in MULTILINE_KEYS,
            choice_label=choice_label,
        )
        self.fields.append((setting, editor))
        if isinstance(setting.default, bool):
            self.form.addRow(editor)  # a checkbox carries its own label
        elif row:
            self.form.addRow(translate("Settings", setting.label), editor)
        return editor

    def button(self, text: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.form.addRow(button)
        return button

    def trigger(self, action_name: str) -> None:
        """Open an editor a feature added to the window's menus."""
        action = self.env.window.findChild(QAction, action_name)
        if action is not None:
            action.trigger()

    def problems(self) -> list[str]:
        """What an embedded editor (one not made from ``fields``) refuses, checked with
        the fields before anything is stored."""
        return []

    def store(self) -> set[str]:
        """Store an embedded editor's change; the keys changed."""
        return set()

    def applied(self, changed: set[str]) -> str:
        """After a change was stored; returns a word for the person, or ""."""
        return ""

    def finish(self) -> None:
        self.layout_.addStretch(1)


class GeneralPage(Page):
    key = "general"

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        system = self.tr("Same as the system")
        # Each language named in itself, so a person who cannot read the current one
        # still finds theirs.
        languages = {"system": system, "en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
        self.add(LANGUAGE, lambda choice: languages.get(str(choice), str(choice)))
        self.form.addRow(_note(self.tr("A new language shows the next time Hearth starts.")))
        themes = {"system": system, "light": self.tr("Light"), "dark": self.tr("Dark")}
        self.add(THEME, lambda choice: themes.get(str(choice), str(choice)))
        tray = self.add(CLOSE_TO_TRAY)
        if not env.tray_available:
            tray.setEnabled(False)
            self.form.addRow(
                _note(
                    self.tr(
                        "This desktop shows no tray icons, so closing the window always "
                        "quits Hearth (nothing would bring a hidden window back)."
                    )
                )
            )
        self.finish()

    def title(self) -> str:
        return self.tr("General")

    def applied(self, changed: set[str]) -> str:
        if THEME.key in changed:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, self.env.ctx.settings.get(THEME))
        if LANGUAGE.key in changed:
            return self.tr("Restart Hearth to see the new language.")
        return ""


class ChatPage(Page):
    """The default system prompt, in the editor the chat feature made to be embedded."""

    key = "chat"

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)

        self.setting = DEFAULT_SYSTEM_PROMPT
        self.prompt = DefaultPromptEditor(env.ctx.settings, self)
        self.shown[self.setting.key] = self.prompt.value()
        heading = QLabel(translate("Settings", self.setting.label))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.layout_.addWidget(heading)
        self.layout_.addWidget(self.prompt, 1)

    def title(self) -> str:
        return self.tr("Chat")

    def _changed(self) -> bool:
        return self.prompt.value() != self.shown[self.setting.key]

    def problems(self) -> list[str]:
        problem = self.setting.validate(self.prompt.value()) if self.setting.validate else None
        if not self._changed() or not problem:
            return []
        return [
            translate("Settings", "“{label}”: {problem}").format(
                label=translate("Settings", self.setting.label), problem=problem
            )
        ]

    def store(self) -> set[str]:
        if not self._changed():
            return set()
        self.prompt.apply()  # checked in problems() already
        self.shown[self.setting.key] = self.prompt.value()
        return {self.setting.key}


class PrivacyPage(Page):
    key = "privacy"

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.add(LOCAL_ONLY)
        self.form.addRow(
            _note(
                self.tr(
                    "Cloud providers are used only when you send a conversation there; "
                    "their keys stay in the system keyring."
                )
            )
        )
        self.button(
            self.tr("API keys and prices…"),
            lambda: self.trigger("action_api_keys"),
            "prefs_open_keys",
        )
        self.finish()

    def title(self) -> str:
        return self.tr("Privacy and cloud")


class EnginesPage(Page):
    key = "engines"

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        ollama = QLabel(env.ctx.ollama_host)
        ollama.setObjectName("prefs_ollama_host")
        ollama.setToolTip(self.tr("Set by the OLLAMA_HOST environment variable."))
        self.form.addRow(self.tr("Ollama address"), ollama)
        self.add(EXTRA_ADDRESSES)
        self.form.addRow(
            _note(
                self.tr(
                    "LM Studio, llama.cpp, Jan, vLLM and text-generation-webui are found at "
                    "their usual addresses by themselves; add a server here when it runs "
                    "elsewhere, e.g. http://127.0.0.1:8081/v1."
                )
            )
        )
        self.finish()

    def title(self) -> str:
        return self.tr("Local engines")

    def applied(self, changed: set[str]) -> str:
        if EXTRA_ADDRESSES.key in changed:
            self.env.window.check_ollama()  # the new servers' models appear in the picker
        return ""


class ModelsPage(Page):
    key = "models"

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.add(DOWNLOAD_SOURCE, lambda choice: source_label(str(choice)))
        self.button(
            self.tr("Model library…"),
            lambda: self.trigger("action_model_library"),
            "prefs_open_library",
        )
        self.finish()

    def title(self) -> str:
        return self.tr("Models")

    def applied(self, changed: set[str]) -> str:
        if DOWNLOAD_SOURCE.key in changed:
            # The library, if open, shows the source it was opened with: follow along.
            feature = self.env.window.features.get("app.ui.library")
            dialog = getattr(feature, "dialog", None)
            if dialog is not None:
                dialog.catalog_view.set_source(self.env.ctx.settings.get(DOWNLOAD_SOURCE))
        return ""


class SavingsPage(Page):
    key = "savings"

    def __init__(self, env: Environment, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.form.addRow(
            _note(
                self.tr(
                    "Currency, exchange rate, electricity price, hardware cost and the "
                    "cloud model your savings are measured against."
                )
            )
        )
        self.button(
            self.tr("Savings settings…"),
            lambda: self.trigger("action_savings_settings"),
            "prefs_open_savings",
        )
        self.finish()

    def title(self) -> str:
        return self.tr("Savings")


def build_pages(env: Environment) -> list[Page]:
    return [
        GeneralPage(env),
        ChatPage(env),
        PrivacyPage(env),
        EnginesPage(env),
        ModelsPage(env),
        SavingsPage(env),
    ]
