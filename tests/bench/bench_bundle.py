"""Start-up of the built bundle beside the source tree, measured in one run.

usage: python -m tests.bench.bench_bundle BUNDLE_DIR [--rounds 5]
       (BUNDLE_DIR: the unpacked hearth-<version>/ folder, or HEARTH_BUNDLE_OUT's tarball)

Each round spawns the bundle's `hearth --smoke-test` and the source tree's
`python installers/entry.py --smoke-test` (alternating, so both see the same machine
load) against one fake Ollama, each with a fresh data dir, and takes the time from just
before the process is spawned to the moment the main window is shown (the smoke test
prints time.time() there). The first bundle round is reported apart: it is the cold
start, when the bundle's 200 MB are not yet in the page cache.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from tests.fakes.ollama_server import FakeOllama

ROOT = Path(__file__).resolve().parents[2]


def shown_after(cmd: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{result.stdout}{result.stderr}")
    return float(json.loads(result.stdout.strip().splitlines()[-1])["shown_at"]) - started


def bundle_dir(arg: str) -> Path:
    path = Path(arg)
    if path.is_file():  # a tarball: unpack it
        where = Path(tempfile.mkdtemp(prefix="hearth-bench-"))
        with tarfile.open(path) as archive:
            archive.extractall(where, filter="tar")
        return next(where.iterdir())
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bundle = bundle_dir(args.bundle)
    times: dict[str, list[float]] = {"bundle": [], "source": []}
    cold = None
    with FakeOllama() as fake:
        base = {
            "HOME": tempfile.mkdtemp(prefix="hearth-bench-home-"),
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "OLLAMA_HOST": fake.url,
        }
        for i in range(args.rounds + 1):
            for kind in ("bundle", "source"):
                env = {**base, "HEARTH_DATA_DIR": tempfile.mkdtemp(prefix="hearth-bench-")}
                if kind == "bundle":
                    cmd = [str(bundle / "hearth"), "--smoke-test"]
                else:
                    env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{ROOT / 'installers'}"
                    cmd = [sys.executable, str(ROOT / "installers" / "entry.py"), "--smoke-test"]
                seconds = shown_after(cmd, env)
                if i == 0 and kind == "bundle":
                    cold = seconds
                elif i > 0:
                    times[kind].append(seconds)
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if not p.is_symlink())
    b, s = statistics.median(times["bundle"]), statistics.median(times["source"])
    print(f"bundle unpacked: {size / 1e6:.0f} MB")
    print(f"first bundle start (cold-ish): {cold:.2f} s")
    print(
        f"start to window shown, median of {args.rounds}: bundle {b:.2f} s "
        f"(range {min(times['bundle']):.2f}-{max(times['bundle']):.2f}), "
        f"source tree {s:.2f} s; bundle / source = {b / s:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
