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


# --- Apple Silicon (issue 14): counters without sudo, else a per-machine estimate -------


class FakeAppleMetrics:
    """zeus_apple_silicon.AppleEnergyMetrics: millijoules per part, None when absent."""

    def __init__(self, cpu: float, gpu: float, ane: float | None, dram: float | None) -> None:
        self.cpu_total_mj = cpu
        self.gpu_mj = gpu
        self.gpu_sram_mj = None
        self.ane_mj = ane
        self.dram_mj = dram


class FakeAppleMonitor:
    def __init__(self) -> None:
        self.open: list[str] = []

    def begin_window(self, label: str) -> None:
        assert label not in self.open
        self.open.append(label)

    def end_window(self, label: str) -> FakeAppleMetrics:
        self.open.remove(label)
        return FakeAppleMetrics(cpu=4_000.0, gpu=21_000.0, ane=None, dram=1_500.0)


def _choose(**overrides: object) -> object:
    from app.ledger.energy import choose_probe

    options: dict[str, object] = {
        "nvml": None,
        "apple_monitor": FakeAppleMonitor,
        "apple_chip": "Apple M2 Ultra",
        "watts": lambda: Decimal(200),
        "watts_set": lambda: False,
    }
    options.update(overrides)
    return choose_probe(**options)  # type: ignore[arg-type]


def test_apple_silicon_counters_measure_a_reply_without_sudo() -> None:
    from app.ledger.energy import SOURCE_APPLE, AppleEnergyProbe

    probe = _choose()
    assert isinstance(probe, AppleEnergyProbe)
    first, second = probe.begin(), probe.begin()  # two replies at once: two windows
    assert first != second
    # CPU 4 J + GPU 21 J + DRAM 1.5 J (the ANE reported nothing)
    assert probe.end(first, 3.0) == (26.5, SOURCE_APPLE)
    assert probe.end(second, 3.0) == (26.5, SOURCE_APPLE)


def test_without_the_counters_a_mac_studio_is_estimated_from_its_own_figure() -> None:
    from app.ledger.energy import SOURCE_MACHINE, ConfiguredWattsProbe

    def refused() -> object:
        raise RuntimeError("IOReport: not permitted")

    for chip, watts in [
        ("Apple M2 Ultra", 147),  # half of Apple's measured 295 W maximum, not 200 W
        ("Apple M3 Ultra", 147),  # no Apple figure: the Ultra class's
        ("Apple M4 Max", 72),  # the Max class's: half of 145 W
        ("Apple M1 Max", 57),
    ]:
        probe = _choose(apple_monitor=refused, apple_chip=chip)
        assert isinstance(probe, ConfiguredWattsProbe)
        assert (probe.watts, probe.source) == (watts, SOURCE_MACHINE)
        assert probe.end(probe.begin(), 10.0) == (watts * 10.0, SOURCE_MACHINE)
    # The package is not installed (not darwin/arm64, or removed): the same estimate
    probe = _choose(apple_monitor=None, apple_chip="Apple M2 Max")
    assert isinstance(probe, ConfiguredWattsProbe) and probe.watts == 72


def test_a_wattage_the_person_set_wins_over_the_machine_estimate() -> None:
    from app.ledger.energy import SOURCE_CONFIGURED, ConfiguredWattsProbe

    probe = _choose(apple_monitor=None, watts=lambda: Decimal(90), watts_set=lambda: True)
    assert isinstance(probe, ConfiguredWattsProbe)
    assert (probe.watts, probe.source) == (90, SOURCE_CONFIGURED)


def test_elsewhere_nvml_then_the_configured_wattage() -> None:
    from app.ledger.energy import ConfiguredWattsProbe, NvmlEnergyProbe

    assert isinstance(_choose(apple_chip=None, nvml=FakeNvml()), NvmlEnergyProbe)
    plain = _choose(apple_chip=None, nvml=None)
    assert isinstance(plain, ConfiguredWattsProbe) and plain.watts == 200


def test_apple_measured_rows_count_as_measured_in_the_report(tmp_path: Path) -> None:
    from app.ledger.report import build_month_report
    from app.ledger.settings import LedgerConfig
    from tests.unit.ledger_seed import at, local, seeded

    rows = [
        local(at("2026-11-02T10:00:00"), 1000, 100, energy_j=26.5, source="apple-ioreport"),
        local(at("2026-11-02T11:00:00"), 1000, 100, energy_j=1470.0, source="machine-default",
              wall_ms=10_000.0),
    ]  # fmt: skip
    conn = seeded(tmp_path / "db.sqlite3", rows)
    report = build_month_report(conn, "2026-11", LedgerConfig(), now=at("2026-12-01T00:00:00"))
    assert (report.counts.energy_measured, report.counts.energy_configured) == (1, 1)
    assert report.reconciliation is not None
    assert report.reconciliation.recorded_watts == (Decimal(147),)
    conn.close()
