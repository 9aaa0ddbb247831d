"""A conversation's own model options: temperature, top_p, seed and context length.

Stored one row per conversation (table ``conversation_options``, schema step of issue
15/16); a conversation without a row — every one from an earlier release — is sent with
the engine's defaults. :func:`request_options` is what ``ChatCore`` puts into
``ChatRequest.options``, under engine-neutral names each engine maps to its own wire:

- Ollama: ``options`` as is (``temperature``, ``top_p``, ``seed``, ``num_ctx`` are
  Ollama's own option names; docs/api.md "Generate request (with options)").
- OpenAI-compatible servers: ``temperature``, ``top_p``, ``seed`` request fields; the
  context is fixed by the server (llama.cpp ``-c``, vLLM ``--max-model-len``, LM Studio's
  load settings), so ``num_ctx`` is not sent.
- Anthropic: ``temperature`` (0–1 there) and, only without a temperature, ``top_p``:
  Claude models since Opus 4.1 refuse both at once ("`temperature` and `top_p` cannot
  both be specified for this model", seen in many client trackers, e.g.
  open-webui/pipelines#546, read 2026-12-01). The Messages API has no seed. The SDK no
  longer takes these keywords (anthropic 1.0, 2026-08-20), so they go as extra body
  fields; a model that refuses sampling options answers 400 and the person reads why.

Ranges follow the strictest common reading: temperature 0–2 (OpenAI's), top_p in
(0, 1], seed a non-negative 32-bit integer (llama.cpp reads it as uint32, -1 = random).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from decimal import Decimal

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.engines.sampling import sampling_params

__all__ = ["ModelOptions", "request_options", "sampling_params"]

SEED_MAX = 2**31 - 1
NUM_CTX_MIN = 512
NUM_CTX_MAX = 2**21


@dataclass(frozen=True)
class ModelOptions:
    temperature: float | None = None
    top_p: float | None = None
    seed: int | None = None
    num_ctx: int | None = None

    @property
    def empty(self) -> bool:
        return self == ModelOptions()


def request_options(options: ModelOptions) -> dict[str, int | float] | None:
    """``ChatRequest.options`` for these options, or None when none is set."""
    wire: dict[str, int | float] = {}
    if options.temperature is not None:
        wire["temperature"] = options.temperature
    if options.top_p is not None:
        wire["top_p"] = options.top_p
    if options.seed is not None:
        wire["seed"] = options.seed
    if options.num_ctx is not None:
        wire["num_ctx"] = options.num_ctx
    return wire or None


# --- reading what the person typed -------------------------------------------------------


class OptionsInputError(KnownError):
    """A field of the Advanced options that cannot be used as typed."""


def _bad(field: str, problem: str) -> OptionsInputError:
    return OptionsInputError(
        translate("Options", "{field}: {problem}").format(field=field, problem=problem)
    )


def _read(text: str, field: str, locale: str | None) -> Decimal | None:
    # Babel loads here, when the person applies options, not with every engine.
    with serial_imports:
        from app.core.numbers import NumberInputError, parse_optional

    try:
        return parse_optional(text, locale)
    except NumberInputError as exc:
        raise _bad(field, str(exc)) from None


def _in_range(value: Decimal | None, field: str, low: float, high: float) -> float | None:
    if value is None:
        return None
    if not low <= value <= high:
        raise _bad(
            field,
            translate("Options", "use a number from {low} to {high}.").format(low=low, high=high),
        )
    return float(value)


def parse_options(
    temperature: str,
    top_p: str,
    seed: str,
    num_ctx: int | None,
    locale: str | None = None,
) -> ModelOptions:
    """Options from the Advanced dialog's fields, read in the person's locale (``0,7``
    in German, full-width ``０．７`` from a Chinese input method). Empty = the engine's
    default. Raises ``OptionsInputError`` naming the field."""
    temperature_label = translate("Options", "Temperature")
    top_p_label = translate("Options", "Top P")
    seed_label = translate("Options", "Seed")
    t = _in_range(_read(temperature, temperature_label, locale), temperature_label, 0, 2)
    p = _in_range(_read(top_p, top_p_label, locale), top_p_label, 0, 1)
    if p is not None and p == 0:
        raise _bad(top_p_label, translate("Options", "use a number above 0 and at most 1."))
    s: int | None = None
    if seed.strip():
        with serial_imports:
            from app.core.numbers import NumberInputError, parse_integer

        try:
            s = parse_integer(seed, locale)
        except NumberInputError as exc:
            raise _bad(seed_label, str(exc)) from None
        if not 0 <= s <= SEED_MAX:
            raise _bad(
                seed_label,
                translate("Options", "use a whole number from 0 to {high}.").format(high=SEED_MAX),
            )
    if num_ctx is not None and not NUM_CTX_MIN <= num_ctx <= NUM_CTX_MAX:
        raise _bad(translate("Options", "Context length"), str(num_ctx))
    return ModelOptions(temperature=t, top_p=p, seed=s, num_ctx=num_ctx)


# --- storage (runs on the serial writer) --------------------------------------------------


def load_options(conn: sqlite3.Connection, conversation_id: int) -> ModelOptions:
    row = conn.execute(
        "SELECT temperature, top_p, seed, num_ctx FROM conversation_options"
        " WHERE conversation_id = ?",
        (conversation_id,),
    ).fetchone()
    if row is None:
        return ModelOptions()
    return ModelOptions(temperature=row[0], top_p=row[1], seed=row[2], num_ctx=row[3])


def save_options(conn: sqlite3.Connection, conversation_id: int, options: ModelOptions) -> None:
    conn.execute(
        "INSERT INTO conversation_options (conversation_id, temperature, top_p, seed, num_ctx)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET"
        " temperature = excluded.temperature, top_p = excluded.top_p,"
        " seed = excluded.seed, num_ctx = excluded.num_ctx",
        (conversation_id, options.temperature, options.top_p, options.seed, options.num_ctx),
    )


def set_num_ctx(
    conn: sqlite3.Connection, conversation_id: int, num_ctx: int | None
) -> ModelOptions:
    """Only the context ("Raise context…"); the other options stay as they are."""
    options = replace(load_options(conn, conversation_id), num_ctx=num_ctx)
    save_options(conn, conversation_id, options)
    return options


def warnings_given(conn: sqlite3.Connection, conversation_id: int) -> frozenset[str]:
    """Keys of the context warnings this conversation has shown (see
    ``app.engines.context.warning_due``)."""
    row = conn.execute(
        "SELECT context_warnings FROM conversation_options WHERE conversation_id = ?",
        (conversation_id,),
    ).fetchone()
    return frozenset(k for k in (row[0] if row else "").split(",") if k)


def note_warning(conn: sqlite3.Connection, conversation_id: int, key: str) -> None:
    given = warnings_given(conn, conversation_id) | {key}
    conn.execute(
        "INSERT INTO conversation_options (conversation_id, context_warnings) VALUES (?, ?)"
        " ON CONFLICT (conversation_id) DO UPDATE SET context_warnings = excluded.context_warnings",
        (conversation_id, ",".join(sorted(given))),
    )
