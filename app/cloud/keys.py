"""API keys, stored only in the OS keyring (service "Hearth", user = provider id).

Keys never touch SQLite, the settings file, logs or exports. If the only keyring
available is keyring's fail backend, the null backend or a plaintext one
(``keyrings.alt``, or anything with priority below 1), Hearth refuses to store a key
and says how to get a real keyring — it never falls back silently. When keyring chains
several backends, Hearth uses the best acceptable one directly, so a failure there can
never spill the key into a plaintext file further down the chain.
"""

from __future__ import annotations

import logging
import sys

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.cloud.providers import PROVIDERS, get_provider
from app.core.errors import KnownError
from app.core.i18n import translate
from app.engines import secret_guard

log = logging.getLogger(__name__)

SERVICE = "Hearth"


class KeyringUnavailableError(KnownError):
    """No secure keyring: keys cannot be stored or read."""


class KeyStoreError(KnownError):
    """The keyring refused an operation (locked, denied, D-Bus gone…)."""


def _how_to_get_a_keyring() -> str:
    if sys.platform == "darwin":
        return translate(
            "Keys",
            "On macOS the login Keychain is used; make sure you are logged in to a normal "
            "desktop session (not only over SSH).",
        )
    if sys.platform.startswith("win"):
        return translate(
            "Keys",
            "On Windows the Credential Manager is used; run Hearth from your own Windows "
            "account, not a service account.",
        )
    return translate(
        "Keys",
        "On Linux install and unlock a Secret Service keyring, e.g. GNOME Keyring "
        "(sudo apt install gnome-keyring) or KWallet, and run Hearth inside your desktop "
        "session. Remove keyrings.alt if it is installed: it stores secrets in plain files.",
    )


def _is_acceptable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or module in (
        "keyring.backends.fail",
        "keyring.backends.null",
        "keyring.backends.chainer",
    ):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend that cannot say is not viable
        return False
    return priority >= 1


def secure_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The backend keys go to, or ``KeyringUnavailableError`` naming what was found."""
    active = backend if backend is not None else keyring.get_keyring()
    candidates: list[KeyringBackend] = [active]
    chained = getattr(type(active), "backends", None)
    if type(active).__module__ == "keyring.backends.chainer" and chained is not None:
        candidates = list(chained)
    for candidate in candidates:
        if _is_acceptable(candidate):
            return candidate
    found = ", ".join(f"{type(c).__module__}.{type(c).__name__}" for c in candidates) or "none"
    raise KeyringUnavailableError(
        translate(
            "Keys",
            "No secure keyring is available, so Hearth will not store API keys (found: {found}).",
        ).format(found=found),
        hint=_how_to_get_a_keyring(),
    )


def _check_provider(provider_id: str) -> None:
    get_provider(provider_id)  # raises UnknownProviderError with the list of known ids


class KeyStore:
    """Reads and writes provider keys through one secure keyring backend."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _store(self) -> KeyringBackend:
        return secure_backend(self._backend)

    def backend_name(self) -> str:
        store = self._store()
        return f"{type(store).__module__}.{type(store).__name__}"

    def set(self, provider_id: str, key: str) -> None:
        _check_provider(provider_id)
        key = key.strip()
        if not key:
            raise KeyStoreError(translate("Keys", "The key is empty; nothing was stored."))
        if any(char.isspace() for char in key):
            raise KeyStoreError(
                translate("Keys", "The key contains spaces or line breaks; nothing was stored."),
                hint=translate("Keys", "Paste exactly the key the provider showed you."),
            )
        store = self._store()
        secret_guard.register(key)
        try:
            store.set_password(SERVICE, provider_id, key)
        except keyring.errors.KeyringError as exc:
            raise self._failed("store", provider_id, exc) from None

    def get(self, provider_id: str) -> str | None:
        _check_provider(provider_id)
        store = self._store()
        try:
            key = store.get_password(SERVICE, provider_id)
        except keyring.errors.KeyringError as exc:
            raise self._failed("read", provider_id, exc) from None
        if key:
            secret_guard.register(key)
        return key or None

    def delete(self, provider_id: str) -> bool:
        """Remove the key; False when there was none."""
        _check_provider(provider_id)
        store = self._store()
        try:
            existing = store.get_password(SERVICE, provider_id)
            if existing is None:
                return False
            store.delete_password(SERVICE, provider_id)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            raise self._failed("delete", provider_id, exc) from None
        secret_guard.forget(existing)
        return True

    def masked(self, provider_id: str) -> str | None:
        key = self.get(provider_id)
        return secret_guard.mask(key) if key else None

    def stored(self) -> dict[str, str]:
        """Provider id → masked key, for every provider that has a key."""
        result: dict[str, str] = {}
        for provider in PROVIDERS:
            masked = self.masked(provider.id)
            if masked:
                result[provider.id] = masked
        return result

    @staticmethod
    def _failed(action: str, provider_id: str, exc: Exception) -> KeyStoreError:
        # The keyring's own words, never the key: keyring errors do not carry secrets,
        # and scrub() removes any registered key should one ever echo it.
        reason = secret_guard.scrub(str(exc)) or type(exc).__name__
        log.warning("keyring %s for %s failed: %s", action, provider_id, reason)
        messages = {
            "store": translate("Keys", "The keyring did not store the key for {provider}."),
            "read": translate("Keys", "The keyring did not give out the key for {provider}."),
            "delete": translate("Keys", "The keyring did not delete the key for {provider}."),
        }
        return KeyStoreError(
            messages[action].format(provider=get_provider(provider_id).name),
            hint=translate("Keys", "Is the keyring unlocked? The keyring said: {reason}").format(
                reason=reason
            ),
        )
