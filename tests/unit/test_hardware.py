"""Hardware probing: the real no-GPU path here, the NVML path through a small fake."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import psutil
import pynvml
import pytest

from app.hardware import Gpu, Machine, describe_machine, disk_free_bytes, probe_machine

GB = 1024**3


@dataclass
class _Memory:
    total: int
    free: int
    used: int


class FakeNvml:
    """Same function names as ``pynvml``; two cards, one a 24 GB with 20 GB free."""

    NVMLError_LibraryNotFound = pynvml.NVMLError_LibraryNotFound
    NVMLError_DriverNotLoaded = pynvml.NVMLError_DriverNotLoaded

    def __init__(self, cards: list[tuple[str, int, int]], fail_init: Exception | None = None):
        self.cards = cards
        self.fail_init = fail_init
        self.shut_down = False

    def nvmlInit(self) -> None:
        if self.fail_init is not None:
            raise self.fail_init

    def nvmlShutdown(self) -> None:
        self.shut_down = True

    def nvmlSystemGetDriverVersion(self) -> bytes:
        return b"550.54.14"  # old bindings return bytes; the probe must decode

    def nvmlDeviceGetCount(self) -> int:
        return len(self.cards)

    def nvmlDeviceGetHandleByIndex(self, index: int) -> int:
        return index

    def nvmlDeviceGetName(self, handle: int) -> str:
        return self.cards[handle][0]

    def nvmlDeviceGetMemoryInfo(self, handle: int) -> _Memory:
        _, total, free = self.cards[handle]
        return _Memory(total=total, free=free, used=total - free)


def test_nvml_gpus_are_listed_with_vram_and_driver() -> None:
    fake = FakeNvml([("NVIDIA GeForce RTX 4090", 24 * GB, 20 * GB), ("RTX 3060", 12 * GB, 11 * GB)])
    machine = probe_machine(nvml=fake)
    assert machine.gpus == (
        Gpu("NVIDIA GeForce RTX 4090", 24 * GB, 20 * GB, "550.54.14"),
        Gpu("RTX 3060", 12 * GB, 11 * GB, "550.54.14"),
    )
    assert machine.nvidia_status == ""
    assert machine.free_vram_bytes == 31 * GB
    assert fake.shut_down
    assert "NVIDIA GeForce RTX 4090" in describe_machine(machine)[0]


def test_driver_present_but_no_cards_says_no_gpu() -> None:
    machine = probe_machine(nvml=FakeNvml([]))
    assert machine.gpus == ()
    assert machine.nvidia_status == "no NVIDIA GPU"


def test_driver_not_loaded_is_a_status_not_an_error() -> None:
    fake = FakeNvml([], fail_init=pynvml.NVMLError_DriverNotLoaded())
    machine = probe_machine(nvml=fake)
    assert machine.gpus == ()
    assert "not loaded" in machine.nvidia_status


def test_this_machine_without_nvidia_driver_probes_cleanly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The real pynvml here has no library: a normal machine, not a failure."""
    monkeypatch.setenv("OLLAMA_MODELS", str(tmp_path / "not" / "yet" / "created"))
    machine = probe_machine()
    assert machine.gpus == ()
    assert "no NVIDIA GPU" in machine.nvidia_status
    assert machine.ram_total_bytes == psutil.virtual_memory().total
    assert 0 < machine.ram_available_bytes <= machine.ram_total_bytes
    assert machine.models_dir == tmp_path / "not" / "yet" / "created"
    # Measured on the nearest existing parent, so a fresh install still gets a number.
    assert machine.disk_free_bytes is not None and machine.disk_free_bytes > 0
    lines = describe_machine(machine)
    assert any(line.startswith("GPU: no NVIDIA GPU") for line in lines)
    assert any("Models folder" in line for line in lines)


def test_default_models_dir_is_under_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OLLAMA_MODELS", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".ollama" / "models").mkdir(parents=True)
    assert probe_machine(nvml=FakeNvml([])).models_dir == tmp_path / ".ollama" / "models"


def test_disk_free_of_missing_path_uses_parent(tmp_path: Path) -> None:
    # Other processes write to the same disk between the two reads: equal within 256 MB,
    # where a wrong volume (or 0 for a missing path) would be far off.
    assert abs(disk_free_bytes(tmp_path / "a" / "b") - disk_free_bytes(tmp_path)) < 2**28


def test_apple_machine_describes_unified_memory() -> None:
    machine = Machine(
        gpus=(),
        nvidia_status="no NVIDIA GPU",
        apple_chip="Apple M2 Ultra",
        unified_memory_bytes=64 * 10**9,
        ram_total_bytes=64 * 10**9,
        ram_available_bytes=40 * 10**9,
        models_dir=Path("/Users/x/.ollama/models"),
        disk_free_bytes=500 * 10**9,
    )
    assert "Chip: Apple M2 Ultra, 64.0 GB unified memory" in describe_machine(machine)
