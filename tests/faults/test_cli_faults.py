"""The real ``hearth`` command in a subprocess, in broken environments and with bad
input: always a clear message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakes.ollama_server import FakeOllama
from tests.faults.fs import corrupt_page, read_only_folder
from tests.faults.seed import CONVERSATIONS, seed

ROOT = Path(__file__).resolve().parents[2]


def hearth(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": "UTC", **env},
        check=False,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


@pytest.mark.parametrize(
    ("host", "said"),
    [
        ("http://[::1", "malformed"),
        ("http://127.0.0.1:99999", "port must be a number from 1 to 65535"),
        ("127.0.0.1:0", "port must be a number from 1 to 65535"),
        ("ftp://127.0.0.1:11434", "http:// or https://"),
    ],
)
def test_doctor_with_a_bad_ollama_host(host: str, said: str) -> None:
    result = hearth("doctor", OLLAMA_HOST=host)
    assert result.returncode == 2
    assert "OLLAMA_HOST" in result.stderr and said in result.stderr
    assert "Data folder" in result.stdout  # what it could tell, it told


def test_doctor_with_a_bad_host_option() -> None:
    result = hearth("doctor", "--host", "http://[::1")
    assert result.returncode == 2 and "--host" in result.stderr


def test_report_with_a_data_folder_that_cannot_be_created() -> None:
    result = hearth("report", HEARTH_DATA_DIR="/proc/nope")
    assert result.returncode == 1
    assert "/proc/nope" in result.stderr and "HEARTH_DATA_DIR" in result.stderr
    assert result.stdout == ""


def test_report_with_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    result = hearth("report", HEARTH_DATA_DIR=str(blocker))
    assert result.returncode == 1
    assert str(blocker) in result.stderr and "a file is in the way" in result.stderr


def test_report_and_doctor_with_a_read_only_folder(tmp_path: Path) -> None:
    with read_only_folder(tmp_path / "locked") as folder:
        report = hearth("report", HEARTH_DATA_DIR=str(folder))
        doctor = hearth("doctor", HEARTH_DATA_DIR=str(folder), OLLAMA_HOST="http://127.0.0.1:9")
    assert report.returncode == 1 and str(folder) in report.stderr
    assert "read-only" in report.stderr or "permission denied" in report.stderr
    assert doctor.returncode == 1 and str(folder) in doctor.stderr


def test_report_on_a_damaged_database_says_so_and_prints_no_report(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data / "hearth.sqlite3")
    corrupt_page(data / "hearth.sqlite3")

    first = hearth("report", "--month", "2026-11", "--format", "json", HEARTH_DATA_DIR=str(data))

    assert first.returncode == 1
    assert first.stdout == ""  # no report from a database just found damaged
    kept = re.search(r"hearth\.sqlite3\.corrupt-[0-9-]+", first.stderr)
    assert kept is not None and (data / kept.group(0)).exists()
    assert f"{CONVERSATIONS} conversations" in first.stderr
    assert "messages" in first.stderr and "usage records" in first.stderr
    # The next run reports from the recovered database, and says nothing is wrong.
    second = hearth("report", "--month", "2026-11", "--format", "json", HEARTH_DATA_DIR=str(data))
    assert second.returncode == 0, second.stderr
    assert '"local_replies"' in second.stdout


def test_doctor_names_a_damaged_database(tmp_path: Path, fake_ollama: FakeOllama) -> None:
    data = tmp_path / "data"
    seed(data / "hearth.sqlite3")
    healthy = hearth("doctor", HEARTH_DATA_DIR=str(data))
    assert healthy.returncode == 0, healthy.stderr  # Ollama answers, the database is fine
    assert "DAMAGED" not in healthy.stdout
    corrupt_page(data / "hearth.sqlite3")
    damaged = hearth("doctor", HEARTH_DATA_DIR=str(data))
    assert "DAMAGED" in damaged.stdout
    assert damaged.returncode == 1
    assert not list(data.glob("*.corrupt-*"))  # doctor only reads: nothing moved


@pytest.mark.parametrize("action", [["set", "openai"], ["list"], ["delete", "openai"]])
def test_keys_with_a_keyring_backend_that_is_not_installed(action: list[str]) -> None:
    result = hearth(
        "keys", *action, stdin="sk-test\n", PYTHON_KEYRING_BACKEND="nonexistent.module.Keyring"
    )
    assert result.returncode == 1
    assert "keyring backend cannot be loaded" in result.stderr
    assert "PYTHON_KEYRING_BACKEND" in result.stderr
    assert "sk-test" not in result.stderr + result.stdout


@pytest.mark.parametrize("command", [["models"], ["pull", "llama3.2"], ["ask", "hi"]])
@pytest.mark.parametrize("host", ["http://[::1", "http://127.0.0.1:99999"])
def test_every_command_that_talks_to_ollama_refuses_a_bad_host_in_words(
    command: list[str], host: str
) -> None:
    result = hearth(*command, OLLAMA_HOST=host)  # fails on any traceback
    assert result.returncode == 1
    assert "OLLAMA_HOST is not a usable server address" in result.stderr


@pytest.mark.parametrize("command", [["pull"], ["ask", "--model"]])
def test_a_pasted_5000_character_model_name_is_refused_before_anything_is_sent(
    command: list[str], fake_ollama: FakeOllama
) -> None:
    result = hearth(*command, "x" * 5000, *(["hi"] if command[0] == "ask" else []))
    assert result.returncode == 1 and "5000 characters long" in result.stderr
    assert fake_ollama.requests_to("/api/pull") == fake_ollama.requests_to("/api/chat") == []
