"""How much conversation a local engine keeps in mind, and what a larger context costs.

Pure functions, no I/O, no Qt: the chat layer asks them before sending and the library
asks them for the fit check.

- **Ollama's default context** depends on the machine's VRAM. Ollama's docs
  (docs/context-length.mdx, read 2026-12-01) say 4k below 24 GiB, 32k at 24–48 GiB, 256k
  at 48 GiB or more. The server itself (ollama/ollama server/routes.go ``Serve``, commit
  fb30760 of 2026-08-21, read 2026-12-01) sums every GPU's total memory minus
  ``OLLAMA_GPU_OVERHEAD`` (default 0) and switches at **47 and 23 GiB** ("slightly lower
  thresholds to account for small differences in the exact value": a "24 GB" RTX 4090
  reports 23.99 GiB and gets 32k). ``OLLAMA_CONTEXT_LENGTH`` on the server and a
  Modelfile's ``PARAMETER num_ctx`` take precedence (server/routes.go
  ``usesAutomaticNumCtx``); a ``num_ctx`` above the model's trained context is cut to it
  (server/sched.go ``effectiveContext``). Ollama's FAQ (docs/faq.mdx, same commit) still
  says a flat 4096: stale. Past the context Ollama drops the oldest tokens *silently*, so
  Hearth sends ``num_ctx`` itself (by default exactly this value, so nothing changes for
  the person unless they choose otherwise) and warns before a conversation outgrows it.
- **KV cache** (memory the context costs): ``2 (K and V) × layers × kv_heads × head_dim
  × context × 2 bytes`` for Ollama's default f16 cache; see :mod:`app.library.fit`.
- **Will it outgrow?** :func:`context_check` compares what the next request will hold
  (the conversation so far, the new message and room for the reply) with the context.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.engines.base import ChatMessage
from app.engines.tokens import estimate_context_tokens, estimate_text_tokens

if TYPE_CHECKING:  # no psutil for the engines that only parse model info
    from app.hardware import Machine

GIB = 1024**3
OLLAMA_CONTEXT_SMALL = 4096
OLLAMA_CONTEXT_MEDIUM = 32768
OLLAMA_CONTEXT_LARGE = 262144
OLLAMA_MEDIUM_VRAM = 23 * GIB  # server/routes.go: ">= 23*format.GibiByte" (read 2026-12-01)
OLLAMA_LARGE_VRAM = 47 * GIB  # server/routes.go: ">= 47*format.GibiByte"
APPLE_GPU_SHARE = 0.75
"""Share of unified memory Metal lets the GPU use by default. Ollama counts Metal's
``recommendedMaxWorkingSetSize`` as the GPU's total memory (discover/gpu_info_darwin.m,
commit fb30760, read 2026-12-01); macOS does not publish the share, 75 % is the usual
figure for Macs with 32 GB or more (an approximation: smaller Macs get somewhat less)."""

DEFAULT_REPLY_RESERVE = 1024
"""Tokens kept free for the reply when checking whether a conversation still fits."""
NEAR_SHARE = 0.85
"""From this share of the context on, the person is told the conversation is filling up."""

KV_BYTES_PER_ELEMENT = 2  # f16, Ollama's default OLLAMA_KV_CACHE_TYPE


def ollama_default_context(vram_bytes: int) -> int:
    """The context Ollama allocates when a request does not set ``num_ctx``.

    >>> ollama_default_context(8 * GIB), ollama_default_context(24 * GIB)
    (4096, 32768)
    >>> ollama_default_context(int(23.99 * GIB))  # an RTX 4090 as NVML reports it
    32768
    """
    if vram_bytes >= OLLAMA_LARGE_VRAM:
        return OLLAMA_CONTEXT_LARGE
    if vram_bytes >= OLLAMA_MEDIUM_VRAM:
        return OLLAMA_CONTEXT_MEDIUM
    return OLLAMA_CONTEXT_SMALL


def machine_vram_bytes(machine: Machine) -> int:
    """The VRAM Ollama sees on this machine: all NVIDIA GPUs' total memory, or on Apple
    Silicon the GPU's share of unified memory; 0 without a GPU (then the 4k default)."""
    if machine.gpus:
        return machine.total_vram_bytes
    if machine.apple_chip and machine.unified_memory_bytes:
        return int(machine.unified_memory_bytes * APPLE_GPU_SHARE)
    return 0


def ollama_context_for(machine: Machine | None) -> int:
    """What Ollama would pick on this machine: Hearth's default ``num_ctx`` (no machine
    measured: the smallest tier, as Ollama does without a GPU)."""
    return ollama_default_context(machine_vram_bytes(machine) if machine is not None else 0)


def kv_cache_bytes(layers: int, kv_heads: int, head_dim: int, context: int) -> int:
    """Bytes of f16 KV cache for ``context`` tokens.

    Llama 3.1 8B (32 layers, 8 KV heads, head dim 128) at 4096 tokens:
    2 × 32 × 8 × 128 × 4096 × 2 = 536,870,912 bytes (512 MiB).
    """
    if min(layers, kv_heads, head_dim, context) < 0:
        raise ValueError("layers, heads, head dim and context must not be negative")
    return 2 * layers * kv_heads * head_dim * context * KV_BYTES_PER_ELEMENT


@dataclass(frozen=True)
class ContextCost:
    """What moving from one context size to another costs in memory."""

    current: int
    proposed: int
    current_bytes: int
    proposed_bytes: int

    @property
    def extra_bytes(self) -> int:
        return self.proposed_bytes - self.current_bytes


def context_cost(
    layers: int, kv_heads: int, head_dim: int, current: int, proposed: int
) -> ContextCost:
    return ContextCost(
        current=current,
        proposed=proposed,
        current_bytes=kv_cache_bytes(layers, kv_heads, head_dim, current),
        proposed_bytes=kv_cache_bytes(layers, kv_heads, head_dim, proposed),
    )


def architecture_from_model_info(info: dict[str, object]) -> tuple[int, int, int] | None:
    """(layers, kv heads, head dim) from Ollama's ``/api/show`` ``model_info``.

    GGUF keys: ``<arch>.block_count``, ``<arch>.attention.head_count_kv`` (missing means
    no grouped-query attention: as many KV heads as heads), and the head dimension from
    ``<arch>.attention.key_length`` or else ``embedding_length / head_count``.
    """
    arch = info.get("general.architecture")
    if not isinstance(arch, str) or not arch:
        return None

    def number(key: str) -> int | None:
        value = info.get(f"{arch}.{key}")
        if isinstance(value, list):  # per-layer values (e.g. gemma3): the largest counts
            value = max((v for v in value if isinstance(v, int)), default=None)
        return (
            int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )

    layers = number("block_count")
    heads = number("attention.head_count")
    kv_heads = number("attention.head_count_kv") or heads
    head_dim = number("attention.key_length")
    if head_dim is None:
        embedding = number("embedding_length")
        head_dim = embedding // heads if embedding and heads else None
    if not layers or not kv_heads or not head_dim:
        return None
    return layers, kv_heads, head_dim


_NUM_CTX_LINE = re.compile(r"^\s*num_ctx\s+(\d+)\s*$", re.MULTILINE)


def modelfile_num_ctx(parameters: str) -> int | None:
    """The ``num_ctx`` a Modelfile sets, from ``/api/show``'s ``parameters`` text (one
    ``name  value`` line per parameter, e.g. ``num_ctx                        8192``)."""
    found = _NUM_CTX_LINE.search(parameters)
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


class ContextState(enum.Enum):
    FITS = "fits"
    NEAR = "near"  # fits, but past NEAR_SHARE of the context
    OVER = "over"  # the engine would forget the start of the conversation
    UNKNOWN = "unknown"  # the engine's context is not known


@dataclass(frozen=True)
class ContextCheck:
    state: ContextState
    needed_tokens: int
    """Conversation + new message + the room kept for the reply."""
    context_tokens: int | None

    @property
    def share(self) -> float | None:
        if not self.context_tokens:
            return None
        return self.needed_tokens / self.context_tokens


def context_check(
    conversation_tokens: int,
    context_tokens: int | None,
    *,
    new_message_tokens: int = 0,
    reply_reserve: int = DEFAULT_REPLY_RESERVE,
) -> ContextCheck:
    """Will this conversation outgrow the context the engine runs with?

    The lead's conversation layer calls this before each send with its own token
    estimate (``app.engines.tokens.estimate_context_tokens``) and the context from
    :func:`app.engines.discovery.running_context` (or Hearth's ``num_ctx``). OVER means
    the engine would silently drop the oldest messages: offer to raise the context or to
    start a new conversation.
    """
    needed = max(0, conversation_tokens) + max(0, new_message_tokens) + max(0, reply_reserve)
    if not context_tokens or context_tokens <= 0:
        return ContextCheck(ContextState.UNKNOWN, needed, None)
    if needed > context_tokens:
        state = ContextState.OVER
    elif needed >= context_tokens * NEAR_SHARE:
        state = ContextState.NEAR
    else:
        state = ContextState.FITS
    return ContextCheck(state, needed, context_tokens)


def next_context_size(needed_tokens: int, model_max: int | None) -> int | None:
    """The smallest power-of-two context (≥ 4k) that holds ``needed_tokens``, capped at the
    model's maximum; None when even the maximum is too small."""
    size = OLLAMA_CONTEXT_SMALL
    while size < needed_tokens:
        size *= 2
    if model_max is not None and size > model_max:
        return model_max if model_max >= needed_tokens else None
    return size


def will_outgrow(
    messages: tuple[ChatMessage, ...],
    context_tokens: int | None,
    new_message: str = "",
    *,
    reply_reserve: int = DEFAULT_REPLY_RESERVE,
) -> ContextCheck:
    """:func:`context_check` for a conversation as it will be sent: the messages so far
    (Hearth's own estimate, images included) plus the new message. The lead's
    conversation layer calls this before each send; OVER/NEAR are the moments to offer
    a larger context (:func:`app.library.fit.fits_by_context` says what it costs) or a
    new conversation."""
    return context_check(
        estimate_context_tokens(messages),
        context_tokens,
        new_message_tokens=estimate_text_tokens(new_message) if new_message else 0,
        reply_reserve=reply_reserve,
    )


# --- the context a conversation actually runs with (issue 15) ---------------------------


class ContextSource(enum.Enum):
    CONVERSATION = "conversation"  # the person chose it for this conversation (num_ctx)
    MODEL = "model"  # the model's Modelfile sets num_ctx
    DEFAULT = "default"  # what Ollama picks on this machine (Hearth sends the same)
    ENGINE = "engine"  # what the engine says it runs with (llama.cpp /props, LM Studio…)
    UNKNOWN = "unknown"  # the engine does not say (Jan, text-generation-webui)


@dataclass(frozen=True)
class EffectiveContext:
    tokens: int | None
    source: ContextSource
    adjustable: bool
    """True when Hearth can change it per conversation (Ollama's ``num_ctx``). Other
    engines fix the context when the server or model is loaded (llama.cpp ``-c``, vLLM
    ``--max-model-len``, LM Studio's load settings)."""
    model_max: int | None = None
    requested: int | None = None
    """What Hearth sends as ``num_ctx`` (before Ollama cuts it to the model's maximum)."""


def ollama_effective_context(
    *,
    chosen: int | None,
    modelfile: int | None,
    machine_default: int | None,
    model_max: int | None,
) -> EffectiveContext:
    """What an Ollama model runs with for this conversation: the person's choice, else
    the Modelfile's ``num_ctx``, else Ollama's default for this machine; never more than
    the model was trained for (Ollama cuts a larger ``num_ctx`` to that)."""
    if chosen:
        requested, source = chosen, ContextSource.CONVERSATION
    elif modelfile:
        requested, source = modelfile, ContextSource.MODEL
    elif machine_default:
        requested, source = machine_default, ContextSource.DEFAULT
    else:
        return EffectiveContext(None, ContextSource.UNKNOWN, True, model_max)
    tokens = min(requested, model_max) if model_max else requested
    return EffectiveContext(tokens, source, True, model_max, requested)


def fixed_context(tokens: int | None, model_max: int | None = None) -> EffectiveContext:
    """An engine whose context Hearth cannot change: what it reports, or unknown."""
    source = ContextSource.ENGINE if tokens else ContextSource.UNKNOWN
    return EffectiveContext(tokens or None, source, False, model_max)


def reply_reserve_for(context_tokens: int) -> int:
    """Room kept for the reply: 1,024 tokens, but no more than an eighth of a small
    context (a 4k context would otherwise warn with 60 % of it still free)."""
    return min(DEFAULT_REPLY_RESERVE, max(0, context_tokens) // 8)


def warning_due(
    conversation_tokens: int, context_tokens: int | None, already: frozenset[str]
) -> tuple[ContextCheck, str | None]:
    """The check for a conversation and, when a warning is due that has not been given
    for this conversation at this context yet, its key (``"<context>:near"`` or
    ``"<context>:over"``). Once per threshold per conversation: the caller stores the key
    and passes it back in ``already``. Raising the context starts afresh (new keys)."""
    if not context_tokens:
        return context_check(conversation_tokens, None), None
    check = context_check(
        conversation_tokens, context_tokens, reply_reserve=reply_reserve_for(context_tokens)
    )
    if check.state not in (ContextState.NEAR, ContextState.OVER):
        return check, None
    key = f"{context_tokens}:{check.state.value}"
    return check, None if key in already else key
