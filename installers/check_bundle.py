"""Smoke-test a built Hearth executable on any OS (used by the macOS/Windows workflow).

usage: python installers/check_bundle.py EXECUTABLE [--screenshot PNG]

Starts the fake Ollama (tests/fakes, standard library only) on 127.0.0.1, then runs
EXECUTABLE --version, doctor, and --smoke-test (the real window, offscreen, a Chinese
message typed and the reply stored) with a throwaway HEARTH_DATA_DIR, and checks the
stored reply in the SQLite file is exactly what the server sent. On Linux the fuller
checks are tests/installers/ (pytest); this is their portable core.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens  # noqa: E402

REPLY = "你好！我是运行在你电脑上的本地模型。繁體字也可以：「謝謝」。"
MESSAGE = "你好，请用一句话介绍你自己。"


def run(executable: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [executable, *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    print(f"$ hearth {' '.join(args)}  -> {result.returncode}\n{result.stdout}{result.stderr}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("executable")
    parser.add_argument("--screenshot", default=None)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="hearth-check-"))
    failures = []
    with FakeOllama() as fake:
        fake.chat_scripts = [ChatScript(tokens=split_tokens(REPLY))]
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))},
            "HEARTH_DATA_DIR": str(data),
            "OLLAMA_HOST": fake.url,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONIOENCODING": "utf-8",
        }
        version = run(args.executable, "--version", env=env)
        if version.returncode != 0 or not version.stdout.startswith("Hearth "):
            failures.append("--version")
        doctor = run(args.executable, "doctor", env=env)
        if "Ollama: running" not in doctor.stdout:
            failures.append("doctor did not reach the fake Ollama")
        started = time.time()
        smoke_args = ["--smoke-test", "--message", MESSAGE]
        if args.screenshot:
            smoke_args += ["--screenshot", args.screenshot]
        smoke = run(args.executable, *smoke_args, env=env)
    if smoke.returncode != 0:
        failures.append("--smoke-test")
    else:
        report = json.loads(smoke.stdout.strip().splitlines()[-1])
        print(f"start-up: {report['shown_at'] - started:.2f} s to the window shown")
        with sqlite3.connect(data / "hearth.sqlite3") as conn:
            rows = conn.execute("SELECT role, content FROM messages ORDER BY id").fetchall()
        if rows != [("user", MESSAGE), ("assistant", REPLY)]:
            failures.append(f"stored messages are {rows!r}")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
