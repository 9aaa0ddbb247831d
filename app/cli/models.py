"""``hearth models``: installed models with size, date, loaded state and fit for this
machine; ``--catalog`` lists the curated catalog with the same fit badges."""

from __future__ import annotations

import argparse
from typing import Any

from app.core.i18n import translate
from app.engines.hosts import ollama_host
from app.hardware import Machine, format_bytes, probe_machine
from app.library.catalog import Catalog, load_catalog
from app.library.fit import estimate_fit
from app.library.installed import InstalledModel, LibraryClient


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "models",
        help=translate("ModelsCommand", "list installed models and whether they fit"),
        description=translate(
            "ModelsCommand",
            "List the models Ollama has, with size, date, what is loaded, and how well "
            "each runs on this machine.",
        ),
    )
    parser.add_argument(
        "--host", default=None, help=translate("ModelsCommand", "Ollama server URL")
    )
    parser.add_argument(
        "--catalog",
        action="store_true",
        help=translate("ModelsCommand", "list the recommended models instead"),
    )
    parser.add_argument(
        "--use",
        choices=("chat", "coding", "chinese", "vision"),
        default=None,
        help=translate("ModelsCommand", "with --catalog: only models for this use"),
    )
    parser.set_defaults(func=run)


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def installed_rows(
    models: list[InstalledModel], catalog: Catalog, machine: Machine
) -> list[list[str]]:
    rows = [
        [
            translate("ModelsCommand", "NAME"),
            translate("ModelsCommand", "SIZE"),
            translate("ModelsCommand", "MODIFIED"),
            translate("ModelsCommand", "LOADED"),
            translate("ModelsCommand", "FIT"),
        ]
    ]
    for model in models:
        known = catalog.find(model.name)
        fit = estimate_fit(machine, model.size_bytes, known.architecture if known else None)
        loaded = (
            translate("ModelsCommand", "yes, {vram} VRAM").format(
                vram=format_bytes(model.vram_bytes)
            )
            if model.loaded
            else "-"
        )
        modified = model.modified_at.strftime("%Y-%m-%d") if model.modified_at else "-"
        rows.append([model.name, format_bytes(model.size_bytes), modified, loaded, fit.badge()])
    return rows


def catalog_rows(catalog: Catalog, machine: Machine, use: str | None) -> list[list[str]]:
    rows = [
        [
            translate("ModelsCommand", "NAME"),
            translate("ModelsCommand", "PARAMETERS"),
            translate("ModelsCommand", "DOWNLOAD"),
            translate("ModelsCommand", "USES"),
            translate("ModelsCommand", "FIT"),
        ]
    ]
    for model in catalog.for_use(use):
        fit = estimate_fit(machine, model.download_bytes, model.architecture)
        rows.append(
            [
                model.tag,
                f"{model.parameters} {model.quantization}",
                model.download_size,
                ", ".join(sorted(model.uses)),
                fit.badge(),
            ]
        )
    return rows


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    machine = probe_machine()
    if args.catalog:
        print(_table(catalog_rows(catalog, machine, args.use)))
        print(
            translate("ModelsCommand", "Sizes from the Ollama library, compiled {date}.").format(
                date=catalog.compiled
            )
        )
        return 0
    client = LibraryClient(ollama_host(args.host))
    try:
        models = client.installed()
    finally:
        client.close()
    if not models:
        print(translate("ModelsCommand", "No models installed yet. Try: hearth models --catalog"))
        return 0
    print(_table(installed_rows(models, catalog, machine)))
    return 0
