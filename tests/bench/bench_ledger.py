"""Benchmark: the monthly savings report over a ledger of 1,000,000 replies.

Run: ``python tests/bench/bench_ledger.py`` (not collected by pytest). Builds a
temporary database with a million usage records spread over two years (local and cloud,
growing conversations, some long contexts past the 200k price tier, measured, configured
and missing energy), then prints:

- the monthly report time (median of several runs, a fresh read-only connection each)
  for the default baseline and for one with off-peak prices (DeepSeek),
  and its ratio to the 200 ms budget;
- the cost of recording one reply through the serial writer (the rollup trigger included).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.ledger.report import build_month_report
from app.ledger.settings import LedgerConfig
from app.ledger.store import open_reader
from app.storage import repo
from app.storage.db import open_database
from app.storage.records import UsageRecord, to_db_time
from app.storage.writer import SerialWriter

RECORDS = 1_000_000
BUDGET_MS = 200.0
END = datetime(2026, 11, 1, tzinfo=UTC)
START = END - timedelta(days=730)
LOCAL_MODELS = ["llama3.1:8b", "qwen2.5:14b", "gemma3:12b", "mistral:7b"]
CLOUD = [("anthropic", "claude-sonnet-4-5"), ("openai", "gpt-4o-mini")]
COLUMNS = (
    "ts, conversation_id, engine, provider, model, is_local, outcome, output_tokens,"
    " context_tokens, output_tokens_estimate, wall_ms, cost_usd, energy_j, energy_source"
)


def generate(rng: random.Random) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    span = (END - START).total_seconds()
    conversation = 0
    while len(rows) < RECORDS:
        conversation += 1
        moment = START + timedelta(seconds=rng.random() * (span - 7200))
        context = rng.randint(50, 2000)
        if rng.random() < 0.01:
            context = rng.randint(180_000, 260_000)  # long contexts: some cross the tier
        local = rng.random() > 0.1
        for _turn in range(rng.randint(1, 20)):
            output = rng.randint(20, 1500)
            wall = output * 25.0
            if local:
                model = rng.choice(LOCAL_MODELS)
                choice = rng.random()
                energy, source = (
                    (wall / 1000 * 280.0, "nvml-energy")
                    if choice < 0.5
                    else (wall / 1000 * 200.0, "configured-watts")
                    if choice < 0.75
                    else (None, "")
                )
                row = (
                    moment,
                    conversation,
                    "ollama",
                    "ollama",
                    model,
                    1,
                    output,
                    context,
                    output,
                    wall,
                    None,
                    energy,
                    source,
                )
            else:
                provider, model = rng.choice(CLOUD)
                cost = str(Decimal(context * 3 + output * 15) / Decimal(1_000_000))
                row = (
                    moment,
                    conversation,
                    provider,
                    provider,
                    model,
                    0,
                    output,
                    context,
                    output,
                    wall,
                    cost,
                    None,
                    "",
                )
            outcome = "failed" if rng.random() < 0.01 else "ok"
            rows.append((to_db_time(row[0]), *row[1:6], outcome, *row[6:]))  # type: ignore[arg-type]
            context += output + rng.randint(20, 400)
            moment += timedelta(seconds=rng.randint(5, 400))
            if len(rows) >= RECORDS:
                break
    rows.sort(key=lambda r: str(r[0]))
    return rows


def build(path: Path) -> float:
    rows = generate(random.Random(4))
    conn = open_database(path).connection
    began = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO usage ({COLUMNS}) VALUES ({', '.join('?' * 14)})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - began
    conn.execute("ANALYZE")
    conn.close()
    return elapsed


# The default baseline; one with off-peak (time-of-day) prices; and DeepSeek V4 Flash from
# Hearth's own table: yuan, price changes mid-day, peak hours on weekdays only.
BASELINES = (
    "anthropic:claude-sonnet-4-5",
    "deepseek:deepseek-chat",
    "deepseek:deepseek-v4-flash",
)


def time_reports(path: Path, month: str, baseline: str, runs: int = 7) -> list[float]:
    config = LedgerConfig(
        baseline_model=baseline,
        hardware_cost=Decimal(2000),
        purchase_date=START.date(),
        amortization_months=36,
    )
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        conn = open_reader(path)
        report = build_month_report(conn, month, config, now=END)
        conn.close()
        timings.append((time.perf_counter() - began) * 1000)
    print(
        f"  {month}: {report.counts.local_replies + report.counts.cloud_replies:,} replies,"
        f" net saved {report.totals.net_saved:.2f} USD, cumulative {report.cumulative_saved:.2f}"
    )
    return timings


def time_recording(path: Path, count: int = 300) -> list[float]:
    writer = SerialWriter(path)
    writer.opened().result(30)
    timings = []
    for turn in range(count):
        record = UsageRecord(
            ts=END - timedelta(minutes=10) + timedelta(seconds=turn),
            engine="ollama",
            provider="ollama",
            model="llama3.1:8b",
            is_local=True,
            outcome="ok",
            context_tokens=1000 + turn * 50,
            output_tokens_estimate=200,
            output_tokens=200,
            wall_ms=4000.0,
            conversation_id=10_000_000,
            energy_j=1100.0,
            energy_source="nvml-energy",
        )
        began = time.perf_counter()
        writer.call(lambda conn, r=record: repo.record_usage(conn, r))  # type: ignore[misc]
        timings.append((time.perf_counter() - began) * 1000)
    writer.close()
    return timings


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        # HEARTH_BENCH_DB=path keeps the database for quick reruns (built if missing).
        kept = os.environ.get("HEARTH_BENCH_DB")
        path = Path(kept) if kept else Path(folder) / "ledger.sqlite3"
        if not path.exists():
            print(f"building {RECORDS:,} usage records over two years ...", flush=True)
            seconds = build(path)
            print(
                f"  bulk insert incl. the ledger triggers: {seconds:.1f} s"
                f" ({seconds / RECORDS * 1e6:.1f} µs per record)"
            )
        worst = 0.0
        for baseline in BASELINES:
            for month in ("2025-06", "2026-10"):
                timings = time_reports(path, month, baseline)
                median = statistics.median(timings)
                worst = max(worst, median)
                print(
                    f"  monthly report {month}, baseline {baseline}: median {median:.1f} ms"
                    f" (min {min(timings):.1f}, max {max(timings):.1f}) over {len(timings)} runs;"
                    f" {median / BUDGET_MS:.2f} × the {BUDGET_MS:.0f} ms budget"
                )
        recording = time_recording(path)
        print(
            f"  recording one reply via the serial writer: median"
            f" {statistics.median(recording):.2f} ms, p95"
            f" {sorted(recording)[int(len(recording) * 0.95)]:.2f} ms (never on the GUI thread)"
        )
        return 0 if worst < BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
