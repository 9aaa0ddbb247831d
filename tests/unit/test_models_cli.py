"""``hearth models`` lists every local engine's models, not only Ollama's."""

from __future__ import annotations

import pytest

from app.cli import main
from tests.fakes.local_engines import FakeJan, FakeLlamaCpp, FakeLMStudio
from tests.fakes.ollama_registry import FakeRegistry
from tests.fakes.ollama_server import FakeOllama


def test_without_ollama_the_other_engines_are_listed(
    dead_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeLlamaCpp(n_ctx=8192) as llama, FakeLMStudio() as lm:
        code = main(
            ["models", "--host", dead_url, "--address", llama.root_url, "--address", lm.root_url]
        )
    captured = capsys.readouterr()
    assert code == 0
    assert "Ollama is not running" in captured.err
    lines = captured.out.splitlines()
    assert lines[0].split() == ["ENGINE", "ADDRESS", "NAME", "CONTEXT"]
    smol = next(line for line in lines if "smollm2" in line)
    assert smol.startswith("llama.cpp") and "8,192" in smol and llama.root_url in smol
    assert any("qwen2.5-7b-instruct" in line and "LM Studio" in line for line in lines)
    assert not any("embed" in line for line in lines)  # embeddings cannot chat


def test_ollama_and_others_together(
    fake_ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeJan() as jan:
        assert main(["models", "--address", jan.root_url]) == 0
    out = capsys.readouterr().out
    assert "llama3.2:latest" in out  # Ollama's table
    # Jan without its key in the keyring: listed with what to do, not hidden.
    assert "API key" in out


def test_catalog_with_exact_sizes_from_the_registry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with FakeRegistry() as registry:
        assert isinstance(registry, FakeRegistry)
        registry.add("qwen3:8b", [("model", 5_225_376_800), ("template", 1_723)])
        code = main(
            ["models", "--catalog", "--use", "chinese", "--exact", "--registry", registry.root_url]
        )
    out = capsys.readouterr().out
    assert code == 0
    qwen3 = next(line for line in out.splitlines() if line.startswith("qwen3:8b"))
    assert "5.2 GB" in qwen3  # exact bytes, formatted
    assert "Sizes of 1 models read from the registry now." in out
    assert "glm4:9b" in out and "5.5GB" in out  # the dated fallback for the rest


def test_pull_from_modelscope_uses_the_catalogs_gguf_repository(
    fake_ollama: FakeOllama, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fakes.ollama_server import PullScript

    mirror = "modelscope.cn/Qwen/Qwen3-8B-GGUF:Q4_K_M"
    fake_ollama.pull_scripts[mirror] = PullScript(
        layers=[("sha256:" + "ab" * 32, 3_000_000)], chunk_bytes=1_000_000
    )
    assert main(["pull", "qwen3:8b", "--source", "modelscope"]) == 0
    out = capsys.readouterr().out
    assert f"Downloading {mirror}" in out and f"{mirror} is ready." in out
    assert fake_ollama.requests_to("/api/pull")[-1].body["model"] == mirror
    # A model without a ModelScope copy comes from the Ollama library, said so.
    fake_ollama.pull_scripts["glm4:9b"] = PullScript(layers=[("sha256:" + "cd" * 32, 1_000)])
    assert main(["pull", "glm4:9b", "--source", "modelscope"]) == 0
    assert "no copy of glm4:9b" in capsys.readouterr().err
