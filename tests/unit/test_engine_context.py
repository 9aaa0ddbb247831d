"""Context arithmetic with worked examples: Ollama's default by VRAM, KV-cache bytes,
what a larger context costs, and whether a conversation still fits."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engines.context import (
    GIB,
    ContextState,
    architecture_from_model_info,
    context_check,
    context_cost,
    kv_cache_bytes,
    machine_vram_bytes,
    next_context_size,
    ollama_context_for,
    ollama_default_context,
)
from app.hardware import Gpu, Machine


def machine(*, vram_gib: float = 0, apple_gib: float = 0) -> Machine:
    gpus = (
        (Gpu("NVIDIA GeForce RTX", int(vram_gib * GIB), int(vram_gib * GIB), "560.0"),)
        if vram_gib
        else ()
    )
    return Machine(
        gpus=gpus,
        nvidia_status="",
        apple_chip="Apple M2 Ultra" if apple_gib else None,
        unified_memory_bytes=int(apple_gib * GIB) if apple_gib else None,
        ram_total_bytes=64 * GIB,
        ram_available_bytes=48 * GIB,
        models_dir=Path("/tmp"),
        disk_free_bytes=None,
    )


@pytest.mark.parametrize(
    ("vram_gib", "expected"),
    [
        # Ollama's server switches at 23 and 47 GiB (server/routes.go, read 2026-12-01),
        # a little below the 24/48 its docs name, so a card sold as "24 GB" counts.
        (0, 4096),  # no GPU
        (8, 4096),  # RTX 4060
        (16, 4096),  # RTX 4080
        (22.99, 4096),
        (23, 32768),
        (23.99, 32768),  # RTX 4090 as NVML reports it (24,564 MiB)
        (24, 32768),
        (46.99, 32768),
        (47, 262144),
        (47.99, 262144),  # RTX 6000 Ada / two 24 GB cards
        (80, 262144),
    ],
)
def test_ollamas_default_context_by_vram(vram_gib: float, expected: int) -> None:
    assert ollama_default_context(int(vram_gib * GIB)) == expected
    assert ollama_context_for(machine(vram_gib=vram_gib)) == expected


def test_apple_silicon_counts_the_gpus_share_of_unified_memory() -> None:
    # 32 GB Mac: 24 GiB for the GPU -> 32k; 64 GB: 48 GiB -> 256k; 16 GB: 12 GiB -> 4k.
    assert machine_vram_bytes(machine(apple_gib=32)) == 24 * GIB
    assert ollama_context_for(machine(apple_gib=32)) == 32768
    assert ollama_context_for(machine(apple_gib=64)) == 262144
    assert ollama_context_for(machine(apple_gib=16)) == 4096


def test_kv_cache_worked_examples() -> None:
    # Llama 3.1 8B: 32 layers, 8 KV heads, head dim 128: 128 KiB a token in f16.
    assert kv_cache_bytes(32, 8, 128, 1) == 131_072
    assert kv_cache_bytes(32, 8, 128, 4096) == 512 * 1024**2
    # Qwen2.5 7B: 28 layers, 4 KV heads, 128: 56 KiB a token; 32k tokens = 1.75 GiB.
    assert kv_cache_bytes(28, 4, 128, 32768) == 1_879_048_192
    with pytest.raises(ValueError):
        kv_cache_bytes(-1, 8, 128, 4096)


def test_what_a_larger_context_costs() -> None:
    cost = context_cost(32, 8, 128, 4096, 32768)
    assert cost.current_bytes == 512 * 1024**2
    assert cost.proposed_bytes == 4 * GIB
    assert cost.extra_bytes == 4 * GIB - 512 * 1024**2  # 3.5 GiB more


def test_architecture_from_ollamas_model_info() -> None:
    llama = {
        "general.architecture": "llama",
        "llama.block_count": 32,
        "llama.attention.head_count": 32,
        "llama.attention.head_count_kv": 8,
        "llama.embedding_length": 4096,
    }
    assert architecture_from_model_info(llama) == (32, 8, 128)
    # An explicit key length wins; no head_count_kv means one KV head per head.
    gemma = {
        "general.architecture": "gemma3",
        "gemma3.block_count": 34,
        "gemma3.attention.head_count": 8,
        "gemma3.attention.key_length": 256,
        "gemma3.embedding_length": 2560,
    }
    assert architecture_from_model_info(gemma) == (34, 8, 256)
    assert architecture_from_model_info({"general.architecture": "bert"}) is None
    assert architecture_from_model_info({}) is None


def test_will_the_conversation_outgrow_the_context() -> None:
    fits = context_check(1000, 4096)
    assert fits.state is ContextState.FITS and fits.needed_tokens == 2024
    # 2,500 so far + a 300-token message + 1,024 for the reply = 3,824 of 4,096: near.
    near = context_check(2500, 4096, new_message_tokens=300)
    assert near.state is ContextState.NEAR and near.needed_tokens == 3824
    over = context_check(3500, 4096, new_message_tokens=100)
    assert over.state is ContextState.OVER
    assert over.share is not None and over.share > 1
    assert context_check(3500, None).state is ContextState.UNKNOWN
    # 40k tokens on a 32k machine default: over; raising it is the way forward.
    assert context_check(40_000, 32768).state is ContextState.OVER
    assert next_context_size(41_024, 131072) == 65536
    assert next_context_size(41_024, 40_000) is None  # the model cannot hold it
    assert next_context_size(100, None) == 4096


def test_a_long_conversation_outgrows_ollamas_4k_default() -> None:
    from app.engines.base import ChatMessage
    from app.engines.context import will_outgrow

    # A day of chat: 40 turns of ~400 characters each way.
    turn = "The quick brown fox jumps over the lazy dog. " * 9
    history: tuple[ChatMessage, ...] = ()
    states = []
    for _ in range(40):
        history += (ChatMessage("user", turn), ChatMessage("assistant", turn))
        states.append(will_outgrow(history, 4096, "and one more question").state)
    assert states[0] is ContextState.FITS
    assert ContextState.NEAR in states and states[-1] is ContextState.OVER
    # The first warning comes before the context is full, not after.
    first_near = states.index(ContextState.NEAR)
    assert states[first_near - 1] is ContextState.FITS
    # At 32k (a 24 GiB card) the same day still fits.
    assert will_outgrow(history, 32768).state is ContextState.FITS


# --- issue 15: the context a conversation runs with, and when to warn -----------------------


def test_kv_cache_cost_per_model_size_and_context() -> None:
    # (layers, KV heads, head dim) from each model's config.json; f16 cache.
    # Qwen2.5 7B: 28 x 4 x 128 -> 56 KiB a token: 4k 224 MiB, 32k 1.75 GiB, 128k 7 GiB.
    assert kv_cache_bytes(28, 4, 128, 4096) == 224 * 1024**2
    assert kv_cache_bytes(28, 4, 128, 131072) == 7 * GIB
    # Qwen2.5 14B: 48 x 8 x 128 -> 192 KiB a token: 8k = 1.5 GiB, 32k = 6 GiB.
    assert kv_cache_bytes(48, 8, 128, 8192) == 1.5 * GIB
    assert kv_cache_bytes(48, 8, 128, 32768) == 6 * GIB
    # Llama 3.1 70B: 80 x 8 x 128 -> 320 KiB a token: 256k tokens = 80 GiB.
    assert kv_cache_bytes(80, 8, 128, 262144) == 80 * GIB
    # Raising an 8B from Ollama's 4k to 8k costs another 512 MiB.
    assert context_cost(32, 8, 128, 4096, 8192).extra_bytes == 512 * 1024**2


def test_a_modelfiles_num_ctx_is_read_from_api_show_parameters() -> None:
    from app.engines.context import modelfile_num_ctx

    params = 'num_ctx                        8192\nstop                           "<|eot_id|>"'
    assert modelfile_num_ctx(params) == 8192
    assert modelfile_num_ctx('stop                           "<|eot_id|>"') is None
    assert modelfile_num_ctx("num_ctx 0") is None
    assert modelfile_num_ctx("") is None


def test_what_an_ollama_conversation_runs_with() -> None:
    from app.engines.context import ContextSource, ollama_effective_context

    default = ollama_effective_context(
        chosen=None, modelfile=None, machine_default=4096, model_max=131072
    )
    assert (default.tokens, default.source, default.adjustable) == (
        4096,
        ContextSource.DEFAULT,
        True,
    )
    own = ollama_effective_context(
        chosen=None, modelfile=16384, machine_default=4096, model_max=131072
    )
    assert (own.tokens, own.source) == (16384, ContextSource.MODEL)
    chosen = ollama_effective_context(
        chosen=8192, modelfile=16384, machine_default=4096, model_max=131072
    )
    assert (chosen.tokens, chosen.source) == (8192, ContextSource.CONVERSATION)
    # A 256k default on a 48 GB machine for a model trained on 32k: Ollama runs 32k.
    cut = ollama_effective_context(
        chosen=None, modelfile=None, machine_default=262144, model_max=32768
    )
    assert (cut.tokens, cut.requested) == (32768, 262144)
    unknown = ollama_effective_context(
        chosen=None, modelfile=None, machine_default=None, model_max=None
    )
    assert unknown.tokens is None and unknown.source is ContextSource.UNKNOWN


def test_warned_once_per_threshold_per_conversation_before_the_context_is_full() -> None:
    from app.engines.context import reply_reserve_for, warning_due

    assert reply_reserve_for(4096) == 512 and reply_reserve_for(32768) == 1024
    given: frozenset[str] = frozenset()
    keys = []
    for tokens in range(0, 5000, 100):  # a conversation growing by 100 tokens a turn
        _check, key = warning_due(tokens, 4096, given)
        if key is not None:
            keys.append((tokens, key))
            given |= {key}
    # Near from 2,970 tokens (+512 for the reply = 3,482 = 85 % of 4,096); over past
    # 3,584 (+512 > 4,096). Each said exactly once.
    assert keys == [(3000, "4096:near"), (3600, "4096:over")]
    # Raised to 8k: thresholds of the new context, said afresh.
    assert warning_due(3600, 8192, given)[1] is None
    assert warning_due(6400, 8192, given)[1] == "8192:near"
    # Unknown context: never a warning on a guess.
    assert warning_due(100_000, None, given) == (context_check(100_000, None), None)


def test_ollamas_server_override_and_the_probe_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.engines import machine_context

    assert machine_context.server_override({"OLLAMA_CONTEXT_LENGTH": "65536"}) == 65536
    assert machine_context.server_override({"OLLAMA_CONTEXT_LENGTH": "0"}) is None
    assert machine_context.server_override({"OLLAMA_CONTEXT_LENGTH": "lots"}) is None
    assert machine_context.server_override({}) is None
    machine_context.forget()
    monkeypatch.setenv("OLLAMA_CONTEXT_LENGTH", "16384")
    assert machine_context.machine_default_num_ctx(lambda: machine(vram_gib=80)) == 16384
    machine_context.forget()
    monkeypatch.delenv("OLLAMA_CONTEXT_LENGTH")
    assert machine_context.machine_default_num_ctx(lambda: machine(vram_gib=80)) == 262144
    assert machine_context.machine_default_num_ctx(lambda: machine(vram_gib=8)) == 262144  # cached
    machine_context.forget()

    def broken() -> Machine:
        raise OSError("NVML exploded")

    assert machine_context.machine_default_num_ctx(broken) == 4096
    machine_context.forget()
