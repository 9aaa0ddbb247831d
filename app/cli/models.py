"""``hearth models``: every local engine's models. Ollama's with size, date, loaded
state and fit for this machine; then LM Studio, llama.cpp, Jan, vLLM and
text-generation-webui (wherever discovery finds them, plus the addresses in Settings or
``--address``) with the context each runs with. ``--catalog`` lists the curated catalog
with the same fit badges; ``--exact`` reads each download size from the registry."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.core import paths, validate
from app.core.i18n import translate
from app.core.settings import Settings
from app.core.sizes import format_bytes
from app.engines.discovery import discover
from app.engines.found import Discovery
from app.engines.hosts import ollama_host
from app.engines.local import configured_addresses, keyring_lookup
from app.hardware import Machine, probe_machine
from app.library.catalog import Catalog, load_catalog
from app.library.fit import estimate_fit
from app.library.installed import InstalledModel, LibraryClient
from app.library.sources import download_size, registry_url


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
    parser.add_argument(
        "--address",
        action="append",
        default=[],
        help=translate("ModelsCommand", "also look for a local server at this address"),
    )
    parser.add_argument(
        "--exact",
        action="store_true",
        help=translate("ModelsCommand", "with --catalog: read exact sizes from the registry"),
    )
    parser.add_argument("--registry", default=None, help=argparse.SUPPRESS)
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


def engine_rows(discovery: Discovery) -> list[list[str]]:
    """The models of every engine but Ollama (whose table has more to say)."""
    rows = [
        [
            translate("ModelsCommand", "ENGINE"),
            translate("ModelsCommand", "ADDRESS"),
            translate("ModelsCommand", "NAME"),
            translate("ModelsCommand", "CONTEXT"),
        ]
    ]
    for engine in discovery.engines:
        if engine.engine_id == "ollama":
            continue
        if engine.problem:
            rows.append([engine.name, engine.base_url, "-", engine.problem])
        for model in engine.models:
            context = model.context_length or engine.running_context
            rows.append(
                [engine.name, engine.base_url, model.name, f"{context:,}" if context else "-"]
            )
    return rows


def catalog_rows(
    catalog: Catalog, machine: Machine, use: str | None, sizes: dict[str, int] | None = None
) -> list[list[str]]:
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
        exact = (sizes or {}).get(model.tag)
        fit = estimate_fit(machine, exact or model.download_bytes, model.architecture)
        rows.append(
            [
                model.tag,
                f"{model.parameters} {model.quantization}",
                format_bytes(exact) if exact else model.download_size,
                ", ".join(sorted(model.uses)),
                fit.badge(),
            ]
        )
    return rows


def _exact_sizes(catalog: Catalog, use: str | None, registry: str) -> dict[str, int]:
    import httpx

    sizes: dict[str, int] = {}
    with httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0)) as client:
        for model in catalog.for_use(use):
            found = download_size(model, client, compiled=catalog.compiled, registry=registry)
            if found.exact:
                sizes[model.tag] = found.bytes
    return sizes


def _keys(engine_id: str) -> str | None:
    if engine_id != "jan":
        return None  # only Jan requires a key; do not touch the keyring for the others
    from app.cloud.keys import KeyStore

    return keyring_lookup(KeyStore())(engine_id)


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    machine = probe_machine()
    if args.catalog:
        registry = args.registry or registry_url()
        sizes = _exact_sizes(catalog, args.use, registry) if args.exact else {}
        print(_table(catalog_rows(catalog, machine, args.use, sizes)))
        if sizes:
            print(
                translate(
                    "ModelsCommand", "Sizes of {count} models read from the registry now."
                ).format(count=len(sizes))
            )
        print(
            translate("ModelsCommand", "Sizes from the Ollama library, compiled {date}.").format(
                date=catalog.compiled
            )
        )
        return 0
    host = validate.server_url(
        ollama_host(args.host), what="--host" if args.host else "OLLAMA_HOST"
    )
    extra = [*configured_addresses(Settings(paths.settings_path())), *args.address]
    discovery = discover(host, extra, keys=_keys)
    others = engine_rows(discovery)
    ollama_found = any(e.engine_id == "ollama" for e in discovery.engines)
    if not ollama_found and len(others) == 1:
        # Nothing anywhere: the Ollama client's own words say what to do.
        client = LibraryClient(host)
        try:
            client.installed()
        finally:
            client.close()
    printed = False
    if ollama_found:
        client = LibraryClient(host)
        try:
            models = client.installed()
        finally:
            client.close()
        if models:
            print(_table(installed_rows(models, catalog, machine)))
            printed = True
    else:
        print(
            translate("ModelsCommand", "Ollama is not running at {host}.").format(host=host),
            file=sys.stderr,
        )
    if len(others) > 1:
        if printed:
            print()
        print(_table(others))
        printed = True
    if not printed:
        print(translate("ModelsCommand", "No models installed yet. Try: hearth models --catalog"))
    return 0
