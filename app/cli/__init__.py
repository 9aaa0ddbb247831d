"""The ``hearth`` command: opens the app, or runs a subcommand on the same data.

Each subcommand lives in its own module with ``register(subparsers)``; the module sets
``func`` on its parser, which returns the process exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from app import __version__
from app.core.errors import KnownError
from app.core.i18n import translate

EXIT_BUG = 70  # EX_SOFTWARE

SUBCOMMAND_MODULES: tuple[str, ...] = (
    "ask",
    "doctor",
    "models",
    "pull",
    "keys",
    "report",
    "calc",
    "search",
    "export",
)


def _install_qt_translation() -> None:
    """CLI text goes through the same Qt catalogues as the GUI (QtCore only, no display)."""
    from PySide6.QtCore import QCoreApplication

    from app.core.i18n import install_translator

    install_translator(QCoreApplication.translate)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hearth",
        description="Hearth: chat with local AI, escalate to the cloud when you choose, "
        "and see what your hardware saves you.",
    )
    parser.add_argument("--version", action="version", version=f"Hearth {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"app.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-platform"):
        from app.ui.bootstrap import main as gui_main

        return int(gui_main(args_list))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    _install_qt_translation()
    try:
        return int(args.func(args))
    except KnownError as exc:
        print(f"hearth: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("hearth: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # A bug, not the environment: never a traceback on the person's terminal. The
        # trace goes to the log, where a bug report can quote it.
        logging.getLogger("hearth.cli").exception("hearth %s failed", args.command)
        print(
            translate("Cli", "hearth: something went wrong: {error}").format(error=exc),
            file=sys.stderr,
        )
        return EXIT_BUG
