"""Downloads against the fake Ollama over real HTTP, through the official client."""

from __future__ import annotations

import threading

import pytest

from app.library.pull import PullCancelledError, PullError, PullJob, PullProgress, check_disk_space
from tests.fakes.ollama_server import FakeOllama, PullScript

BIG = "sha256:" + "a1" * 32
SMALL = "sha256:" + "b2" * 32
TINY = "sha256:" + "c3" * 32


def three_layers(**script: object) -> PullScript:
    return PullScript(
        layers=[(BIG, 3_000_000), (SMALL, 2_000_000), (TINY, 500)],
        chunk_bytes=250_000,
        **script,  # type: ignore[arg-type]
    )


def collect(job: PullJob) -> tuple[list[PullProgress], PullProgress]:
    seen: list[PullProgress] = []
    final = job.run(seen.append)
    return seen, final


def test_progress_moves_across_layers_to_success(fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_scripts["qwen-test:7b"] = three_layers(delay=0.02)
    job = PullJob(fake_ollama.url, "qwen-test:7b", expected_bytes=5_000_500)
    seen, final = collect(job)
    assert final.done and final.status == "success"
    assert final.completed_bytes == final.total_bytes == 5_000_500
    assert [layer.digest for layer in final.layers] == [BIG, SMALL, TINY]
    completed = [p.completed_bytes for p in seen]
    assert completed == sorted(completed)
    # The bar does not jump back when a new layer is announced: the catalog size holds it.
    assert all(p.total_bytes == 5_000_500 for p in seen)
    midway = [p for p in seen if 0 < p.fraction < 1]
    assert len(midway) > 10
    assert any(p.status == "pulling " + SMALL[7:19] for p in seen)
    assert any(p.bytes_per_second for p in seen)
    assert fake_ollama.find_model("qwen-test:7b") is not None


def test_cancel_stops_the_download_and_pulling_again_resumes(fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_scripts["big:1b"] = three_layers(delay=0.02)
    job = PullJob(fake_ollama.url, "big:1b")

    def cancel_midway(progress: PullProgress) -> None:
        if progress.completed_bytes >= 1_000_000:
            job.cancel()

    with pytest.raises(PullCancelledError):
        job.run(cancel_midway)
    stopped_at = job.last_progress.completed_bytes if job.last_progress else 0
    assert 1_000_000 <= stopped_at < 5_000_500
    first = fake_ollama.requests_to("/api/pull")[0]
    assert fake_ollama.wait_for(lambda: first.finished)
    assert first.disconnected  # the server saw us go: Ollama stops downloading
    assert fake_ollama.find_model("big:1b") is None

    again = PullJob(fake_ollama.url, "big:1b")
    seen, final = collect(again)
    assert final.done
    first_layer_report = next(p for p in seen if p.layers)
    assert first_layer_report.completed_bytes >= stopped_at  # continued, not restarted
    assert fake_ollama.find_model("big:1b") is not None


def test_a_stall_is_retried_and_the_download_completes(fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_scripts["slow:1b"] = three_layers(
        stall_after_bytes=1_000_000, stall_seconds=30
    )
    job = PullJob(fake_ollama.url, "slow:1b", stall_seconds=0.3, backoff_seconds=0.05)
    seen, final = collect(job)
    assert final.done and final.attempt == 2
    retries = [p for p in seen if p.retrying_in is not None]
    assert len(retries) == 1 and "stalled" in retries[0].status
    assert retries[0].completed_bytes == 1_000_000
    assert len(fake_ollama.requests_to("/api/pull")) == 2


def test_a_dropped_connection_is_retried_too(fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_scripts["flaky:1b"] = three_layers(
        stall_after_bytes=2_000_000, stall_then="close"
    )
    job = PullJob(fake_ollama.url, "flaky:1b", stall_seconds=5, backoff_seconds=0.01)
    _seen, final = collect(job)
    assert final.done and final.attempt == 2


def test_stalling_past_the_retries_gives_a_clear_error(fake_ollama: FakeOllama) -> None:
    # Every progress line takes 5 s to come: no attempt ever gets bytes through in time.
    fake_ollama.pull_scripts["stuck:1b"] = three_layers(delay=5)
    job = PullJob(
        fake_ollama.url, "stuck:1b", stall_seconds=0.2, max_retries=2, backoff_seconds=0.01
    )
    with pytest.raises(PullError) as caught:
        collect(job)
    assert "stopped making progress" in caught.value.message
    assert "3 attempts" in caught.value.message
    assert "continues where it stopped" in caught.value.hint
    assert len(fake_ollama.requests_to("/api/pull")) == 3


def test_an_error_line_mid_stream_is_reported_in_the_servers_words(
    fake_ollama: FakeOllama,
) -> None:
    fake_ollama.pull_scripts["broken:1b"] = three_layers(
        error_after_bytes=1_500_000, error_message="max retries exceeded: unexpected EOF"
    )
    job = PullJob(fake_ollama.url, "broken:1b", stall_seconds=5)
    with pytest.raises(PullError) as caught:
        collect(job)
    assert "max retries exceeded: unexpected EOF" in caught.value.message
    assert len(fake_ollama.requests_to("/api/pull")) == 1  # the server's verdict: no retry


def test_an_unknown_name_says_what_the_server_said(fake_ollama: FakeOllama) -> None:
    with pytest.raises(PullError) as caught:
        collect(PullJob(fake_ollama.url, "no-such-model:7b"))
    assert "file does not exist" in caught.value.message


def test_nothing_listening_says_ollama_is_not_running(dead_url: str) -> None:
    with pytest.raises(PullError) as caught:
        collect(PullJob(dead_url, "llama3.2"))
    assert "not running" in caught.value.message


def test_cancel_during_a_silent_stall_returns_promptly(fake_ollama: FakeOllama) -> None:
    fake_ollama.pull_scripts["quiet:1b"] = three_layers(stall_after_bytes=500_000, stall_seconds=30)
    job = PullJob(fake_ollama.url, "quiet:1b", stall_seconds=60)
    timer = threading.Timer(0.5, job.cancel)
    timer.start()
    with pytest.raises(PullCancelledError):
        collect(job)
    timer.join()
    pull = fake_ollama.requests_to("/api/pull")[0]
    assert pull.lines_sent >= 2


def test_disk_check_refuses_before_downloading() -> None:
    with pytest.raises(PullError) as caught:
        check_disk_space("llama3.3:70b", 43_000_000_000, 20_000_000_000)
    assert "Not enough free disk space for llama3.3:70b" in caught.value.message
    assert "43.0 GB" in caught.value.message and "20.0 GB" in caught.value.message
    check_disk_space("llama3.2", 2_000_000_000, 20_000_000_000)
    check_disk_space("any", None, 10)  # unknown size: nothing to check
