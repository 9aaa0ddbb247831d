"""What this machine has for running models: GPUs, unified memory, RAM, disk.

Measured, not configured: NVIDIA GPUs through NVML (``nvidia-ml-py`` provides the
``pynvml`` module), Apple Silicon through ``sysctl`` and psutil, free disk on the volume
where Ollama keeps its models. A machine without an NVIDIA driver is normal — most
laptops — so that is reported as a status line, never raised.
"""

from __future__ import annotations

import logging
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.sizes import format_bytes

log = logging.getLogger(__name__)

LINUX_SERVICE_MODELS_DIR = Path("/usr/share/ollama/.ollama/models")
"""Where the official Linux install script's systemd service keeps models."""


@dataclass(frozen=True)
class Gpu:
    name: str
    total_vram_bytes: int
    free_vram_bytes: int
    driver_version: str


@dataclass(frozen=True)
class Machine:
    gpus: tuple[Gpu, ...]
    nvidia_status: str
    """Translated: "" when GPUs were found, else why not (no GPU, no driver, ...)."""
    apple_chip: str | None
    """E.g. "Apple M2 Ultra" on Apple Silicon; None elsewhere."""
    unified_memory_bytes: int | None
    """Apple Silicon: memory shared by CPU and GPU; None elsewhere."""
    ram_total_bytes: int
    ram_available_bytes: int
    models_dir: Path
    disk_free_bytes: int | None
    """Free space on the volume holding ``models_dir``; None if it cannot be measured."""

    @property
    def free_vram_bytes(self) -> int:
        return sum(gpu.free_vram_bytes for gpu in self.gpus)

    @property
    def total_vram_bytes(self) -> int:
        return sum(gpu.total_vram_bytes for gpu in self.gpus)


def _text(value: object) -> str:
    """NVML returns ``str`` in current bindings and ``bytes`` in old ones."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _nvml_error_status(nvml: Any, exc: Exception) -> str:
    library_missing = getattr(nvml, "NVMLError_LibraryNotFound", None)
    if isinstance(library_missing, type) and isinstance(exc, library_missing):
        return translate("Hardware", "no NVIDIA GPU (NVIDIA driver not found)")
    not_loaded = getattr(nvml, "NVMLError_DriverNotLoaded", None)
    if isinstance(not_loaded, type) and isinstance(exc, not_loaded):
        return translate("Hardware", "NVIDIA driver installed but not loaded")
    return translate("Hardware", "NVIDIA GPU could not be read: {reason}").format(reason=exc)


def probe_gpus(nvml: Any) -> tuple[tuple[Gpu, ...], str]:
    """NVIDIA GPUs and a status line ("" when at least one was found)."""
    try:
        nvml.nvmlInit()
    except Exception as exc:  # noqa: BLE001 - every NVML failure is a status, not a crash
        return (), _nvml_error_status(nvml, exc)
    try:
        driver = _text(nvml.nvmlSystemGetDriverVersion())
        gpus = []
        for index in range(int(nvml.nvmlDeviceGetCount())):
            handle = nvml.nvmlDeviceGetHandleByIndex(index)
            memory = nvml.nvmlDeviceGetMemoryInfo(handle)
            gpus.append(
                Gpu(
                    name=_text(nvml.nvmlDeviceGetName(handle)),
                    total_vram_bytes=int(memory.total),
                    free_vram_bytes=int(memory.free),
                    driver_version=driver,
                )
            )
    except Exception as exc:  # noqa: BLE001 - a half-working driver is still a status
        log.warning("NVML query failed: %s", exc)
        return (), _nvml_error_status(nvml, exc)
    finally:
        try:
            nvml.nvmlShutdown()
        except Exception:  # nothing useful to do if shutdown fails
            log.debug("nvmlShutdown failed", exc_info=True)
    if not gpus:
        return (), translate("Hardware", "no NVIDIA GPU")
    return tuple(gpus), ""


def _apple_chip() -> str | None:
    if sys.platform != "darwin" or platform.machine() != "arm64":
        return None
    try:
        out = subprocess.run(
            ["sysctl", "-n", "machdep.cpu.brand_string"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "Apple Silicon"
    return out or "Apple Silicon"


def apple_chip() -> str | None:
    """ "Apple M2 Ultra" on Apple Silicon, else None (what the energy estimate keys on)."""
    return _apple_chip()


@dataclass(frozen=True)
class WattEstimate:
    watts: int
    basis: str
    """Untranslated English: where the figure comes from (shown through translate)."""


# Apple's measured wall power for Mac Studio, idle / "Max" (a compute-intensive test that
# maximises processor use), https://support.apple.com/102027 (checked 2026-12-01):
# M1 Max 11/115 W, M1 Ultra 13/215 W, M2 Max 9/145 W, M2 Ultra 10/295 W. Generating text
# keeps the GPU and memory busy but not every CPU core, so the estimate is half of Max
# (an assumption, marked as estimated wherever it is used; measure it to replace it).
# M3 Ultra and M4 Max are not on the versions of that page found: they take their class's
# figure (Ultra: M2 Ultra's, Max: M2 Max's). Unknown Apple chips: the Max class.
_APPLE_MAX_WATTS = {
    "M1 Max": 115,
    "M1 Ultra": 215,
    "M2 Max": 145,
    "M2 Ultra": 295,
}


def apple_generation_watts(chip: str | None) -> WattEstimate | None:
    """A per-machine estimate of power while generating, for Apple Silicon; else None."""
    if not chip:
        return None
    for name, max_watts in _APPLE_MAX_WATTS.items():
        if name in chip:
            return WattEstimate(
                max_watts // 2, f"half of Apple's measured maximum for the {name} Mac Studio"
            )
    tier = "M2 Ultra" if "Ultra" in chip else "M2 Max"
    return WattEstimate(
        _APPLE_MAX_WATTS[tier] // 2,
        f"half of Apple's measured maximum for the {tier} Mac Studio (no figure for {chip})",
    )


def ollama_models_dir() -> Path:
    """Where Ollama keeps models: ``OLLAMA_MODELS``, else its default location.

    The Linux install script runs Ollama as the ``ollama`` user with models under
    /usr/share/ollama; someone running ``ollama serve`` themselves uses ~/.ollama. When
    only the service directory exists, that is where the models are.
    """
    override = os.environ.get("OLLAMA_MODELS")
    if override:
        return Path(override).expanduser()
    home_dir = Path.home() / ".ollama" / "models"
    if sys.platform.startswith("linux") and not home_dir.exists():
        try:
            if LINUX_SERVICE_MODELS_DIR.exists():
                return LINUX_SERVICE_MODELS_DIR
        except OSError:
            pass
    return home_dir


def disk_free_bytes(path: Path) -> int | None:
    """Free bytes on the volume that holds ``path`` (or its nearest existing parent)."""
    probe = path
    while True:
        try:
            if probe.exists():
                return shutil.disk_usage(probe).free
        except OSError:
            return None
        if probe.parent == probe:
            return None
        probe = probe.parent


def _default_nvml() -> Any:
    with serial_imports:
        import pynvml

    return pynvml


def probe_machine(nvml: object | None = None) -> Machine:
    """Measure this machine. ``nvml`` defaults to the ``pynvml`` module (tests inject)."""
    gpus, status = probe_gpus(nvml if nvml is not None else _default_nvml())
    with serial_imports:  # ~10 ms; this module is imported with the window, probed later
        import psutil

    memory = psutil.virtual_memory()
    chip = _apple_chip()
    models_dir = ollama_models_dir()
    return Machine(
        gpus=gpus,
        nvidia_status=status,
        apple_chip=chip,
        unified_memory_bytes=int(memory.total) if chip else None,
        ram_total_bytes=int(memory.total),
        ram_available_bytes=int(memory.available),
        models_dir=models_dir,
        disk_free_bytes=disk_free_bytes(models_dir),
    )


def describe_machine(machine: Machine) -> list[str]:
    """Plain lines for ``hearth doctor`` and the "This machine" panel."""
    lines: list[str] = []
    if machine.gpus:
        for gpu in machine.gpus:
            lines.append(
                translate(
                    "Hardware", "GPU: {name}, {free} free of {total} VRAM (driver {driver})"
                ).format(
                    name=gpu.name,
                    free=format_bytes(gpu.free_vram_bytes),
                    total=format_bytes(gpu.total_vram_bytes),
                    driver=gpu.driver_version,
                )
            )
    else:
        lines.append(translate("Hardware", "GPU: {status}").format(status=machine.nvidia_status))
    if machine.apple_chip:
        lines.append(
            translate("Hardware", "Chip: {chip}, {memory} unified memory").format(
                chip=machine.apple_chip, memory=format_bytes(machine.unified_memory_bytes)
            )
        )
    lines.append(
        translate("Hardware", "RAM: {available} available of {total}").format(
            available=format_bytes(machine.ram_available_bytes),
            total=format_bytes(machine.ram_total_bytes),
        )
    )
    lines.append(
        translate("Hardware", "Models folder: {path} ({free} free)").format(
            path=machine.models_dir, free=format_bytes(machine.disk_free_bytes)
        )
    )
    return lines
