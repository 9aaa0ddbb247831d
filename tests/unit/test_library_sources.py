"""Download sources (Ollama, ModelScope, Hugging Face) and exact sizes from the registry
manifest, against a fake registry over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.core.settings import SettingError, Settings
from app.library.catalog import canonical_tag, load_catalog, normalize_pull_name
from app.library.sources import (
    DOWNLOAD_SOURCE,
    download_size,
    manifest_size,
    manifest_url,
    pull_name,
    size_from_manifest,
)
from tests.fakes.ollama_registry import FakeRegistry

# qwen3:8b's layers as the registry lists them: weights, license, template, params.
QWEN3_8B = [("model", 5_225_376_800), ("license", 11_338), ("template", 1_723), ("params", 120)]


@pytest.fixture
def registry() -> Iterator[FakeRegistry]:
    with FakeRegistry() as fake:
        assert isinstance(fake, FakeRegistry)
        fake.add("qwen3:8b", QWEN3_8B)
        fake.add("huihui_ai/qwen3-abliterated:8b", [("model", 5_000_000_000)])
        yield fake


def test_manifest_urls_follow_ollamas_naming() -> None:
    base = "https://registry.ollama.ai/v2"
    assert manifest_url("qwen3:8b") == f"{base}/library/qwen3/manifests/8b"
    assert manifest_url("qwen3") == f"{base}/library/qwen3/manifests/latest"
    assert manifest_url("user/model:tag") == f"{base}/user/model/manifests/tag"
    assert manifest_url("registry.ollama.ai/library/gemma3:4b") == (
        f"{base}/library/gemma3/manifests/4b"
    )
    assert manifest_url("hf.co/Qwen/Qwen3-8B-GGUF:Q4_K_M") is None  # another registry
    assert manifest_url("modelscope.cn/Qwen/Qwen3-8B-GGUF:Q4_K_M") is None


def test_the_exact_size_is_the_sum_of_the_layers(registry: FakeRegistry) -> None:
    with httpx.Client() as client:
        size = manifest_size("qwen3:8b", client, registry.root_url)
        namespaced = manifest_size("huihui_ai/qwen3-abliterated:8b", client, registry.root_url)
    assert size == 5_225_376_800 + 11_338 + 1_723 + 120
    assert namespaced == 5_000_000_000
    assert registry.requests[0].path == "/v2/library/qwen3/manifests/8b"
    assert "manifest.v2+json" in registry.requests[0].headers["accept"]


def test_catalog_sizes_fall_back_when_the_registry_fails(registry: FakeRegistry) -> None:
    catalog = load_catalog()
    qwen3 = catalog.find("qwen3:8b")
    gemma = catalog.find("gemma3:4b")
    assert qwen3 is not None and gemma is not None
    with httpx.Client() as client:
        exact = download_size(qwen3, client, compiled=catalog.compiled, registry=registry.root_url)
        missing = download_size(
            gemma, client, compiled=catalog.compiled, registry=registry.root_url
        )
    assert exact.exact and exact.bytes == sum(size for _kind, size in QWEN3_8B)
    assert not missing.exact and missing.bytes == 3_300_000_000  # "3.3GB", dated
    assert catalog.compiled in missing.source
    offline = download_size(qwen3, None, compiled=catalog.compiled)
    assert not offline.exact and offline.bytes == 5_200_000_000


def test_a_broken_manifest_is_refused() -> None:
    with pytest.raises(ValueError):
        size_from_manifest({"layers": []})
    with pytest.raises(ValueError):
        size_from_manifest({"layers": [{"digest": "sha256:x"}]})
    with pytest.raises(ValueError):
        size_from_manifest({"layers": [{"size": True}]})


def test_the_catalog_has_what_people_ask_for() -> None:
    catalog = load_catalog()
    tags = {canonical_tag(m.tag) for m in catalog.models}
    for wanted in (
        "qwen2.5:7b",
        "qwen2.5:14b",
        "qwen3:4b",
        "qwen3:8b",
        "qwen3:14b",
        "qwen3:32b",
        "qwen2.5vl:7b",
        "llama3.1:8b",
        "deepseek-r1:7b",
        "deepseek-r1:14b",
        "deepseek-coder-v2:16b",
        "glm4:9b",
        "gemma3:4b",
        "gpt-oss:20b",
    ):
        assert wanted in tags, wanted
    vision = catalog.find("qwen2.5vl:7b")
    assert vision is not None and "vision" in vision.capabilities
    chinese = {m.tag.split(":")[0] for m in catalog.for_use("chinese")}
    assert {"qwen2.5", "qwen3", "qwen2.5vl", "glm4", "deepseek-r1", "deepseek-coder-v2"} <= chinese
    assert "llama3.1" not in chinese and "gpt-oss" not in chinese
    assert catalog.compiled == "2026-12-01" and "registry" in catalog.sizes_source


def test_every_mirror_is_a_name_ollama_pull_accepts() -> None:
    catalog = load_catalog()
    mirrored = [m for m in catalog.models if m.mirrors]
    assert len(mirrored) >= 10
    for model in mirrored:
        for source, name in model.mirrors:
            assert source in ("huggingface", "modelscope")
            host = {"huggingface": "hf.co/", "modelscope": "modelscope.cn/"}[source]
            assert name.startswith(host), name
            assert normalize_pull_name(name) == name


def test_pull_name_by_source(tmp_path: Path) -> None:
    catalog = load_catalog()
    qwen3, glm = catalog.find("qwen3:8b"), catalog.find("glm4:9b")
    assert qwen3 is not None and glm is not None
    assert pull_name(qwen3, "ollama") == "qwen3:8b"
    assert pull_name(qwen3, "modelscope") == "modelscope.cn/Qwen/Qwen3-8B-GGUF:Q4_K_M"
    assert pull_name(qwen3, "huggingface") == "hf.co/Qwen/Qwen3-8B-GGUF:Q4_K_M"
    assert pull_name(glm, "modelscope") == "glm4:9b"  # no mirror known: the library tag
    settings = Settings(tmp_path / "s.json")
    assert settings.get(DOWNLOAD_SOURCE) == "ollama"
    settings.set(DOWNLOAD_SOURCE, "modelscope")
    with pytest.raises(SettingError):
        settings.set(DOWNLOAD_SOURCE, "baidu")
