"""Energy probes: NVML paths through a small fake NVML (same function names), the
configured-watts fallback for real (this machine has no NVIDIA driver)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.settings import Settings
from app.ledger.energy import (
    ConfiguredWattsProbe,
    NvmlEnergyProbe,
    NvmlPowerProbe,
    make_energy_probe,
    probe_for,
)
from app.ledger.settings import CONFIGURED_WATTS


class NotSupportedError(Exception):
    """Stands in for pynvml.NVMLError_NotSupported."""


class FakeNvml:
    """Two GPUs; energy counters in mJ and power in mW, as NVML reports them."""

    def __init__(self, *, energy: bool = True, power: bool = True, init_fails: bool = False):
        self.energy_supported = energy
        self.power_supported = power
        self.init_fails = init_fails
        self.counters = [1_000_000, 5_000_000]
        self.milliwatts = [150_000, 100_000]

    def nvmlInit(self) -> None:
        if self.init_fails:
            raise OSError("NVML Shared Library Not Found")

    def nvmlDeviceGetCount(self) -> int:
        return 2

    def nvmlDeviceGetHandleByIndex(self, index: int) -> int:
        return index

    def nvmlDeviceGetTotalEnergyConsumption(self, handle: int) -> int:
        if not self.energy_supported:
            raise NotSupportedError("Not Supported")
        return self.counters[handle]

    def nvmlDeviceGetPowerUsage(self, handle: int) -> int:
        if not self.power_supported:
            raise NotSupportedError("Not Supported")
        return self.milliwatts[handle]


def test_energy_counter_is_read_before_and_after_and_summed_over_gpus() -> None:
    nvml = FakeNvml()
    probe = probe_for(nvml, Decimal(200))
    assert isinstance(probe, NvmlEnergyProbe)
    handle = probe.begin()
    nvml.counters[0] += 12_500  # 12.5 J on GPU 0
    nvml.counters[1] += 7_500  # 7.5 J on GPU 1
    assert probe.end(handle, wall_seconds=3.0) == (20.0, "nvml-energy")


def test_power_samples_are_integrated_when_the_counter_is_not_supported() -> None:
    nvml = FakeNvml(energy=False)
    probe = probe_for(nvml, Decimal(200))
    assert isinstance(probe, NvmlPowerProbe)
    probe = NvmlPowerProbe(nvml, [0, 1], interval_s=0.01)
    began = time.perf_counter()
    handle = probe.begin()
    time.sleep(0.3)
    joules, source = probe.end(handle, wall_seconds=0.3)
    elapsed = time.perf_counter() - began
    assert source == "nvml-power"
    # A constant 250 W (150 + 100) over the sampled time
    assert joules == pytest.approx(250 * elapsed, rel=0.15)


def test_configured_watts_when_nvml_cannot_start() -> None:
    probe = probe_for(FakeNvml(init_fails=True), Decimal(300))
    assert isinstance(probe, ConfiguredWattsProbe)
    # 300 W × 2.5 s = 750 J, marked as estimated from configured watts
    assert probe.end(probe.begin(), 2.5) == (750.0, "configured-watts")


def test_configured_watts_when_neither_energy_nor_power_is_readable() -> None:
    probe = probe_for(FakeNvml(energy=False, power=False), Decimal(100))
    assert isinstance(probe, ConfiguredWattsProbe)


def test_this_machine_without_a_gpu_falls_back_to_the_configured_wattage(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set(CONFIGURED_WATTS, Decimal(65))
    probe = make_energy_probe(settings)  # real pynvml: no driver here
    assert isinstance(probe, ConfiguredWattsProbe)
    assert probe.end(probe.begin(), 2.0) == (130.0, "configured-watts")


def test_a_changed_wattage_applies_from_the_next_reply(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    probe = make_energy_probe(settings, nvml=FakeNvml(init_fails=True))
    settings.set(CONFIGURED_WATTS, Decimal(50))
    assert probe.end(probe.begin(), 2.0) == (100.0, "configured-watts")
