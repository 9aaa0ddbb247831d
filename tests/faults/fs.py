"""File systems that really fail, also for root (who ignores permission bits).

A read-only folder is a read-only bind mount of it (or, where mounting is not allowed,
an immutable folder via ``chattr +i``, or plain permissions for a non-root user). A
full disk is a tmpfs of a few hundred KiB. Each is undone when the test ends; a test
skips, saying why, only when this machine offers none of them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    if shutil.which(command[0]) is None:
        return False
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def _really_read_only(folder: Path) -> bool:
    try:
        (folder / ".probe").write_bytes(b"x")
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    if _run("mount", "--bind", str(folder), str(folder)):
        try:
            if _run("mount", "-o", "remount,ro,bind", str(folder)) and _really_read_only(folder):
                yield folder
                return
        finally:
            _run("umount", str(folder))
    if _run("chattr", "+i", str(folder)):
        try:
            if _really_read_only(folder):
                yield folder
                return
        finally:
            _run("chattr", "-i", str(folder))
    pytest.skip("this machine allows neither a read-only bind mount nor chattr +i")


@contextmanager
def small_filesystem(folder: Path, size_kib: int) -> Iterator[Path]:
    """A tmpfs of ``size_kib`` KiB mounted on ``folder``: writes past it fail with ENOSPC."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _run(
        "mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(folder)
    ):
        pytest.skip("mounting a size-limited tmpfs needs root and mount rights")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> Path:
    """Fill the file system holding ``folder`` to the last byte; returns the filler."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as handle:
        for chunk in (65536, 4096, 512, 1):
            try:
                while handle.write(b"\0" * chunk):
                    pass
            except OSError:
                continue
    return filler


def corrupt_page(path: Path, page: int | None = None, seed: int = 7) -> int:
    """Overwrite one page with random bytes, like dd would. By default the middle page of
    the messages themselves (else of the file): the middle of the file is now the search
    index, whose loss recovery makes good without losing a word, so damage there would
    not show what a person can lose."""
    import random
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        try:
            leaves = [
                int(row[0])
                for row in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf'"
                    " ORDER BY pageno"
                )
            ]
        except sqlite3.DatabaseError:
            leaves = []  # no dbstat in this SQLite, or no messages table
    finally:
        conn.close()
    middle = leaves[len(leaves) // 2] if leaves else count // 2
    number = page if page is not None else middle
    with path.open("r+b") as handle:
        handle.seek((number - 1) * size)  # pages are numbered from 1
        handle.write(random.Random(seed).randbytes(size))
    return number
