"""The bundle's entry point: the `hearth` command, plus the bundle's own smoke test.

`hearth --smoke-test` exists only in the built bundle (the source install's `hearth` is
app.cli:main): CI runs it to prove the frozen app opens its real window and stores a
reply. See installers/hearth_smoke.py.
"""

from __future__ import annotations

import os
import sys


def use_a_bundled_input_method() -> None:
    """Fcitx's Qt plugin is built against the system's Qt and cannot load into the Qt
    this bundle carries, so with QT_IM_MODULE=fcitx a Chinese person could not type at
    all. Fcitx 5 also speaks IBus's protocol, and Qt's IBus plugin is in the bundle: use
    it (the fcitx maintainers' advice for programs with their own Qt, fcitx/fcitx5#444)."""
    frozen_linux = getattr(sys, "frozen", False) and sys.platform.startswith("linux")
    if frozen_linux and os.environ.get("QT_IM_MODULE", "").startswith("fcitx"):
        os.environ["QT_IM_MODULE"] = "ibus"


def main() -> int:
    use_a_bundled_input_method()
    if sys.argv[1:2] == ["--smoke-test"]:
        from hearth_smoke import main as smoke

        return smoke(sys.argv[2:])
    from app.cli import main as cli

    return cli()


if __name__ == "__main__":
    raise SystemExit(main())
