"""``hearth keys set|list|delete``: the same keyring store the app uses.

The key is read from standard input — never from an argument, where it would land in
the shell history and the process list. On a terminal it is asked for without echo.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

import keyring

from app.cloud.keys import KeyStore, KeyStoreError
from app.cloud.providers import PROVIDERS, get_provider
from app.core.i18n import translate


def register(subparsers: Any) -> None:
    keys = subparsers.add_parser(
        "keys",
        help="store, list or delete cloud API keys (kept only in the OS keyring)",
        description="Manage cloud API keys. Keys live only in the OS keyring.",
    )
    actions = keys.add_subparsers(dest="keys_action", metavar="ACTION")
    ids = ", ".join(provider.id for provider in PROVIDERS)

    set_parser = actions.add_parser(
        "set", help="store the key for PROVIDER, read from standard input"
    )
    set_parser.add_argument("provider", metavar="PROVIDER", help=f"one of: {ids}")
    set_parser.set_defaults(func=_set)

    list_parser = actions.add_parser("list", help="providers that have a key (masked)")
    list_parser.set_defaults(func=_list)

    delete_parser = actions.add_parser("delete", help="delete the key for PROVIDER")
    delete_parser.add_argument("provider", metavar="PROVIDER", help=f"one of: {ids}")
    delete_parser.set_defaults(func=_delete)

    keys.set_defaults(func=lambda _args: _usage(keys))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _read_key(provider_name: str) -> str:
    if sys.stdin is None:
        raise KeyStoreError(translate("Keys", "No key was given on standard input."))
    if sys.stdin.isatty():
        prompt = translate("Keys", "API key for {provider} (input hidden): ").format(
            provider=provider_name
        )
        return getpass.getpass(prompt)
    return sys.stdin.readline()


def _open_store() -> KeyStore:
    """The keyring store, or a clear error when the configured backend cannot be loaded
    (keyring imports ``PYTHON_KEYRING_BACKEND`` or its config file's class lazily)."""
    try:
        keyring.get_keyring()
    except Exception as exc:  # any import or config failure inside keyring
        raise KeyStoreError(
            translate("Keys", "The keyring backend cannot be loaded: {error}").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            hint=translate(
                "Keys",
                "Check PYTHON_KEYRING_BACKEND and keyring's configuration file (keyringrc.cfg), "
                "or unset them to use the system keyring.",
            ),
        ) from exc
    return KeyStore()


def _set(args: argparse.Namespace) -> int:
    provider = get_provider(args.provider)
    store = _open_store()
    store.backend_name()  # refuse before asking for the key when there is no safe keyring
    store.set(provider.id, _read_key(provider.name))
    masked = store.masked(provider.id)
    print(
        translate("Keys", "Stored the key for {provider} ({masked}) in the keyring.").format(
            provider=provider.name, masked=masked
        )
    )
    return 0


def _list(_args: argparse.Namespace) -> int:
    stored = _open_store().stored()
    if not stored:
        print(translate("Keys", "No API keys are stored."))
        return 0
    width = max(len(provider_id) for provider_id in stored)
    for provider_id, masked in stored.items():
        print(f"{provider_id.ljust(width)}  {masked}  ({get_provider(provider_id).name})")
    return 0


def _delete(args: argparse.Namespace) -> int:
    provider = get_provider(args.provider)
    if not _open_store().delete(provider.id):
        print(
            translate("Keys", "There is no stored key for {provider}.").format(
                provider=provider.name
            ),
            file=sys.stderr,
        )
        return 1
    print(translate("Keys", "Deleted the key for {provider}.").format(provider=provider.name))
    return 0
