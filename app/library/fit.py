"""Will this model run on this machine, and how well? Pure arithmetic, no I/O.

Memory a loaded model needs = weights + KV cache + runtime overhead:

- **Weights**: the download size. A GGUF file is loaded as-is, so the bytes on disk are
  the bytes in memory (for vision models this includes the image projector).
- **KV cache** at the context Ollama allocates by default (:data:`DEFAULT_CONTEXT`):
  ``2 (K and V) × layers × kv_heads × head_dim × context × 2 bytes`` (f16 cache, Ollama's
  default). When the catalog has no architecture (a model pulled by name), a per-token
  estimate proportional to the weights is used instead (:data:`KV_BYTES_PER_TOKEN_PER_GB`),
  calibrated on Llama 3.1 8B: 128 KiB per token for 4.9 GB of weights.
- **Overhead** (:data:`RUNTIME_OVERHEAD_BYTES`): the CUDA/Metal context and the compute
  graph's scratch buffers; Ollama's own estimates land around 0.5–1 GiB for these.

Compared against:

- discrete NVIDIA GPUs: the sum of their *free* VRAM (Ollama splits layers across GPUs);
  what does not fit spills to system RAM (slower);
- Apple Silicon: a share of unified memory (:data:`APPLE_GPU_SHARE`, 75 %) — macOS lets
  the GPU wire roughly that much by default (``recommendedMaxWorkingSetSize``); beyond
  it Ollama runs the remaining layers on the CPU, up to what the machine has;
- no usable GPU: available system RAM (CPU only, slow but works).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.i18n import translate
from app.core.sizes import format_bytes
from app.hardware import Machine
from app.library.catalog import Architecture

DEFAULT_CONTEXT = 4096
"""Ollama's default context window (``num_ctx``) since 0.6: what it allocates on load."""
KV_BYTES_PER_ELEMENT = 2  # f16 cache, Ollama's default OLLAMA_KV_CACHE_TYPE
KV_BYTES_PER_TOKEN_PER_GB = 26_750
"""Fallback KV estimate: 131,072 B/token (Llama 3.1 8B) / 4.9 GB of weights (its size in
the Ollama library's tag list, read 2026-12-01)."""
RUNTIME_OVERHEAD_BYTES = 1024**3
APPLE_GPU_SHARE = 0.75
APPLE_SYSTEM_RESERVE = 0.10
"""Unified memory kept for macOS and apps when a model spills beyond the GPU share."""


class Verdict(enum.Enum):
    GPU = "gpu"  # fits entirely in GPU memory: fast
    PARTIAL = "partial"  # some layers on the CPU: works, slower
    CPU = "cpu"  # no usable GPU, fits in RAM: works, slow
    TOO_LARGE = "too_large"


@dataclass(frozen=True)
class Fit:
    verdict: Verdict
    weights_bytes: int
    kv_cache_bytes: int
    overhead_bytes: int
    gpu_budget_bytes: int
    """Memory the GPU can use for the model (free VRAM, or the unified-memory share)."""
    total_budget_bytes: int
    """All memory the model may use, GPU plus what it can spill into."""
    context: int
    kv_estimated: bool
    """True when the KV cache came from the per-token estimate, not the architecture."""

    @property
    def needed_bytes(self) -> int:
        return self.weights_bytes + self.kv_cache_bytes + self.overhead_bytes

    @property
    def gpu_fraction(self) -> float:
        """Share of the model that fits on the GPU (1.0 = all of it)."""
        if self.needed_bytes <= 0:
            return 1.0
        return max(0.0, min(1.0, self.gpu_budget_bytes / self.needed_bytes))

    def badge(self) -> str:
        return {
            Verdict.GPU: translate("Fit", "runs on GPU"),
            Verdict.PARTIAL: translate("Fit", "partly on GPU — slower"),
            Verdict.CPU: translate("Fit", "runs on CPU — slow"),
            Verdict.TOO_LARGE: translate("Fit", "too large for this machine"),
        }[self.verdict]

    def explanation(self) -> str:
        """The numbers behind the badge, for a tooltip or the CLI."""
        kv_note = translate("Fit", " (estimated)") if self.kv_estimated else ""
        lines = [
            translate("Fit", "Needs about {needed}:").format(
                needed=format_bytes(self.needed_bytes)
            ),
            translate("Fit", "  weights {weights}").format(
                weights=format_bytes(self.weights_bytes)
            ),
            translate("Fit", "  KV cache at {context} tokens {kv}{note}").format(
                context=self.context, kv=format_bytes(self.kv_cache_bytes), note=kv_note
            ),
            translate("Fit", "  runtime overhead {overhead}").format(
                overhead=format_bytes(self.overhead_bytes)
            ),
            translate("Fit", "GPU memory available: {gpu}").format(
                gpu=format_bytes(self.gpu_budget_bytes)
            ),
            translate("Fit", "All memory it may use: {total}").format(
                total=format_bytes(self.total_budget_bytes)
            ),
        ]
        if self.verdict is Verdict.PARTIAL:
            lines.append(
                translate("Fit", "About {percent}% of the model fits on the GPU.").format(
                    percent=round(self.gpu_fraction * 100)
                )
            )
        return "\n".join(lines)


def kv_cache_bytes(
    architecture: Architecture | None, weights_bytes: int, context: int = DEFAULT_CONTEXT
) -> tuple[int, bool]:
    """KV cache size and whether it is an estimate."""
    if architecture is not None:
        per_token = 2 * architecture.layers * architecture.kv_heads * architecture.head_dim
        return per_token * KV_BYTES_PER_ELEMENT * context, False
    per_token_estimate = round(weights_bytes / 10**9 * KV_BYTES_PER_TOKEN_PER_GB)
    return per_token_estimate * context, True


def memory_budgets(machine: Machine) -> tuple[int, int]:
    """(GPU budget, total budget) in bytes for this machine."""
    if machine.gpus:
        gpu = machine.free_vram_bytes
        return gpu, gpu + machine.ram_available_bytes
    if machine.apple_chip and machine.unified_memory_bytes:
        unified = machine.unified_memory_bytes
        return int(unified * APPLE_GPU_SHARE), int(unified * (1 - APPLE_SYSTEM_RESERVE))
    return 0, machine.ram_available_bytes


def estimate_fit(
    machine: Machine,
    weights_bytes: int,
    architecture: Architecture | None = None,
    context: int = DEFAULT_CONTEXT,
) -> Fit:
    kv, estimated = kv_cache_bytes(architecture, weights_bytes, context)
    gpu_budget, total_budget = memory_budgets(machine)
    needed = weights_bytes + kv + RUNTIME_OVERHEAD_BYTES
    if needed > total_budget:
        verdict = Verdict.TOO_LARGE
    elif gpu_budget == 0:
        verdict = Verdict.CPU
    elif needed <= gpu_budget:
        verdict = Verdict.GPU
    else:
        verdict = Verdict.PARTIAL
    return Fit(
        verdict=verdict,
        weights_bytes=weights_bytes,
        kv_cache_bytes=kv,
        overhead_bytes=RUNTIME_OVERHEAD_BYTES,
        gpu_budget_bytes=gpu_budget,
        total_budget_bytes=total_budget,
        context=context,
        kv_estimated=estimated,
    )


CONTEXT_CHOICES = (4096, 8192, 16384, 32768, 65536, 131072, 262144)
"""Context sizes a person can pick for a conversation (powers of two, as Ollama's own)."""


def fits_by_context(
    machine: Machine,
    weights_bytes: int,
    architecture: Architecture | None,
    model_max: int | None = None,
    contexts: tuple[int, ...] = CONTEXT_CHOICES,
) -> list[Fit]:
    """The fit at each context up to the model's maximum: what raising a conversation's
    ``num_ctx`` costs in memory (the KV cache grows linearly with the context) and where
    it stops fitting on the GPU. For the context picker and the "outgrowing" warning."""
    usable = [c for c in contexts if model_max is None or c <= model_max]
    if model_max is not None and model_max not in usable and model_max < max(contexts):
        usable.append(model_max)
    return [estimate_fit(machine, weights_bytes, architecture, context) for context in usable]
