"""Settings of Hearth's place on the desktop: the tray, the language. Declared once here
(no Qt), read by the tray, the Preferences window and start-up."""

from __future__ import annotations

from pathlib import Path

from app.core.settings import Setting, Settings, declare

CLOSE_TO_TRAY = declare(
    Setting("ui/close_to_tray", False, "Closing the window keeps Hearth in the tray")
)
TRAY_HINT_SHOWN = declare(Setting("ui/tray_hint_shown", False, "Told where Hearth went"))
"""Set once the person has been told, the first time the window hid, that Hearth is in
the tray: told once, not at every close."""

LANGUAGES = ("system", "en", "zh_CN", "zh_TW")
LANGUAGE = declare(Setting("ui/language", "system", "Language", choices=LANGUAGES))
"""The language of Hearth's words. Number and money formats keep following the
system's region: a person may read English and still write 1.234,5."""


def stored_language(settings_file: Path) -> str:
    """The language chosen in Preferences, read before anything else starts (the
    translations load first); an unreadable file means "system"."""
    return Settings(settings_file).get(LANGUAGE)
