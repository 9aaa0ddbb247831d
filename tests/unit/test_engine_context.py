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
