"""``hearth doctor``: everything worth knowing when something does not work.

Reads only: the database is opened read-only (never migrated), Ollama is asked, the
hardware is measured. Exits 1 when Ollama cannot be reached, saying what to do.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import sys
from pathlib import Path
from typing import Any

from app import __version__
from app.core import paths, validate
from app.core.i18n import translate
from app.core.sizes import format_bytes
from app.engines.hosts import ollama_host
from app.engines.ollama_service import (
    OllamaState,
    OllamaStatus,
    check_status,
    current_platform_name,
    install_instructions,
)
from app.hardware import describe_machine, probe_machine
from app.storage.damage import quick_check
from app.storage.schema import SCHEMA_VERSION

DOCTOR_CHECK_BUDGET_S = 5.0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help=translate("Doctor", "check Ollama, the database and this machine"),
        description=translate(
            "Doctor", "Show what Hearth sees: its data, Ollama, the GPU, memory and keyring."
        ),
    )
    parser.add_argument(
        "--host",
        default=None,
        help=translate("Doctor", "Ollama server URL (default: OLLAMA_HOST or 127.0.0.1:11434)"),
    )
    parser.set_defaults(func=run)


def _line(label: str, value: object) -> None:
    print(f"{label}: {value}")


def _schema_text(database: Path) -> tuple[str, bool]:
    """What to say about the database, and whether it is usable as it is."""
    if not database.exists():
        return translate("Doctor", "not created yet"), True
    try:
        conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            intact = quick_check(conn, DOCTOR_CHECK_BUDGET_S)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return translate("Doctor", "cannot be read ({error})").format(error=exc), False
    text = translate("Doctor", "schema {found} (this Hearth understands {known})").format(
        found=version, known=SCHEMA_VERSION
    )
    if version > SCHEMA_VERSION:
        text += " — " + translate("Doctor", "written by a newer Hearth")
    if intact is False:
        text += " — " + translate(
            "Doctor", "DAMAGED: start Hearth to keep the file and recover what can be read"
        )
    elif intact is None:
        text += " — " + translate("Doctor", "integrity check not finished in time")
    return text, intact is not False and version <= SCHEMA_VERSION


def _keyring_text() -> str:
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken keyring is a finding, not a crash
        return translate("Doctor", "unavailable ({error})").format(error=exc)
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if type(backend).__module__.startswith("keyring.backends.fail"):
        return name + " — " + translate("Doctor", "no usable keyring: cloud keys cannot be saved")
    if getattr(backend, "priority", 1) < 1:
        return name + " — " + translate("Doctor", "insecure (keys would be a plain file)")
    return name


def _print_ollama(status: OllamaStatus) -> None:
    _line(translate("Doctor", "Ollama host"), status.host)
    if status.state in (OllamaState.NOT_INSTALLED, OllamaState.NOT_RUNNING):
        _line(translate("Doctor", "Ollama"), translate("Doctor", "not reachable"))
        if status.binary is not None:
            _line(translate("Doctor", "Ollama program"), status.binary)
        return
    _line(
        translate("Doctor", "Ollama"),
        translate("Doctor", "running, version {version}").format(version=status.version),
    )
    if not status.models:
        _line(translate("Doctor", "Installed models"), translate("Doctor", "none"))
        return
    _line(translate("Doctor", "Installed models"), len(status.models))
    for model in status.models:
        facts = ", ".join(
            part
            for part in (format_bytes(model.size_bytes), model.parameter_size, model.quantization)
            if part
        )
        print(f"  - {model.name} ({facts})")


def _advice(status: OllamaStatus) -> str:
    if status.state is OllamaState.NOT_INSTALLED:
        how = install_instructions()[current_platform_name()]
        return status.describe() + " " + how
    if status.state is OllamaState.NOT_RUNNING:
        return (
            status.describe()
            + " "
            + translate(
                "Doctor",
                "Start it: open the Ollama app or run `ollama serve`. If it runs elsewhere, "
                "set OLLAMA_HOST or pass --host.",
            )
        )
    return translate(
        "Doctor", "Download a model in Hearth's model library, or run `ollama pull llama3.2`."
    )


def run(args: argparse.Namespace) -> int:
    _line("Hearth", __version__)
    _line("Python", f"{platform.python_version()} ({sys.executable})")
    _line(translate("Doctor", "System"), f"{platform.platform()} ({platform.machine()})")
    folder_ok = _print_data()
    try:
        host = validate.server_url(
            ollama_host(args.host), what="--host" if args.host else "OLLAMA_HOST"
        )
    except validate.InvalidInputError as exc:
        print(f"hearth: {exc}", file=sys.stderr)
        return 2
    status = check_status(host)
    _print_ollama(status)

    for text in describe_machine(probe_machine()):
        print(text)
    _line(translate("Doctor", "Keyring"), _keyring_text())

    reachable = status.state in (OllamaState.READY, OllamaState.NO_MODELS)
    if status.state is not OllamaState.READY:
        print()
        print(_advice(status), file=sys.stdout if reachable else sys.stderr)
    return 0 if reachable and folder_ok else 1


def _print_data() -> bool:
    """The data folder and database lines; False when the folder or database cannot be
    used as it is (so the exit code says something is wrong)."""
    try:
        data = paths.check_data_dir()
    except paths.DataFolderError as exc:
        _line(translate("Doctor", "Data folder"), exc.folder)
        print(f"hearth: {exc}", file=sys.stderr)
        return False
    database = data / paths.database_path().name
    _line(translate("Doctor", "Data folder"), data)
    text, usable = _schema_text(database)
    _line(translate("Doctor", "Database"), f"{database} — {text}")
    return usable
