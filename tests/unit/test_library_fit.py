"""Fit arithmetic against worked examples people can check by hand.

Memory needed = weights (download size) + KV cache at 4,096 tokens + 1 GiB overhead.
Llama 3.1 8B Q4_K_M: 4.9 GB + 2·32 layers·8 KV heads·128 dims·2 bytes·4096 = 0.537 GB
+ 1.074 GB = 6.51 GB.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.hardware import Gpu, Machine
from app.library.catalog import CatalogModel, load_catalog
from app.library.fit import Fit, Verdict, estimate_fit, kv_cache_bytes

GB = 10**9
GIB = 1024**3
CATALOG = load_catalog()
LLAMA_8B = CATALOG.find("llama3.1:8b")
GEMMA_27B = CATALOG.find("gemma3:27b")
GEMMA_12B = CATALOG.find("gemma3:12b")
LLAMA_70B = CATALOG.find("llama3.3:70b")


def nvidia(total_gib: int, free_gib: float, ram_available_gib: float = 28) -> Machine:
    return Machine(
        gpus=(Gpu("NVIDIA GeForce", total_gib * GIB, int(free_gib * GIB), "550.54"),),
        nvidia_status="",
        apple_chip=None,
        unified_memory_bytes=None,
        ram_total_bytes=32 * GIB,
        ram_available_bytes=int(ram_available_gib * GIB),
        models_dir=Path("/home/x/.ollama/models"),
        disk_free_bytes=500 * GB,
    )


def mac(unified_gib: int) -> Machine:
    return Machine(
        gpus=(),
        nvidia_status="no NVIDIA GPU",
        apple_chip="Apple M2 Max",
        unified_memory_bytes=unified_gib * GIB,
        ram_total_bytes=unified_gib * GIB,
        ram_available_bytes=unified_gib * GIB // 2,
        models_dir=Path("/Users/x/.ollama/models"),
        disk_free_bytes=500 * GB,
    )


def cpu_only(ram_available_gib: float) -> Machine:
    return Machine(
        gpus=(),
        nvidia_status="no NVIDIA GPU",
        apple_chip=None,
        unified_memory_bytes=None,
        ram_total_bytes=16 * GIB,
        ram_available_bytes=int(ram_available_gib * GIB),
        models_dir=Path("/home/x/.ollama/models"),
        disk_free_bytes=500 * GB,
    )


def fit_of(model: CatalogModel | None, machine: Machine) -> Fit:
    assert model is not None
    return estimate_fit(machine, model.download_bytes, model.architecture)


def test_llama_8b_needs_6_5_gb_and_runs_on_a_24_gb_card() -> None:
    fit = fit_of(LLAMA_8B, nvidia(24, free_gib=23.5))
    assert fit.weights_bytes == 4_900_000_000
    assert fit.kv_cache_bytes == 536_870_912  # 0.5 GiB, exactly
    assert fit.needed_bytes == 6_510_612_736
    assert fit.verdict is Verdict.GPU
    assert fit.badge() == "runs on GPU"
    assert "6.5 GB" in fit.explanation()


def test_llama_8b_runs_on_a_16_gb_card_with_room_to_spare() -> None:
    fit = fit_of(LLAMA_8B, nvidia(16, free_gib=15.2))
    assert fit.verdict is Verdict.GPU
    assert fit.gpu_fraction == 1.0


def test_gemma_27b_spills_past_a_16_gb_card_into_ram() -> None:
    # 17 GB + 2·62·16·128·2·4096 (2.08 GB) + 1.07 GB = 20.15 GB > 16.3 GB free.
    fit = fit_of(GEMMA_27B, nvidia(16, free_gib=15.2))
    assert fit.needed_bytes == 17 * GB + 2_080_374_784 + GIB
    assert fit.verdict is Verdict.PARTIAL
    assert fit.badge() == "partly on GPU — slower"
    assert 0.80 < fit.gpu_fraction < 0.82
    assert "About 81% of the model fits on the GPU." in fit.explanation()


def test_gemma_27b_fits_a_24_gb_card() -> None:
    assert fit_of(GEMMA_27B, nvidia(24, free_gib=23.5)).verdict is Verdict.GPU


def test_8b_on_a_small_card_is_partly_on_gpu() -> None:
    assert fit_of(LLAMA_8B, nvidia(4, free_gib=3.6)).verdict is Verdict.PARTIAL


def test_two_cards_add_up() -> None:
    machine = Machine(
        gpus=(Gpu("A", 24 * GIB, 23 * GIB, "550"), Gpu("B", 24 * GIB, 23 * GIB, "550")),
        nvidia_status="",
        apple_chip=None,
        unified_memory_bytes=None,
        ram_total_bytes=64 * GIB,
        ram_available_bytes=60 * GIB,
        models_dir=Path("/m"),
        disk_free_bytes=None,
    )
    # 70B: 43 GB + 1.34 GB KV + 1.07 GB = 45.4 GB ≤ 49.4 GB free across both cards.
    assert fit_of(LLAMA_70B, machine).verdict is Verdict.GPU


def test_70b_on_a_64_gb_mac_runs_on_gpu() -> None:
    # 75 % of 64 GiB = 51.5 GB for the GPU; 70B needs 45.4 GB.
    fit = fit_of(LLAMA_70B, mac(64))
    assert fit.gpu_budget_bytes == int(64 * GIB * 0.75)
    assert fit.needed_bytes == 43 * GB + 1_342_177_280 + GIB
    assert fit.verdict is Verdict.GPU


def test_8b_on_a_64_gb_mac_runs_on_gpu() -> None:
    assert fit_of(LLAMA_8B, mac(64)).verdict is Verdict.GPU


def test_70b_is_too_large_for_a_16_gb_mac_but_gemma_12b_fits() -> None:
    assert fit_of(LLAMA_70B, mac(16)).verdict is Verdict.TOO_LARGE
    assert fit_of(LLAMA_70B, mac(16)).badge() == "too large for this machine"
    assert fit_of(GEMMA_12B, mac(16)).verdict is Verdict.GPU


def test_cpu_only_machine_runs_8b_on_cpu_and_refuses_70b() -> None:
    small = fit_of(LLAMA_8B, cpu_only(ram_available_gib=12))
    assert small.verdict is Verdict.CPU
    assert small.gpu_budget_bytes == 0
    assert small.badge() == "runs on CPU — slow"
    assert fit_of(LLAMA_70B, cpu_only(ram_available_gib=12)).verdict is Verdict.TOO_LARGE


def test_kv_estimate_without_architecture_is_close_to_the_real_one() -> None:
    assert LLAMA_8B is not None
    exact, exact_estimated = kv_cache_bytes(LLAMA_8B.architecture, LLAMA_8B.download_bytes)
    guess, guess_estimated = kv_cache_bytes(None, LLAMA_8B.download_bytes)
    assert not exact_estimated and guess_estimated
    assert guess == pytest.approx(exact, rel=0.01)
    fit = estimate_fit(nvidia(24, 23.5), LLAMA_8B.download_bytes)
    assert "(estimated)" in fit.explanation()


def test_longer_context_grows_the_kv_cache_linearly() -> None:
    assert LLAMA_8B is not None
    short, _ = kv_cache_bytes(LLAMA_8B.architecture, 0, context=4096)
    long, _ = kv_cache_bytes(LLAMA_8B.architecture, 0, context=32768)
    assert long == 8 * short


def test_what_each_larger_context_costs_for_qwen_7b_on_a_12_gb_card() -> None:
    from app.library.fit import fits_by_context

    qwen = CATALOG.find("qwen2.5:7b")
    assert qwen is not None and qwen.architecture is not None
    fits = fits_by_context(
        nvidia(12, free_gib=11.5), qwen.download_bytes, qwen.architecture, qwen.context_length
    )
    # Qwen 2.5 7B: 2·28 layers·4 KV heads·128·2 bytes = 57,344 bytes a token.
    assert [f.context for f in fits] == [4096, 8192, 16384, 32768]  # its maximum is 32k
    assert [f.kv_cache_bytes for f in fits] == [57_344 * c for c in (4096, 8192, 16384, 32768)]
    assert fits[0].kv_cache_bytes == 234_881_024  # 224 MiB at 4k
    assert fits[-1].kv_cache_bytes == 1_879_048_192  # 1.75 GiB at 32k
    # 4.7 GB + 1.75 GiB + 1 GiB = 7.65 GB: still all on an 11.5 GiB-free card.
    assert all(f.verdict is Verdict.GPU for f in fits)
    # On a 6 GB card the larger contexts push it partly onto the CPU.
    small = fits_by_context(nvidia(6, free_gib=5.6), qwen.download_bytes, qwen.architecture, 32768)
    assert small[0].verdict is Verdict.GPU and small[-1].verdict is Verdict.PARTIAL
