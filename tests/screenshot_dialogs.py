"""Screenshots of the dialogs (savings report, calculator, library, send to cloud).

    xvfb-run -a .venv/bin/python -m tests.screenshot_dialogs OUTDIR

Seeds a month of local and cloud usage in a temporary data dir, in CNY, so the report has
something to show, then opens each dialog for real and saves a PNG of it.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from tests.fakes.ollama_server import FakeOllama
from tests.shot_window import open_window, pump


def seed(writer) -> None:  # type: ignore[no-untyped-def]
    from app.storage import repo
    from app.storage.records import UsageRecord

    rng = random.Random(7)
    now = datetime.now(UTC)
    start = now.replace(day=1, hour=8, minute=0, second=0, microsecond=0)
    records = []
    moment = start - timedelta(days=60)
    while moment < now:
        local = rng.random() > 0.08
        context = rng.randint(800, 9000)
        output = rng.randint(150, 900)
        records.append(
            UsageRecord(
                ts=moment,
                engine="ollama" if local else "anthropic",
                provider="ollama" if local else "anthropic",
                model=rng.choice(["qwen2.5:14b", "llama3.1:8b", "gemma3:12b"])
                if local
                else "claude-sonnet-4-5",
                is_local=local,
                outcome="ok",
                context_tokens=context,
                output_tokens_estimate=output,
                output_tokens=output,
                input_tokens=context,
                wall_ms=output * 25.0,
                energy_j=output * 25.0 / 1000 * 320 if local else None,
                energy_source="nvml-energy" if local else "",
                cost_usd=None if local else Decimal(context * 3 + output * 15) / 1_000_000,
                price_source="" if local else "genai-prices: Anthropic Claude Sonnet 4.5",
            )
        )
        moment += timedelta(minutes=rng.randint(20, 160))
    writer.call(lambda conn: repo.record_usage_many(conn, records))


def main(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HEARTH_DATA_DIR"] = tempfile.mkdtemp(prefix="hearth-shots-")
    theme = os.environ.get("HEARTH_SHOT_THEME", "light")
    fake = FakeOllama()
    fake.start()
    os.environ["OLLAMA_HOST"] = fake.url

    from app.ledger.settings import CURRENCY, FX_RATE, HARDWARE_COST

    def prepare(ctx) -> None:  # type: ignore[no-untyped-def]
        ctx.settings.set(CURRENCY, "CNY")
        ctx.settings.set(FX_RATE, Decimal("7.2"))
        ctx.settings.set(HARDWARE_COST, Decimal("14999"))
        seed(ctx.writer)

    window = open_window(theme, (1100, 760), prepare)
    pump(1500)

    def shoot(action_name: str, filename: str, wait_ms: int = 2500) -> None:
        from PySide6.QtGui import QAction

        before = set(QApplication.topLevelWidgets())
        action = window.findChild(QAction, action_name)
        assert action is not None, action_name
        action.trigger()
        pump(wait_ms)
        new = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
        target: QWidget = new[0] if new else window
        target.grab().save(str(out / f"{filename}-{theme}.png"))
        target.close()

    window.grab().save(str(out / f"window-tally-{theme}.png"))
    shoot("action_savings_report", "report")
    shoot("action_break_even", "calculator")
    shoot("action_model_library", "library")
    window.close()
    fake.stop()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
