"""The .deb: what it declares, what it holds, and a real install and purge with dpkg.

The install goes into a private dpkg root (``dpkg --root``), so the machine running the
tests is not touched, but it is dpkg itself unpacking, registering and removing files.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.fakes.ollama_server import FakeOllama
from tests.installers.conftest import ROOT, Artifacts, Bundle, clean_env, run_bundle


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def contents(deb: Path) -> dict[str, str]:
    """path → the `dpkg-deb -c` line (mode, owner, size, date, path[, -> target])."""
    listing = {}
    for line in dpkg_deb("-c", str(deb)).splitlines():
        fields = line.split(maxsplit=5)
        path = fields[5].split(" -> ")[0].removeprefix(".")
        listing[path.rstrip("/") or "/"] = line
    return listing


def test_control_fields(artifacts: Artifacts) -> None:
    fields = {
        key: dpkg_deb("-f", str(artifacts.deb), key).strip()
        for key in ("Package", "Version", "Architecture", "Depends", "Installed-Size")
    }
    assert fields["Package"] == "hearth"
    assert fields["Version"] == artifacts.version
    assert fields["Architecture"] == "amd64"
    depends = {d.strip() for d in fields["Depends"].split(",")}
    # The bundle carries Python and Qt; what it needs from the system are the libraries
    # that must match the machine (libc, the GL/EGL drivers, the X connection).
    assert {"libc6", "libstdc++6", "libgcc-s1", "libegl1", "libxcb1"} <= depends
    assert not {d for d in depends if d.startswith(("python3", "libqt6", "libpython"))}
    assert int(fields["Installed-Size"]) > 50_000  # KiB


def test_no_maintainer_scripts_can_touch_the_persons_data(artifacts: Artifacts) -> None:
    info = dpkg_deb("-I", str(artifacts.deb))
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert f" {script} " not in info, f"unexpected {script}:\n{info}"


def test_files_are_where_a_debian_system_looks(artifacts: Artifacts) -> None:
    listing = contents(artifacts.deb)
    assert "/usr/lib/hearth/hearth" in listing
    assert listing["/usr/lib/hearth/hearth"].startswith("-rwxr-xr-x root/root")
    assert listing["/usr/bin/hearth"].endswith("-> ../lib/hearth/hearth")
    assert "/usr/share/applications/hearth.desktop" in listing
    assert "/usr/share/icons/hicolor/scalable/apps/hearth.svg" in listing
    assert "/usr/share/doc/hearth/copyright" in listing
    internal = "/usr/lib/hearth/_internal"
    for name in ("hearth_zh_CN.qm", "hearth_zh_TW.qm"):
        assert f"{internal}/resources/translations/{name}" in listing
    assert f"{internal}/resources/catalog.json" in listing
    assert not [p for p in listing if "/home/" in p or p.startswith("/root")]
    owners = {line.split()[1] for line in listing.values()}
    assert owners == {"root/root"}


@pytest.fixture
def unpacked_deb(artifacts: Artifacts, tmp_path: Path) -> Path:
    where = tmp_path / "x"
    subprocess.run(["dpkg-deb", "-x", str(artifacts.deb), str(where)], check=True)
    return where


def test_desktop_entry_names_the_app_in_chinese(unpacked_deb: Path) -> None:
    path = unpacked_deb / "usr/share/applications/hearth.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "hearth"
    assert section["Icon"] == "hearth"
    assert section["Name"] == "Hearth"
    assert "本地" in section["Name[zh_CN]"] and "本地" in section["Name[zh_TW]"]
    assert "与" in section["Comment[zh_CN]"] and "與" in section["Comment[zh_TW]"]
    validator = shutil.which("desktop-file-validate")  # desktop-file-utils (tests/run_all.py)
    assert validator is not None, "apt-get install desktop-file-utils"
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_run_and_purge_leave_the_persons_data(artifacts: Artifacts, tmp_path: Path) -> None:
    root = tmp_path / "root"
    admin = root / "var/lib/dpkg"
    (admin / "info").mkdir(parents=True)
    (admin / "updates").mkdir()
    (admin / "status").touch()
    (admin / "available").touch()
    # dpkg wants root even for a private root: a CI that is not root uses fakeroot.
    as_root = [] if os.geteuid() == 0 else [shutil.which("fakeroot") or "fakeroot"]
    dpkg = [*as_root, "dpkg", f"--root={root}", "--force-depends", "--log=/dev/null"]
    # No system packages in this root, hence --force-depends; that is all it overrides.
    subprocess.run([*dpkg, "--install", str(artifacts.deb)], check=True, capture_output=True)
    status = subprocess.run(
        [*dpkg, "--status", "hearth"], capture_output=True, text=True, check=True
    ).stdout
    assert "Status: install ok installed" in status

    # The command on PATH is the link dpkg installed; it runs, and keeps data where told.
    command = root / "usr/bin/hearth"
    assert command.is_symlink() and command.resolve() == (root / "usr/lib/hearth/hearth")
    home = tmp_path / "home"
    data = home / ".local/share/Hearth"
    with FakeOllama() as fake:
        result = run_bundle(command, "doctor", env=clean_env(home, OLLAMA_HOST=fake.url), cwd=home)
    assert result.returncode == 0, result.stderr
    assert f"Data folder: {data}" in result.stdout
    (data / "hearth.sqlite3").write_bytes(b"the person's conversations")

    subprocess.run([*dpkg, "--purge", "hearth"], check=True, capture_output=True)
    assert not (root / "usr/lib/hearth").exists()
    assert not command.exists() and not command.is_symlink()
    assert not (root / "usr/share/applications/hearth.desktop").exists()
    assert (data / "hearth.sqlite3").read_bytes() == b"the person's conversations"


def test_desktop_entry_in_the_tarball_is_the_debs(unpacked_deb: Path, bundle: Bundle) -> None:
    in_deb = (unpacked_deb / "usr/share/applications/hearth.desktop").read_bytes()
    assert (bundle.root / "hearth.desktop").read_bytes() == in_deb
    assert in_deb == (ROOT / "installers/hearth.desktop").read_bytes()
