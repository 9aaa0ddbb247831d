"""Print the .deb's Depends: the Debian packages of the system libraries the bundle needs.

PyInstaller carries Python, Qt and most libraries, but leaves out what belongs to the
system (libc, OpenGL/EGL, X11/xcb, fontconfig, D-Bus...), because those must match the
machine's drivers and display server. This asks the dynamic linker which of them every
ELF file in the bundle loads, and dpkg which package owns each, so the package's
dependencies are what this build really needs rather than a list kept by hand.

usage: python deb_depends.py BUNDLE_DIR   (on the Debian/Ubuntu machine that built it)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
LDD_LINE = re.compile(r"^\s*(\S+) => (\S+|not found)")
# Plugins for things Hearth never uses; their libraries are not installed on most
# machines, and a missing one only disables that plugin.
OPTIONAL_PLUGIN_DIRS = ("sqldrivers", "wayland", "egldeviceintegrations", "platforminputcontexts")
# Always needed, though no ldd line names them (loaded by the bootloader / by Qt at run time).
BASE = ("libc6",)


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        if any(part.startswith(OPTIONAL_PLUGIN_DIRS) for part in path.relative_to(bundle).parts):
            continue
        with path.open("rb") as handle:
            if handle.read(4) == ELF_MAGIC:
                found.append(path)
    return found


def system_libraries(bundle: Path) -> tuple[set[str], set[str]]:
    """(libraries resolved outside the bundle, names not found anywhere)."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    outside: set[str] = set()
    missing: set[str] = set()
    inside = str(bundle.resolve())
    for path in elf_files(bundle):
        result = subprocess.run(
            ["ldd", str(path)], check=False, capture_output=True, text=True, env=env
        )
        for line in result.stdout.splitlines():
            match = LDD_LINE.match(line)
            if not match:
                continue
            name, where = match.groups()
            if where == "not found":
                missing.add(name)
            elif not os.path.realpath(where).startswith(inside):
                outside.add(os.path.realpath(where))
    return outside, missing


def owning_package(library: str) -> str | None:
    candidates = [library]
    if library.startswith("/usr/"):
        candidates.append(library[len("/usr") :])  # merged-/usr systems list /lib paths
    else:
        candidates.append("/usr" + library)
    for candidate in candidates:
        result = subprocess.run(
            ["dpkg", "-S", candidate], check=False, capture_output=True, text=True
        )
        if result.returncode == 0:
            package = result.stdout.split(":", 1)[0]
            return package.split(",")[0].strip()
    return None


def main(argv: list[str]) -> int:
    bundle = Path(argv[0])
    outside, missing = system_libraries(bundle)
    packages = set(BASE)
    for library in sorted(outside):
        package = owning_package(library)
        if package is None:
            print(f"deb_depends: no package owns {library}", file=sys.stderr)
        else:
            packages.add(package)
    for name in sorted(missing):
        print(f"deb_depends: {name} is not installed here (a plugin needs it)", file=sys.stderr)
    print(", ".join(sorted(packages)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
