"""Benchmark: search over 100,000 messages, and what the index costs a recorded reply.

Run: ``python tests/bench/bench_search.py`` (not collected by pytest). Builds a
temporary database (the real schema, triggers included) with 100,000 messages in 2,000
conversations, mixed Chinese and English, then prints:

- search latency (median and worst of several runs, through the same read-only
  connection the window uses) for English words, Chinese words of 3+ characters, a
  two-term query, a rare term, a common one, quotes and operators, and the 1–2
  character fallback (模型, "AI"), each as a ratio to the 50 ms budget;
- the cost of recording one reply (the placeholder, a checkpoint and the final text
  with its usage, as ChatCore does), with the search triggers and with them dropped
  from a copy of the same database, side by side in one run.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.search.index import search
from app.search.reader import ReadConnections
from app.storage import repo
from app.storage.db import open_database
from app.storage.records import UsageRecord, to_db_time, utc_now

MESSAGES = 100_000
CONVERSATIONS = 2_000
BUDGET_MS = 50.0
EN = str.split(
    "the model answered quickly while the GPU stayed cool and the context window held "
    "every token we needed for tomorrow's report about local inference speed memory "
    "quantization prompt cache latency throughput python sqlite database kitchen recipe"
)
ZH = list("模型推理速度内存量化提示缓存延迟吞吐数据库厨房食谱今天明天报告本地显卡温度上下文窗口")
QUERIES = [
    ("English word", "quantization"),
    ("Chinese 3+ chars", "数据库"),
    ("two terms", "latency quantization"),
    ("rare term", "zebra-crossing"),
    ("common word", "the"),
    ("quotes/operators", '"model" AND -cache*'),
    ("2-char Chinese (LIKE)", "模型"),
    ("2-char Latin, no match", "AI"),
    ("1-char (LIKE)", "厨"),
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return " ".join(rng.choice(EN) for _ in range(rng.randint(8, 60)))
    return "".join(rng.choice(ZH) for _ in range(rng.randint(15, 120))) + "。"


def build(path: Path) -> None:
    conn = open_database(path).connection
    rng = random.Random(16)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    conn.execute("BEGIN")
    for number in range(CONVERSATIONS):
        now = to_db_time(start + timedelta(minutes=number * 30))
        conn.execute(
            "INSERT INTO conversations (title, created_at, updated_at) VALUES (?, ?, ?)",
            (sentence(rng)[:40], now, now),
        )
    rows = []
    for number in range(MESSAGES):
        text = sentence(rng)
        if number % 5000 == 7:
            text += " zebra-crossing"
        rows.append(
            (
                rng.randint(1, CONVERSATIONS),
                "user" if number % 2 == 0 else "assistant",
                text,
                to_db_time(start + timedelta(seconds=number * 60)),
            )
        )
    conn.executemany(
        "INSERT INTO messages (conversation_id, role, content, created_at) VALUES (?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    conn.close()


def time_search(path: Path) -> None:
    reader = ReadConnections(path)
    print(f"search over {MESSAGES:,} messages (budget {BUDGET_MS:.0f} ms):")
    for label, text in QUERIES:
        search(reader.connection(), text)  # warm the page cache, as a second search is
        runs = []
        for _ in range(7):
            began = time.perf_counter()
            results = search(reader.connection(), text)
            runs.append((time.perf_counter() - began) * 1000)
        median = statistics.median(runs)
        print(
            f"  {label:<24} {text!r:<26} {len(results.hits):>3} hits  median {median:6.1f} ms"
            f"  worst {max(runs):6.1f} ms  = {median / BUDGET_MS:.2f} x budget"
            + ("  (newest messages only)" if results.partial else "")
        )
    reader.close()


def record_reply(conn: sqlite3.Connection, conversation_id: int, text: str) -> float:
    """One reply as ChatCore stores it; returns the milliseconds it took."""
    began = time.perf_counter()
    placeholder = repo.add_message(conn, conversation_id, "assistant", "", status="streaming")
    repo.update_message(conn, placeholder.id, content=text[: len(text) // 2], status="streaming")
    conn.execute("BEGIN")
    repo.update_message(conn, placeholder.id, content=text, status="ok")
    repo.record_usage(
        conn,
        UsageRecord(
            ts=utc_now(),
            engine="ollama",
            model="qwen3:8b",
            is_local=True,
            outcome="ok",
            context_tokens=1200,
            output_tokens_estimate=400,
            wall_ms=3000.0,
            conversation_id=conversation_id,
            message_id=placeholder.id,
        ),
    )
    conn.execute("COMMIT")
    return (time.perf_counter() - began) * 1000


def time_recording(path: Path, folder: Path) -> None:
    bare = folder / "no-triggers.sqlite3"
    shutil.copy(path, bare)
    conn_bare = open_database(bare).connection
    for name in ("message_fts_insert", "message_fts_update", "message_fts_delete"):
        conn_bare.execute(f"DROP TRIGGER {name}")
    conn_index = open_database(path).connection
    rng = random.Random(7)
    texts = [" ".join(sentence(rng) for _ in range(12)) for _ in range(200)]  # ~2-8 KB
    with_index, without = [], []
    for number, text in enumerate(texts):  # interleaved, so both see the same machine
        without.append(record_reply(conn_bare, 1 + number % CONVERSATIONS, text))
        with_index.append(record_reply(conn_index, 1 + number % CONVERSATIONS, text))
    a, b = statistics.median(with_index), statistics.median(without)
    print(f"recording a reply ({len(texts)} replies, ~{sum(map(len, texts)) // len(texts)} chars):")
    print(f"  with the search index    median {a:6.2f} ms")
    print(f"  without (triggers off)   median {b:6.2f} ms")
    print(f"  ratio {a / b:.2f}x, {a - b:+.2f} ms a reply")
    conn_bare.close()
    conn_index.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="hearth-bench-search-"))
    try:
        path = folder / "hearth.sqlite3"
        began = time.perf_counter()
        build(path)
        print(f"built {MESSAGES:,} messages in {time.perf_counter() - began:.1f} s")
        time_search(path)
        time_recording(path, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
