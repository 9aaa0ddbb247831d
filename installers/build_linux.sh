#!/usr/bin/env bash
# Build Hearth for Linux from this checkout:
#   OUT_DIR/hearth-<version>-linux-x86_64.tar.gz   portable one-folder bundle
#   OUT_DIR/hearth_<version>_amd64.deb              Debian/Ubuntu package
#
# usage: installers/build_linux.sh OUT_DIR
#
# The bundle carries its own Python and Qt: a virtual environment installed from
# pyproject.toml (so PySide6 is what pyproject pins for that Python), frozen with
# PyInstaller. That environment is the slow part (~2 min of downloads from PyPI) and is
# cached under ~/.cache/hearth/build, keyed by pyproject.toml and the Python version;
# Hearth itself is copied from the checkout and frozen afresh on every build.
#
# Environment:
#   HEARTH_BUILD_PYTHON  Python ≥ 3.11 built with a shared libpython (default: python3)
#   HEARTH_BUILD_CACHE   where the build environments live (default: ~/.cache/hearth/build)
#   HEARTH_DEB_COMPRESSION  xz (default: 25% smaller, ~1.5 min on 2 cores) or gzip (~25 s)
#   HEARTH_DEB_MAINTAINER  the .deb's Maintainer field ("Name <address>")
#   SOURCE_DATE_EPOCH    timestamp for the archive members (default: last commit's)
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 OUT_DIR" >&2
    exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
OUT="$(cd "$1" && pwd)"
PYTHON="${HEARTH_BUILD_PYTHON:-python3}"
CACHE="${HEARTH_BUILD_CACHE:-$HOME/.cache/hearth/build}"
# PyInstaller is pinned so a cached environment and a fresh one freeze the same way.
PYINSTALLER="pyinstaller==6.22.3"
HOOKS="pyinstaller-hooks-contrib==2026.9"

for tool in dpkg-deb tar gzip; do
    command -v "$tool" >/dev/null || { echo "build_linux.sh: $tool is needed" >&2; exit 1; }
done
"$PYTHON" - <<'EOF' || { echo "build_linux.sh: need Python >= 3.11 with a shared libpython (PyInstaller bundles it)" >&2; exit 1; }
import sys, sysconfig
sys.exit(0 if sys.version_info >= (3, 11) and sysconfig.get_config_var("Py_ENABLE_SHARED") else 1)
EOF

VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
PYVER="$("$PYTHON" -c 'import platform; print(platform.python_version())')"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hearth-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# 1. A copy of the checkout, so building leaves no build/ or egg-info in it.
mkdir "$WORK/src"
tar -C "$ROOT" --exclude=.git --exclude=.venv --exclude='__pycache__' --exclude='*.egg-info' \
    --exclude=./build --exclude=./dist -cf - . | tar -C "$WORK/src" -xf -

# 2. The build environment, from pyproject.toml's own dependencies.
KEY="$( (cat "$ROOT/pyproject.toml"; echo "$PYVER $PYINSTALLER $HOOKS") | sha256sum | cut -c1-16)"
VENV="$CACHE/venv-$KEY"
if [[ ! -f "$VENV/.complete" ]]; then
    echo "== build environment (first build for this pyproject.toml): $VENV"
    rm -rf "$VENV"
    mkdir -p "$CACHE"
    "$PYTHON" -m venv "$VENV"
    pip=("$VENV/bin/python" -m pip install --disable-pip-version-check -q)
    "${pip[@]}" --upgrade pip "setuptools>=69" wheel
    "${pip[@]}" "$PYINSTALLER" "$HOOKS" "$WORK/src"
    touch "$VENV/.complete"
    # Keep only the newest few environments.
    find "$CACHE" -maxdepth 1 -name 'venv-*' -type d -printf '%T@ %p\n' | sort -rn | tail -n +4 \
        | cut -d' ' -f2- | xargs -r rm -rf
fi
touch "$VENV"
# Hearth itself from this checkout, every time (its metadata is bundled: copy_metadata).
"$VENV/bin/python" -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation \
    --force-reinstall "$WORK/src"

# 3. Freeze.
echo "== PyInstaller"
(cd "$WORK/src" && "$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/pyi" installers/hearth.spec)
BUNDLE="$WORK/dist/hearth"
[[ -x "$BUNDLE/hearth" ]] || { echo "build_linux.sh: PyInstaller made no $BUNDLE/hearth" >&2; exit 1; }
"$BUNDLE/hearth" --version

# 4. The portable archive: hearth-<version>/ with the bundle, desktop entry and icon.
NAME="hearth-$VERSION"
mkdir "$WORK/tar"
cp -a "$BUNDLE" "$WORK/tar/$NAME"
cp "$ROOT/installers/hearth.desktop" "$ROOT/resources/icons/hearth.svg" "$WORK/tar/$NAME/"
cp "$ROOT/LICENSE" "$WORK/tar/$NAME/"
TARBALL="$OUT/hearth-$VERSION-linux-x86_64.tar.gz"
tar -C "$WORK/tar" --sort=name --owner=0 --group=0 --numeric-owner \
    --mtime="@$SOURCE_DATE_EPOCH" -cf - "$NAME" | gzip -n -6 > "$TARBALL"

# 5. The .deb: the bundle in /usr/lib/hearth, /usr/bin/hearth pointing at it.
PKG="$WORK/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/usr/lib" "$PKG/usr/bin" "$PKG/usr/share/applications" \
    "$PKG/usr/share/icons/hicolor/scalable/apps" "$PKG/usr/share/doc/hearth"
cp -a "$BUNDLE" "$PKG/usr/lib/hearth"
ln -s ../lib/hearth/hearth "$PKG/usr/bin/hearth"
install -m 644 "$ROOT/installers/hearth.desktop" "$PKG/usr/share/applications/hearth.desktop"
install -m 644 "$ROOT/resources/icons/hearth.svg" \
    "$PKG/usr/share/icons/hicolor/scalable/apps/hearth.svg"
install -m 644 "$ROOT/LICENSE" "$PKG/usr/share/doc/hearth/copyright"
# The system libraries the bundle loads but does not carry, as Debian package names.
DEPENDS="$("$VENV/bin/python" "$ROOT/installers/deb_depends.py" "$PKG/usr/lib/hearth")"
INSTALLED_KB="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
MAINTAINER="${HEARTH_DEB_MAINTAINER:-Hearth maintainers <maintainers@hearth.invalid>}"
sed -e "s/@VERSION@/$VERSION/" -e "s|@MAINTAINER@|$MAINTAINER|" -e "s/@DEPENDS@/$DEPENDS/" -e "s/@INSTALLED_SIZE@/$INSTALLED_KB/" \
    "$ROOT/installers/debian/control.in" > "$PKG/DEBIAN/control"
# No maintainer scripts: dpkg's triggers refresh the desktop and icon caches, and the
# person's data (~/.local/share/Hearth) is never the package's to touch, on remove or purge.
find "$PKG" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
DEB="$OUT/hearth_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group "-Z${HEARTH_DEB_COMPRESSION:-xz}" --build "$PKG" "$DEB" >/dev/null

(cd "$OUT" && sha256sum "$(basename "$TARBALL")" "$(basename "$DEB")" > SHA256SUMS)
du -h "$TARBALL" "$DEB"
echo "== built $TARBALL and $DEB"
