"""The zh_CN and zh_TW catalogues: complete, faithful to their placeholders, in step with
the code, compiled, and found by Hearth at start-up."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from app.core import paths

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
LOCALES = ("zh_CN", "zh_TW")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d")


def messages(locale: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(FOLDER / f"hearth_{locale}.ts").getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_is_translated_keeping_its_placeholders(locale: str) -> None:
    found = messages(locale)
    assert len(found) > 500
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        if re.search(r"&\w", source):  # a menu accelerator stays reachable from the keyboard
            assert re.search(r"&\w", text), source


def test_the_catalogues_hold_exactly_the_strings_the_code_shows(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("update", FOLDER / "update.py")
    assert spec is not None and spec.loader is not None
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    labels = tmp_path / "setting_labels.py"
    update.write_setting_labels(labels, update.setting_labels())
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (update.ROOT / "app").rglob("*.py"))
    lupdate = str(Path(sys.executable).with_name("pyside6-lupdate"))
    subprocess.run(
        [lupdate, "-locations", "none", *sources, str(labels), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    for locale in LOCALES:
        have = {(context, source) for context, source, _m in messages(locale)}
        assert wanted - have == set(), "run resources/translations/update.py and translate"
        assert have - wanted == set(), "run resources/translations/update.py"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_is_current(locale: str, tmp_path: Path) -> None:
    lrelease = str(Path(sys.executable).with_name("pyside6-lrelease"))
    fresh = tmp_path / f"hearth_{locale}.qm"
    subprocess.run(
        [lrelease, str(FOLDER / f"hearth_{locale}.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (FOLDER / f"hearth_{locale}.qm").read_bytes()


@pytest.mark.parametrize(
    ("locale", "context", "source", "expected"),
    [
        ("zh_CN", "ChatPanel", "New conversation", "新对话"),
        ("zh_TW", "ChatPanel", "New conversation", "新對話"),
        ("zh_CN", "Settings", "Electricity price per kWh", "每千瓦时电价"),
        (
            "zh_CN",
            "EngineErrors",
            "Rate limited. Try again in {seconds} s.",
            "请求受限。请在 {seconds} 秒后重试。",
        ),
    ],
)
def test_hearth_finds_and_loads_the_catalogue(
    qapp: object, locale: str, context: str, source: str, expected: str
) -> None:
    folder = paths.translations_dir()
    assert folder is not None
    translator = QTranslator()
    assert translator.load(f"hearth_{locale}", str(folder))
    assert translator.translate(context, source) == expected
