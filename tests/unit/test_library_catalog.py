"""The shipped catalog parses, its facts are consistent, and free-text names are checked."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import KnownError
from app.library.catalog import (
    USES,
    canonical_tag,
    catalog_path,
    load_catalog,
    normalize_pull_name,
    parse_size,
)


def test_sizes_are_decimal_like_ollama_prints_them() -> None:
    assert parse_size("4.7GB") == 4_700_000_000
    assert parse_size("815MB") == 815_000_000
    assert parse_size("43GB") == 43_000_000_000
    with pytest.raises(ValueError):
        parse_size("about 5 gigs")


def test_catalog_loads_from_the_source_tree_with_every_use_covered() -> None:
    assert catalog_path().parent.name == "resources"
    catalog = load_catalog()
    assert date.fromisoformat(catalog.compiled)
    assert "ollama" in catalog.sizes_source.lower()
    assert len(catalog.models) >= 10
    for use in USES:
        assert catalog.for_use(use), f"no model for {use}"
    assert catalog.for_use(None) == catalog.models
    tags = [m.tag for m in catalog.models]
    assert len(tags) == len(set(tags))


def test_every_entry_is_complete_and_plausible() -> None:
    for model in load_catalog().models:
        assert ":" in model.tag
        assert model.description_en and model.description_zh
        assert model.description("zh_CN") == model.description_zh
        assert model.description("en_GB") == model.description_en
        assert model.quantization
        assert model.context_length >= 2048
        assert model.uses <= set(USES)
        assert model.capabilities <= {"vision", "tools", "thinking"}
        # A quantized download holds 4–9 bits per parameter (plus a vision projector).
        bits = model.download_bytes * 8 / (model.parameters_billion * 1e9)
        assert 3.5 < bits < 9.5, model.tag
        if "vision" in model.uses:
            assert "vision" in model.capabilities


def test_find_treats_latest_as_implicit() -> None:
    catalog = load_catalog()
    assert canonical_tag("Llama3.1") == "llama3.1:latest"
    assert canonical_tag("hf.co/user/repo") == "hf.co/user/repo:latest"
    assert canonical_tag("host:5000/ns/model") == "host:5000/ns/model:latest"
    model = catalog.find("LLAMA3.1:8b")
    assert model is not None and model.tag == "llama3.1:8b"
    assert catalog.find("nothing-like-this") is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("qwen2.5:7b", "qwen2.5:7b"),
        ("  ollama pull llama3.2 ", "llama3.2"),
        ("ollama run gemma3:4b", "gemma3:4b"),
        (
            "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M",
            "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M",
        ),
        ("https://hf.co/user/repo", "hf.co/user/repo"),
        ("mirror.example.cn:5000/library/qwen2.5:7b", "mirror.example.cn:5000/library/qwen2.5:7b"),
        ("user/model:tag", "user/model:tag"),
    ],
)
def test_free_text_names_are_accepted(typed: str, expected: str) -> None:
    assert normalize_pull_name(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "two words", "model:", "bad|name", "ollama pull "])
def test_bad_names_are_refused_in_plain_words(typed: str) -> None:
    with pytest.raises(KnownError) as caught:
        normalize_pull_name(typed)
    assert "not a model name" in caught.value.message
