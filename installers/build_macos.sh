#!/usr/bin/env bash
# Build Hearth for macOS: OUT_DIR/hearth-<version>-macos-<arch>.dmg holding Hearth.app.
#
# usage: installers/build_macos.sh OUT_DIR        (on a Mac; CI: macos-14, Apple Silicon)
#
# Signed and notarised when the secrets are there (installers/README.md says how to get
# them), unsigned otherwise (then people must right-click → Open the first time):
#   MACOS_CERTIFICATE_P12       base64 of a "Developer ID Application" certificate + key (.p12)
#   MACOS_CERTIFICATE_PASSWORD  the .p12's password
#   MACOS_SIGNING_IDENTITY      e.g. "Developer ID Application: Name (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool (app-specific password)
#   HEARTH_BUILD_PYTHON         a python.org or setup-python Python >= 3.11 (default python3)
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 OUT_DIR" >&2
    exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
OUT="$(cd "$1" && pwd)"
PYTHON="${HEARTH_BUILD_PYTHON:-python3}"
VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$ROOT/pyproject.toml")"
ARCH="$(uname -m)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hearth-build.XXXXXX")"
KEYCHAIN="$WORK/signing.keychain-db"
cleanup() {
    if [[ -f "$KEYCHAIN" ]]; then security delete-keychain "$KEYCHAIN" || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== build environment from pyproject.toml"
"$PYTHON" -m venv "$WORK/venv"
pip=("$WORK/venv/bin/python" -m pip install --disable-pip-version-check -q)
"${pip[@]}" --upgrade pip "setuptools>=69" wheel
"${pip[@]}" "pyinstaller==6.22.3" "pyinstaller-hooks-contrib==2026.9" pillow "$ROOT"

echo "== icon and PyInstaller"
"$WORK/venv/bin/python" "$ROOT/installers/render_icon.py" "$WORK/hearth.icns"
(cd "$ROOT" && HEARTH_ICON="$WORK/hearth.icns" HEARTH_VERSION="$VERSION" \
    "$WORK/venv/bin/python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/pyi" installers/hearth.spec)
APP="$WORK/dist/Hearth.app"
"$APP/Contents/MacOS/hearth" --version

SIGNED=0
if [[ -n "${MACOS_CERTIFICATE_P12:-}" && -n "${MACOS_SIGNING_IDENTITY:-}" ]]; then
    echo "== signing with $MACOS_SIGNING_IDENTITY"
    KEYCHAIN_PASSWORD="$(uuidgen)"
    echo "$MACOS_CERTIFICATE_P12" | base64 --decode > "$WORK/cert.p12"
    security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
    security set-keychain-settings -lut 21600 "$KEYCHAIN"
    security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
    security import "$WORK/cert.p12" -k "$KEYCHAIN" -P "${MACOS_CERTIFICATE_PASSWORD:-}" \
        -T /usr/bin/codesign
    security set-key-partition-list -S apple-tool:,apple: -s -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN" >/dev/null
    # Search our keychain first, keeping the user's others in the list.
    read -r -a others <<< "$(security list-keychains -d user | tr -d '"' | tr '\n' ' ')"
    security list-keychains -d user -s "$KEYCHAIN" "${others[@]}"
    sign=(codesign --force --timestamp --options runtime --keychain "$KEYCHAIN"
          --entitlements "$ROOT/installers/macos/entitlements.plist" --sign "$MACOS_SIGNING_IDENTITY")
    # Inside out: every Mach-O file first, then the bundle (no --deep: it signs in the
    # wrong order and skips files it does not recognise as code).
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then "${sign[@]}" "$file"; fi
    done < <(find "$APP/Contents" -type f -print0)
    "${sign[@]}" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
    SIGNED=1
else
    echo "== no signing secrets: an unsigned (ad-hoc) build"
    codesign --force --deep --sign - "$APP"
fi

echo "== disk image"
mkdir "$WORK/dmg"
cp -R "$APP" "$WORK/dmg/"
ln -s /Applications "$WORK/dmg/Applications"
DMG="$OUT/hearth-$VERSION-macos-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "Hearth $VERSION" -srcfolder "$WORK/dmg" -fs HFS+ -format UDZO -ov "$DMG"

if [[ "$SIGNED" == 1 ]]; then
    codesign --force --timestamp --keychain "$KEYCHAIN" --sign "$MACOS_SIGNING_IDENTITY" "$DMG"
    if [[ -n "${APPLE_ID:-}" && -n "${APPLE_TEAM_ID:-}" && -n "${APPLE_APP_PASSWORD:-}" ]]; then
        echo "== notarising (xcrun notarytool, waits for Apple's verdict)"
        xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" --wait --timeout 30m
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
    else
        echo "== signed but not notarised: APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not set"
    fi
fi
# The app itself, for the smoke test that follows in CI.
rm -rf "$OUT/Hearth.app"
cp -R "$APP" "$OUT/Hearth.app"
(cd "$OUT" && shasum -a 256 "$(basename "$DMG")" > SHA256SUMS)
du -sh "$DMG" "$OUT/Hearth.app"
