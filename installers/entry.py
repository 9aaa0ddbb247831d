"""The bundle's entry point: the `hearth` command, plus the bundle's own smoke test.

`hearth --smoke-test` exists only in the built bundle (the source install's `hearth` is
app.cli:main): CI runs it to prove the frozen app opens its real window and stores a
reply. See installers/hearth_smoke.py.
"""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:2] == ["--smoke-test"]:
        from hearth_smoke import main as smoke

        return smoke(sys.argv[2:])
    from app.cli import main as cli

    return cli()


if __name__ == "__main__":
    raise SystemExit(main())
