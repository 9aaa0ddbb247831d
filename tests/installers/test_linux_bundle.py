"""The portable Linux bundle, run as a person would run it: no Python packages, no venv.

See conftest.py for where the bundle comes from and the clean environment it runs in.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.installers.conftest import ROOT, Artifacts, Bundle, clean_env, run_bundle

CHINESE_REPLY = (
    "你好！我是运行在你电脑上的本地模型。\n\n"
    "| 项目 | 本地 | 云端 |\n|---|---|---|\n| 每百万词元 | ¥0.00 | ¥21.60 |\n\n"
    "繁體字也可以：「謝謝」。"
)
MESSAGE = "你好，请用一句话介绍你自己。"


def test_version_is_the_projects(bundle: Bundle, artifacts: Artifacts, home: Path) -> None:
    result = run_bundle(bundle.executable, "--version", env=clean_env(home), cwd=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Hearth {artifacts.version}"


def test_doctor_talks_to_ollama_from_the_bundles_own_python(bundle: Bundle, home: Path) -> None:
    data = home / "data"
    with FakeOllama() as fake:
        env = clean_env(home, HEARTH_DATA_DIR=str(data), OLLAMA_HOST=fake.url)
        result = run_bundle(bundle.executable, "doctor", env=env, cwd=home)
        assert fake.requests_to("/api/version"), "doctor never reached the server"
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    assert f"Data folder: {data}" in out
    assert "Ollama: running, version 0.12.6" in out
    assert "llama3.2:latest" in out
    assert "gemma3:4b" in out
    # The interpreter is the bundle's: sys.executable is the frozen `hearth`.
    assert f"({bundle.executable})" in out


def test_doctor_without_ollama_says_so_plainly(bundle: Bundle, home: Path, dead_url: str) -> None:
    env = clean_env(home, HEARTH_DATA_DIR=str(home / "data"), OLLAMA_HOST=dead_url)
    result = run_bundle(bundle.executable, "doctor", env=env, cwd=home)
    assert "Traceback" not in result.stdout + result.stderr
    assert "Ollama" in result.stdout


def test_data_goes_to_the_platform_data_dir_by_default(bundle: Bundle, home: Path) -> None:
    result = run_bundle(bundle.executable, "doctor", env=clean_env(home), cwd=home)
    assert f"Data folder: {home / '.local' / 'share' / 'Hearth'}" in result.stdout, result.stdout
    assert (home / ".local" / "share" / "Hearth").is_dir()


def test_bad_input_is_a_message_not_a_traceback(bundle: Bundle, home: Path) -> None:
    env = clean_env(home, HEARTH_DATA_DIR=str(home / "data"))
    result = run_bundle(bundle.executable, "report", "--month", "2026-13", env=env, cwd=home)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "hearth" in result.stderr


def test_smoke_test_refuses_the_persons_real_data_dir(bundle: Bundle, home: Path) -> None:
    result = run_bundle(bundle.executable, "--smoke-test", env=clean_env(home), cwd=home)
    assert result.returncode == 2
    assert "HEARTH_DATA_DIR" in result.stderr
    assert not (home / ".local" / "share" / "Hearth" / "hearth.sqlite3").exists()


FILE_MENU = {"zh_CN.UTF-8": "文件(&F)", "zh_TW.UTF-8": "檔案(&F)", "en_US.UTF-8": "&File"}


@pytest.mark.parametrize("lang", list(FILE_MENU))
def test_real_window_opens_and_the_reply_is_stored(
    bundle: Bundle, home: Path, tmp_path: Path, lang: str
) -> None:
    """The frozen app's own start-up, its real main window (offscreen), a message typed
    into the composer with Enter, the reply streamed from Ollama over HTTP and stored."""
    data = home / "data"
    shot = tmp_path / "window.png"
    with FakeOllama() as fake:
        fake.chat_scripts = [ChatScript(tokens=split_tokens(CHINESE_REPLY), token_delay=0.002)]
        env = clean_env(
            home,
            HEARTH_DATA_DIR=str(data),
            OLLAMA_HOST=fake.url,
            QT_QPA_PLATFORM="offscreen",
            LANG=lang,
        )
        started = time.time()
        result = run_bundle(
            bundle.executable,
            "--smoke-test",
            "--message",
            MESSAGE,
            "--screenshot",
            str(shot),
            env=env,
            cwd=home,
        )
        chats = fake.requests_to("/api/chat")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"], report
    assert report["platform"] == "offscreen"
    assert report["title"] == "Hearth"
    # The bundled translation for the desktop's language is loaded, every menu of it.
    assert report["menus"][0] == FILE_MENU[lang], report["menus"]
    chinese_menus = [m for m in report["menus"] if re.search(r"[\u4e00-\u9fff]", m)]
    expected = len(report["menus"]) if lang.startswith("zh") else 0
    assert len(chinese_menus) == expected, report["menus"]
    print(f"bundle start-up ({lang}): {report['shown_at'] - started:.2f} s to the window shown")

    # What the server was sent: the typed message, as the last user turn.
    assert len(chats) == 1
    sent = chats[0].body["messages"]
    assert sent[-1] == {"role": "user", "content": MESSAGE}

    # What is stored, read back from the SQLite file the app wrote.
    with sqlite3.connect(data / "hearth.sqlite3") as conn:
        rows = conn.execute(
            "SELECT role, content, status, model FROM messages ORDER BY id"
        ).fetchall()
        titles = [r[0] for r in conn.execute("SELECT title FROM conversations")]
    assert rows == [
        ("user", MESSAGE, "ok", rows[0][3]),
        ("assistant", CHINESE_REPLY, "ok", "llama3.2:latest"),
    ]
    assert len(titles) == 1
    assert (data / "logs" / "hearth.log").is_file()

    # A picture of the window exists and is not blank (the look itself is checked by eye:
    # README, "Installing Hearth").
    assert shot.stat().st_size > 20_000


def test_real_x11_window_under_xvfb(bundle: Bundle, home: Path, tmp_path: Path) -> None:
    """Offscreen never loads the X11 plugin: on a virtual X server the bundle's xcb
    platform plugin (and the system libraries it needs, the .deb's Depends) must work."""
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run is not None, "apt-get install xvfb xauth (tests/run_all.py does)"
    data = home / "data"
    shot = tmp_path / "x11.png"
    with FakeOllama() as fake:
        fake.chat_scripts = [ChatScript(tokens=split_tokens(CHINESE_REPLY))]
        env = clean_env(home, HEARTH_DATA_DIR=str(data), OLLAMA_HOST=fake.url, LANG="zh_CN.UTF-8")
        command = [xvfb_run, "-a", "-s", "-screen 0 1280x800x24", str(bundle.executable)]
        result = subprocess.run(
            [*command, "--smoke-test", "--message", MESSAGE, "--screenshot", str(shot)],
            env=env,
            cwd=home,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    assert report["menus"][0] == FILE_MENU["zh_CN.UTF-8"]
    assert "Could not load the Qt platform plugin" not in result.stderr
    with sqlite3.connect(data / "hearth.sqlite3") as conn:
        stored = conn.execute("SELECT content FROM messages WHERE role = 'assistant'").fetchall()
    assert stored == [(CHINESE_REPLY,)]
    assert shot.stat().st_size > 20_000


def test_hearth_ask_streams_and_stores_the_reply(bundle: Bundle, home: Path) -> None:
    """The command line's chat turn, from the bundle: the same conversation layer and
    database as the window."""
    data = home / "data"
    with FakeOllama() as fake:
        fake.chat_scripts = [ChatScript(tokens=split_tokens(CHINESE_REPLY))]
        env = clean_env(home, HEARTH_DATA_DIR=str(data), OLLAMA_HOST=fake.url, LANG="zh_CN.UTF-8")
        result = run_bundle(bundle.executable, "ask", MESSAGE, env=env, cwd=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert CHINESE_REPLY in result.stdout
    with sqlite3.connect(data / "hearth.sqlite3") as conn:
        rows = conn.execute("SELECT role, content, status FROM messages ORDER BY id").fetchall()
    assert rows == [("user", MESSAGE, "ok"), ("assistant", CHINESE_REPLY, "ok")]


def test_fcitx_users_get_the_bundled_ibus_input_method(bundle: Bundle, home: Path) -> None:
    """The system's Fcitx plugin cannot load into the bundled Qt; Fcitx 5 answers IBus."""
    with FakeOllama() as fake:
        env = clean_env(
            home,
            HEARTH_DATA_DIR=str(home / "data"),
            OLLAMA_HOST=fake.url,
            QT_QPA_PLATFORM="offscreen",
            QT_IM_MODULE="fcitx",
        )
        result = run_bundle(bundle.executable, "--smoke-test", env=env, cwd=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["im_module"] == "ibus"


def test_translations_and_resources_are_the_checkouts(bundle: Bundle) -> None:
    """Everything the app reads from resources/ at run time is in the bundle, byte for
    byte: translations (.qm), the model catalog and any other JSON table."""
    wanted = [
        p
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and (p.suffix in {".json", ".qm", ".svg"})
    ]
    assert any(p.suffix == ".qm" for p in wanted) and any(p.name == "catalog.json" for p in wanted)
    for source in wanted:
        bundled = bundle.internal / "resources" / source.relative_to(ROOT / "resources")
        assert bundled.is_file(), f"{bundled} missing"
        assert _sha(bundled) == _sha(source), f"{bundled} differs from the checkout"
    # Developer-only files stay out.
    assert not list((bundle.internal / "resources").rglob("*.ts"))
    assert not (bundle.internal / "resources" / "screenshots").exists()


def test_bundled_packages_are_what_pyproject_pins(bundle: Bundle) -> None:
    """The Python and PySide6 inside are the bundle's own, and satisfy pyproject's pins for
    that Python (no PySide6 6.12 on CPython 3.11, which leaks refs until it aborts)."""
    libpython = sorted(bundle.internal.glob("libpython3.*.so*"))
    assert libpython, "the bundle carries no Python"
    minor = re.match(r"libpython(3\.\d+)", libpython[0].name)
    assert minor is not None
    python_version = minor.group(1)
    bundled = {}
    for info in bundle.internal.glob("*.dist-info"):
        name, _, version = info.name.removesuffix(".dist-info").rpartition("-")
        bundled[name.lower().replace("_", "-")] = Version(version)
    with (ROOT / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    checked = 0
    for line in dependencies:
        requirement = Requirement(line)
        marker_env = {"python_version": python_version, "python_full_version": python_version}
        if requirement.marker and not requirement.marker.evaluate(marker_env):
            continue
        name = requirement.name.lower().replace("_", "-")
        assert name in bundled, f"{name} is not in the bundle"
        assert requirement.specifier.contains(bundled[name], prereleases=True), (
            f"bundled {name} {bundled[name]} does not satisfy {requirement}"
        )
        checked += 1
    assert checked >= 10
    assert (bundle.internal / "PySide6" / "Qt" / "lib" / "libQt6Widgets.so.6").is_file()


OPTIONAL_PLUGINS = ("sqldrivers", "wayland", "egldeviceintegrations")


def test_every_library_the_bundle_loads_resolves(bundle: Bundle) -> None:
    """On this machine (the Depends of the .deb installed) nothing the bundle links to is
    missing, except plugins for things Hearth does not use."""
    missing = {}
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(bundle.internal)}
    for path in bundle.root.rglob("*.so*"):
        relative = path.relative_to(bundle.root)
        if path.is_symlink() or any(p.startswith(OPTIONAL_PLUGINS) for p in relative.parts):
            continue
        out = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        ).stdout
        gone = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if gone:
            missing[str(relative)] = gone
    assert not missing


def test_no_link_in_the_bundle_dangles(bundle: Bundle) -> None:
    dangling = [p for p in bundle.root.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


def test_the_dropped_plugins_took_their_libraries_with_them(bundle: Bundle) -> None:
    """The GTK theme and virtual keyboard plugins (and the GTK and Qt Quick stacks only
    they need) are left out; the input-method plugins Chinese is typed through stay."""
    names = {p.name for p in bundle.root.rglob("*.so*")}
    assert not {n for n in names if n.startswith(("libgtk-3", "libqgtk3", "libQt6Quick"))}
    assert "libibusplatforminputcontextplugin.so" in names
    assert "libcomposeplatforminputcontextplugin.so" in names
    assert "libqxcb.so" in names
    # The C++ runtime is the system's (a bundled older one would break newer GL drivers).
    assert not {n for n in names if n.startswith(("libstdc++", "libgcc_s"))}
    assert "libqwayland.so" in names or "libqwayland-generic.so" in names


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bundle_size_is_recorded(bundle: Bundle, artifacts: Artifacts) -> None:
    """Not a budget: prints the figures the README's install section records."""
    unpacked = sum(p.lstat().st_size for p in bundle.root.rglob("*") if not p.is_symlink())
    print(
        f"bundle: tar.gz {artifacts.tarball.stat().st_size / 1e6:.0f} MB, "
        f".deb {artifacts.deb.stat().st_size / 1e6:.0f} MB, unpacked {unpacked / 1e6:.0f} MB"
    )
    assert unpacked > 50e6  # a bundle without Qt in it would be far smaller
    assert os.access(bundle.executable, os.X_OK)
