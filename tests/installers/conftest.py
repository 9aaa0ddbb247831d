"""Fixtures for testing the BUILT Linux artifacts, not the source tree.

The artifacts come from ``installers/build_linux.sh OUT_DIR``; point ``HEARTH_BUNDLE_OUT``
at OUT_DIR (tests/run_all.py builds them and does). Without it these tests are skipped;
with it, a missing artifact is a failure.

Every run of the bundle gets a clean environment (``env -i`` style): a PATH without any
virtual environment, no PYTHONPATH, a HOME of its own, a working directory outside the
checkout. So what answers is the bundle's own Python, Qt and copy of Hearth.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT_ENV = "HEARTH_BUNDLE_OUT"


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


@dataclass(frozen=True)
class Artifacts:
    tarball: Path
    deb: Path
    version: str


@dataclass(frozen=True)
class Bundle:
    root: Path
    """The unpacked hearth-<version>/ folder."""

    @property
    def executable(self) -> Path:
        return self.root / "hearth"

    @property
    def internal(self) -> Path:
        return self.root / "_internal"


@pytest.fixture(scope="session")
def artifacts() -> Artifacts:
    out = os.environ.get(OUT_ENV)
    if not out:
        pytest.skip(f"set {OUT_ENV} to the folder installers/build_linux.sh wrote")
    version = project_version()
    found = Artifacts(
        tarball=Path(out) / f"hearth-{version}-linux-x86_64.tar.gz",
        deb=Path(out) / f"hearth_{version}_amd64.deb",
        version=version,
    )
    for path in (found.tarball, found.deb):
        assert path.is_file(), f"{path} was not built"
    return found


@pytest.fixture(scope="session")
def bundle(artifacts: Artifacts, tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """The tarball unpacked the way a person would (`tar xzf`), somewhere new."""
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(artifacts.tarball) as archive:
        names = archive.getnames()
        assert all(n.split("/")[0] == f"hearth-{artifacts.version}" for n in names), names[:5]
        archive.extractall(where, filter="tar")
    return Bundle(where / f"hearth-{artifacts.version}")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session would give the app: no Python of ours anywhere."""
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
    env.update(extra)
    return env


def run_bundle(
    executable: Path, *args: str, env: dict[str, str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "home"
    path.mkdir()
    yield path
