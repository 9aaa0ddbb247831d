"""Prices of cloud replies: genai-prices at the request's time, else the person's price."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.chat.service import run_reply
from app.cloud.pricer import CloudPricer, Tokens, price_request, tokens_from_usage
from app.cloud.providers import BASE_URLS
from app.core.settings import Settings
from app.engines.base import ChatMessage, ChatRequest, ReplyUsage
from app.engines.openai_engine import OpenAICompatibleEngine
from app.pricing import PriceUnknownError, quote
from app.pricing.custom import CustomEntry, set_price
from tests.fakes.openai_server import FakeOpenAI, Reply

AT = datetime(2025, 11, 3, 12, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


def test_usage_becomes_genai_prices_tokens_with_cached_included() -> None:
    usage = ReplyUsage(
        input_tokens=100, cached_input_tokens=900, cache_write_tokens=50, output_tokens=20
    )
    assert tokens_from_usage(usage, 0) == Tokens(
        input=1050, output=20, cache_read=900, cache_write=50
    )
    # Nothing reported: the whole context is what the provider bills.
    assert tokens_from_usage(ReplyUsage(), 777) == Tokens(input=777, output=0)


def test_anthropic_price_matches_genai_prices_with_cache_reads(settings: Settings) -> None:
    pricer = CloudPricer(settings)
    usage = ReplyUsage(input_tokens=1000, cached_input_tokens=10_000, output_tokens=500)
    cost, source, currency = pricer("anthropic", "claude-sonnet-4-5", usage, 0, AT)
    assert currency == "USD"
    expected = quote(
        "anthropic",
        "claude-sonnet-4-5",
        input_tokens=11_000,
        output_tokens=500,
        cache_read_tokens=10_000,
        at=AT,
    )
    assert cost == expected.usd
    assert source == "genai-prices: Anthropic Claude Sonnet 4.5"
    # Cached tokens are cheaper than fresh ones: the same total without cache costs more.
    fresh, _, _ = pricer(
        "anthropic", "claude-sonnet-4-5", ReplyUsage(input_tokens=11_000, output_tokens=500), 0, AT
    )
    assert fresh is not None and cost is not None and fresh > cost


def test_presets_map_to_their_genai_prices_provider(settings: Settings) -> None:
    tokens = Tokens(input=1_000_000, output=0)
    for provider_id, model in [
        ("zhipu", "glm-4.7"),
        ("zai", "glm-4.6"),
        ("moonshot", "kimi-k2.5"),
        ("deepseek", "deepseek-chat"),
        ("openrouter", "openai/gpt-5"),
    ]:
        result = price_request(provider_id, model, tokens, AT, settings)
        assert result.usd > 0, provider_id
        assert result.source.startswith("genai-prices: ")


def test_a_price_from_an_earlier_release_still_applies(tmp_path: Path) -> None:
    """The per-provider US-dollar price of release 0.1 becomes a price for every model of
    that provider, in dollars, when the settings file is read: nothing lost."""
    empty = Settings(tmp_path / "empty.json")
    with pytest.raises(PriceUnknownError):
        price_request("qwen", "qwen3.6-plus", Tokens(1000, 1000), AT, empty)
    path = tmp_path / "settings.json"
    values = {"cloud/qwen/input_price_per_mtok": "0.40", "cloud/qwen/output_price_per_mtok": "1.2"}
    path.write_text(json.dumps({"version": 1, "values": values}), encoding="utf-8")
    result = price_request("qwen", "qwen3.6-plus", Tokens(2_000_000, 500_000), AT, Settings(path))
    assert (result.amount, result.currency) == (Decimal("0.80") + Decimal("0.60"), "USD")
    assert "your price" in result.source


def test_qwen_plus_is_priced_from_the_table_in_yuan(settings: Settings) -> None:
    # 2M × ¥0.8 + 0.5M × ¥2 per million (up to 128K of input per request)
    result = price_request("qwen", "qwen-plus", Tokens(2_000_000, 500_000), AT, settings)
    assert (result.amount, result.currency) == (Decimal("2.6"), "CNY")


def test_an_unknown_model_falls_back_to_the_persons_price_or_none(settings: Settings) -> None:
    pricer = CloudPricer(settings)
    usage = ReplyUsage(input_tokens=1000, output_tokens=1000)
    cost, source, _ = pricer("openai", "gpt-from-the-future", usage, 0, AT)
    assert cost is None and "No published price" in source
    set_price(settings, CustomEntry("openai", "*", "USD", Decimal(3), Decimal(0)))
    cost, _, _ = pricer("openai", "gpt-from-the-future", usage, 0, AT)
    assert cost == Decimal("0.003")


def test_local_providers_cost_nothing(settings: Settings) -> None:
    assert price_request("lmstudio", "any", Tokens(10**6, 10**6), AT, settings).usd == 0


def test_a_cloud_reply_through_run_reply_records_its_cost(settings: Settings) -> None:
    with FakeOpenAI() as fake:
        assert isinstance(fake, FakeOpenAI)
        fake.push(
            Reply(tokens=["Hi"], prompt_tokens=5000, cached_tokens=4000, completion_tokens=300)
        )
        settings.set(BASE_URLS["deepseek"], fake.base_url)
        engine = OpenAICompatibleEngine(
            api_key="sk-x0123456789", base_url=fake.base_url, engine_id="deepseek", max_retries=0
        )
        reply = run_reply(
            engine,
            ChatRequest("deepseek-chat", (ChatMessage("user", "hello"),)),
            threading.Event(),
            lambda _text: None,
            provider="deepseek",
            pricer=CloudPricer(settings),
        )
    record = reply.usage
    assert reply.outcome == "ok"
    assert (record.input_tokens, record.cached_input_tokens, record.output_tokens) == (
        1000,
        4000,
        300,
    )
    expected = quote(
        "deepseek",
        "deepseek-chat",
        input_tokens=5000,
        output_tokens=300,
        cache_read_tokens=4000,
        at=record.ts,
    )
    # Since the V4 launch DeepSeek bills in yuan from Hearth's table: kept in yuan
    assert expected.currency == "CNY"
    assert (record.cost_usd, record.cost_amount, record.cost_currency) == (
        None,
        expected.amount,
        "CNY",
    )
    assert record.price_source.startswith("Hearth price table: ")
