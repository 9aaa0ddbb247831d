"""How much energy a local reply used, measured when the hardware allows.

In order of preference (each record says which was used):

1. ``nvml-energy``: NVIDIA's total-energy counter (``nvmlDeviceGetTotalEnergyConsumption``,
   millijoules, Volta and newer), read before and after the request, summed over GPUs.
2. ``nvml-power``: power samples (``nvmlDeviceGetPowerUsage``, milliwatts) taken by a
   sampling thread during the request and integrated over time.
3. ``apple-ioreport``: Apple Silicon's IOReport energy counters (CPU, GPU, ANE, DRAM),
   read without sudo through ``zeus-apple-silicon`` (installed on macOS arm64 only).
4. ``machine-default``: on Apple Silicon without the counters, a per-machine estimate of
   the power while generating (``app.hardware.apple_generation_watts``) × wall time,
   unless the person set their own wattage. An estimate, and marked as one.
5. ``configured-watts``: the wattage the person configured × the request's wall time
   (AMD, machines without NVML). An estimate, and marked as one.

NVML and the Apple monitor are injected so tests pass small fakes with the same names.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.core.lazy import serial_imports
from app.core.settings import Settings
from app.hardware import apple_chip, apple_generation_watts
from app.ledger.settings import CONFIGURED_WATTS

log = logging.getLogger(__name__)

SOURCE_ENERGY = "nvml-energy"
SOURCE_POWER = "nvml-power"
SOURCE_CONFIGURED = "configured-watts"
SOURCE_APPLE = "apple-ioreport"
SOURCE_MACHINE = "machine-default"
MEASURED_SOURCES = (SOURCE_ENERGY, SOURCE_POWER, SOURCE_APPLE)
ESTIMATED_SOURCES = (SOURCE_CONFIGURED, SOURCE_MACHINE)


class ConfiguredWattsProbe:
    """Configured watts × wall time: an estimate for machines Hearth cannot measure.

    ``watts`` may be a callable, read at the end of each reply, so a changed setting
    applies from the next reply on.
    """

    def __init__(
        self,
        watts: Decimal | float | Callable[[], Decimal | float],
        source: str = SOURCE_CONFIGURED,
    ) -> None:
        self._watts = watts
        self.source = source

    @property
    def watts(self) -> float:
        return float(self._watts() if callable(self._watts) else self._watts)

    def begin(self) -> object:
        return None

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        return self.watts * max(0.0, wall_seconds), self.source


class AppleEnergyProbe:
    """IOReport energy counters over the request (``zeus_apple_silicon``'s
    ``AppleEnergyMonitor``: ``begin_window(label)`` / ``end_window(label)`` → metrics in
    millijoules; a field the chip does not report is None)."""

    FIELDS = ("cpu_total_mj", "gpu_mj", "gpu_sram_mj", "ane_mj", "dram_mj")

    def __init__(self, monitor: Any) -> None:
        self._monitor = monitor
        self._lock = threading.Lock()
        self._count = 0

    def begin(self) -> object:
        with self._lock:
            self._count += 1
            label = f"hearth-reply-{self._count}"
        self._monitor.begin_window(label)
        return label

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        if not isinstance(handle, str):
            return None, SOURCE_APPLE
        try:
            metrics = self._monitor.end_window(handle)
        except Exception as exc:  # noqa: BLE001 - IOReport errors vary; a reply must not fail
            log.warning("Apple energy read failed: %s", exc)
            return None, SOURCE_APPLE
        millijoules = sum(float(getattr(metrics, name, None) or 0) for name in self.FIELDS)
        return max(0.0, millijoules) / 1000.0, SOURCE_APPLE


class NvmlEnergyProbe:
    """The GPUs' total-energy counters, read at the start and the end of a request."""

    def __init__(self, nvml: Any, handles: list[Any]) -> None:
        self._nvml = nvml
        self._handles = handles

    def _total_mj(self) -> int:
        return sum(int(self._nvml.nvmlDeviceGetTotalEnergyConsumption(h)) for h in self._handles)

    def begin(self) -> object:
        return self._total_mj()

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        if not isinstance(handle, int):
            return None, SOURCE_ENERGY
        try:
            used_mj = self._total_mj() - handle
        except Exception as exc:  # noqa: BLE001 - NVML errors vary by driver; a reply must not fail
            log.warning("NVML energy read failed: %s", exc)
            return None, SOURCE_ENERGY
        return max(0, used_mj) / 1000.0, SOURCE_ENERGY


@dataclass
class _Sampling:
    stop: threading.Event = field(default_factory=threading.Event)
    joules: float = 0.0
    thread: threading.Thread | None = None


class NvmlPowerProbe:
    """Power samples over the request, integrated with the trapezoid rule."""

    def __init__(self, nvml: Any, handles: list[Any], interval_s: float = 0.1) -> None:
        self._nvml = nvml
        self._handles = handles
        self._interval = interval_s

    def _watts(self) -> float:
        return sum(float(self._nvml.nvmlDeviceGetPowerUsage(h)) for h in self._handles) / 1000.0

    def _run(self, sampling: _Sampling) -> None:
        last_time, last_watts = time.perf_counter(), self._watts()
        while True:
            stopped = sampling.stop.wait(self._interval)
            now = time.perf_counter()
            try:
                watts = self._watts()
            except Exception as exc:  # noqa: BLE001 - keep what was measured so far
                log.warning("NVML power read failed: %s", exc)
                return
            sampling.joules += (last_watts + watts) / 2 * (now - last_time)
            last_time, last_watts = now, watts
            if stopped:
                return

    def begin(self) -> object:
        sampling = _Sampling()
        sampling.thread = threading.Thread(
            target=self._run, args=(sampling,), name="hearth-power", daemon=True
        )
        sampling.thread.start()
        return sampling

    def end(self, handle: object, wall_seconds: float) -> tuple[float | None, str]:
        if not isinstance(handle, _Sampling) or handle.thread is None:
            return None, SOURCE_POWER
        handle.stop.set()
        handle.thread.join(timeout=2)
        return handle.joules, SOURCE_POWER


def _load_nvml() -> Any:
    with serial_imports:
        import pynvml

    return pynvml


def probe_for(
    nvml: Any, watts: Decimal | float | Callable[[], Decimal | float]
) -> NvmlEnergyProbe | NvmlPowerProbe | ConfiguredWattsProbe:
    """The best probe this machine supports (``nvml`` is the pynvml module or a fake)."""
    fallback = ConfiguredWattsProbe(watts)
    try:
        nvml.nvmlInit()
        handles = [nvml.nvmlDeviceGetHandleByIndex(i) for i in range(nvml.nvmlDeviceGetCount())]
    except Exception as exc:  # noqa: BLE001 - no driver, no library, no permission: estimate
        log.info("NVML unavailable (%s); energy is estimated from configured watts", exc)
        return fallback
    if not handles:
        return fallback
    try:
        for handle in handles:
            nvml.nvmlDeviceGetTotalEnergyConsumption(handle)
        return NvmlEnergyProbe(nvml, handles)
    except Exception as exc:  # noqa: BLE001 - NVMLError_NotSupported before Volta
        log.info("GPU energy counter unavailable (%s); sampling power", exc)
    try:
        for handle in handles:
            nvml.nvmlDeviceGetPowerUsage(handle)
        return NvmlPowerProbe(nvml, handles)
    except Exception as exc:  # noqa: BLE001
        log.info("GPU power readings unavailable (%s); using configured watts", exc)
    return fallback


EnergyProbeType = NvmlEnergyProbe | NvmlPowerProbe | AppleEnergyProbe | ConfiguredWattsProbe


def _load_apple_monitor() -> Any:
    with serial_imports:
        from zeus_apple_silicon import AppleEnergyMonitor

    return AppleEnergyMonitor()


def choose_probe(
    *,
    nvml: Any | None,
    apple_monitor: Callable[[], Any] | None,
    apple_chip: str | None,
    watts: Callable[[], Decimal],
    watts_set: Callable[[], bool],
) -> EnergyProbeType:
    """The best probe for this machine: NVIDIA counters or power; on Apple Silicon the
    IOReport counters, else the machine's own estimate unless the person set a wattage;
    else the configured wattage. Every argument is injectable (tests pass fakes)."""
    if apple_chip is None:
        if nvml is None:
            return ConfiguredWattsProbe(watts)
        return probe_for(nvml, watts)
    if apple_monitor is not None:
        try:
            return AppleEnergyProbe(apple_monitor())
        except Exception as exc:  # noqa: BLE001 - no IOReport access, old macOS: estimate
            log.info("Apple energy counters unavailable (%s); estimating", exc)
    estimate = apple_generation_watts(apple_chip)
    if estimate is None or watts_set():
        return ConfiguredWattsProbe(watts)
    return ConfiguredWattsProbe(Decimal(estimate.watts), SOURCE_MACHINE)


def make_energy_probe(settings: Settings, nvml: Any | None = None) -> EnergyProbeType:
    """The energy probe for the chat service, per the EnergyProbe protocol."""

    def watts() -> Decimal:
        return settings.get(CONFIGURED_WATTS)

    chip = apple_chip()
    if chip is None and nvml is None:
        try:
            nvml = _load_nvml()
        except ImportError:
            nvml = None
    return choose_probe(
        nvml=nvml,
        apple_monitor=_load_apple_monitor if chip is not None else None,
        apple_chip=chip,
        watts=watts,
        watts_set=lambda: settings.is_set(CONFIGURED_WATTS),
    )
