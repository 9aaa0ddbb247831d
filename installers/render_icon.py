"""Render resources/icons/hearth.svg to the icon files the macOS/Windows builds need.

usage: python installers/render_icon.py OUT.png|OUT.ico|OUT.icns

Qt (already in the build environment) draws the SVG; Pillow writes the multi-size .ico
and .icns containers (PyInstaller itself uses Pillow for the same conversion).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "hearth.svg"


def render_png(out: Path, size: int = 1024) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["render_icon", "-platform", "offscreen"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icon: {SVG} is not a valid SVG")
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"render_icon: could not write {out}")
    del app


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    png = out.with_suffix(".png")
    render_png(png)
    if out.suffix in {".ico", ".icns"}:
        from PIL import Image

        sizes = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
        with Image.open(png) as image:
            if out.suffix == ".ico":
                image.save(out, sizes=sizes)
            else:
                image.save(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
