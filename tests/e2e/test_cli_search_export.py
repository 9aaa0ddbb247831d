"""``hearth search``, ``hearth export`` and ``hearth import`` as a person runs them: a
subprocess on a real data dir (the 0.1.0 release's, upgraded on the way)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"


def hearth(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TZ": "UTC", "QT_QPA_PLATFORM": "offscreen"},
        check=False,
        cwd=cwd,
    )


@pytest.fixture
def old_data(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    for item in FIXTURE.iterdir():
        shutil.copy(item, data_dir / item.name)
    return data_dir


def test_search_prints_conversation_time_and_snippet(old_data: Path) -> None:
    run = hearth("search", "天空", "--limit", "3")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 6  # three matches, two lines each
    assert lines[0].startswith("长对话 — a long one · ")
    assert "message 1199" in lines[0]
    assert lines[1].strip() == "第 599 个问题：为什么[天空]是蓝色的？ #599"
    assert "Traceback" not in run.stderr


def test_search_json_short_terms_and_nothing_found(old_data: Path) -> None:
    run = hearth("search", "--json", "蓝")  # one character: the LIKE fallback
    assert run.returncode == 0, run.stderr
    first = json.loads(run.stdout.splitlines()[0])
    assert first["conversation"] == "长对话 — a long one" and "[蓝]" in first["snippet"]
    missing = hearth("search", "nothing-like-this")
    assert missing.returncode == 1 and missing.stdout == ""
    assert "Nothing found" in missing.stderr
    for hostile in ('"', "*", "AND", "NEAR(", "'; DROP TABLE messages;--"):
        run = hearth("search", hostile)
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, hostile
    dashed = hearth("search", "--", "-O2")  # argparse's way to a term starting with "-"
    assert dashed.returncode == 1 and "Traceback" not in dashed.stderr


def test_search_into_a_closed_pipe_is_not_an_error(old_data: Path) -> None:
    shell = subprocess.run(
        f"{sys.executable} -m app search 天空 --limit 500 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert "Traceback" not in shell.stderr and "went wrong" not in shell.stderr


def test_export_every_format_and_import_back(old_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    for fmt in ("md", "html", "json", "pdf"):
        run = hearth(
            "export", "--conversation", "2", "--format", fmt, "--out", str(out / f"c.{fmt}")
        )
        assert run.returncode == 0, run.stderr
        assert (out / f"c.{fmt}").stat().st_size > 0
    # conversation 2 of the fixture holds an image: beside the .md, inline in the .html
    assert len(list((out / "c_files").iterdir())) == 1
    assert "data:image/png;base64," in (out / "c.html").read_text(encoding="utf-8")
    assert "Cloud one" in (out / "c.md").read_text(encoding="utf-8")
    imported = hearth("import", str(out / "c.json"))
    assert imported.returncode == 0, imported.stderr
    assert "Imported “Cloud one” as conversation" in imported.stdout
    new_id = imported.stdout.rsplit(" ", 1)[-1].strip(" .\n")
    again = hearth("export", "--conversation", new_id, "--format", "json")
    original = json.loads((out / "c.json").read_text(encoding="utf-8"))["conversation"]
    copy = json.loads(again.stdout)["conversation"]
    assert copy["messages"] == original["messages"]
    found = hearth("search", "--json", "orange square")
    conversations = {json.loads(line)["conversation_id"] for line in found.stdout.splitlines()}
    assert conversations == {2, int(new_id)}


def test_pdf_of_the_chinese_conversation(old_data: Path, tmp_path: Path) -> None:
    import pypdf

    run = hearth(
        "export", "--conversation", "1", "--format", "pdf", "--out", str(tmp_path / "l.pdf")
    )
    assert run.returncode == 0, run.stderr
    reader = pypdf.PdfReader(str(tmp_path / "l.pdf"))
    assert len(reader.pages) > 10  # 1,200 messages
    text = unicodedata.normalize("NFKC", reader.pages[0].extract_text())
    assert "为什么天空是蓝色的" in text.replace(" ", "").replace("\n", "")


def test_export_mistakes_are_explained(old_data: Path, tmp_path: Path) -> None:
    run = hearth("export", "--conversation", "last", "--format", "pdf")
    assert run.returncode == 2 and "--out" in run.stderr
    run = hearth("export", "--conversation", "12345", "--format", "md")
    assert run.returncode == 1 and "no conversation 12345" in run.stderr
    run = hearth("export", "--conversation", "abc")
    assert run.returncode == 1 and "not a conversation id" in run.stderr
    run = hearth(
        "export", "--conversation", "last", "--format", "md", "--out", str(tmp_path / "no" / "x.md")
    )
    assert run.returncode == 1 and "Could not write" in run.stderr
    for content, says in ((b"{broken", "not valid JSON"), (b'{"a": 1}', "not a Hearth")):
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        run = hearth("import", str(bad))
        assert run.returncode == 1 and says in run.stderr
        assert "Traceback" not in run.stderr
    run = hearth("import", str(tmp_path / "missing.json"))
    assert run.returncode == 1 and "Could not read" in run.stderr


def test_last_means_the_latest_conversation(data_dir: Path) -> None:
    run = hearth("export", "--conversation", "last")
    assert run.returncode == 1 and "no conversations yet" in run.stderr
