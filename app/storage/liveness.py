"""Which process is writing a reply, and whether it still runs.

Several Hearth processes can share one data dir: the window and any number of
``hearth ask``. A reply's writer is named by host, process id and the process's start
time (a pid alone can be reused after a reboot or a long uptime).
"""

from __future__ import annotations

import functools
import os
import socket
import sqlite3

from app.core.lazy import serial_imports

_SAME_START_S = 1.0  # psutil reads the start time from the kernel in clock ticks


@functools.cache
def this_process() -> tuple[str, int, float]:
    with serial_imports:
        import psutil

    return socket.gethostname(), os.getpid(), psutil.Process().create_time()


def is_running(host: str, pid: int, started: float) -> bool:
    """Whether that process is still alive. A writer on another host cannot be checked
    from here: it is taken for alive, and its reply left alone."""
    if host != socket.gethostname():
        return True
    with serial_imports:
        import psutil

    try:
        return abs(psutil.Process(pid).create_time() - started) < _SAME_START_S
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except psutil.AccessDenied:
        return True  # it exists; someone else's process is not ours to judge


def claim(conn: sqlite3.Connection, message_id: int) -> None:
    """Record this process as the writer of a reply (inside the caller's transaction)."""
    host, pid, started = this_process()
    conn.execute(
        "INSERT OR REPLACE INTO live_replies (message_id, host, pid, process_started)"
        " VALUES (?, ?, ?, ?)",
        (message_id, host, pid, started),
    )


def written_elsewhere(conn: sqlite3.Connection, message_id: int) -> bool:
    """Whether a process other than this one, still running, is writing that reply."""
    row = conn.execute(
        "SELECT host, pid, process_started FROM live_replies WHERE message_id = ?",
        (message_id,),
    ).fetchone()
    if row is None:
        return False  # written before this was recorded, or its writer's row is gone
    host, pid, started = row[0], int(row[1]), float(row[2])
    if (host, pid) == this_process()[:2]:
        return False  # ours: at start-up nothing of ours streams yet
    return is_running(host, pid, started)
