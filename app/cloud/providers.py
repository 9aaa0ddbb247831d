"""Provider presets: who Hearth can send a conversation to, and where they live.

Every base URL below was looked up in the provider's own documentation (or, for local
servers, the server's documentation of its default port); the source is noted next to
each. A person can override any base URL in Settings (``cloud/<id>/base_url``), which is
also how tests point the real SDKs at local fake servers.

``prices_id`` is the provider id in ``genai-prices`` and in Hearth's own price table
(``resources/prices.json``, which adds Qwen on DashScope and DeepSeek in yuan). A model
neither lists is priced from the person's own price per model (``app.pricing.custom``;
earlier releases' per-provider dollar prices are moved there by the settings upgrade).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlparse

from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.settings import Setting, Settings, declare

Protocol = Literal["anthropic", "openai"]
PRESETS_CHECKED = "2026-12-01"
"""When the preset model lists below were last looked up; shown when a provider's own
list (``GET /models``) cannot be read and the presets stand in for it."""


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    protocol: Protocol
    default_base_url: str
    is_local: bool = False
    prices_id: str | None = None
    """Provider id in genai-prices, or None when the person must enter a price."""
    models: tuple[str, ...] = ()
    """A short preset list shown before (or instead of) the provider's own list."""
    lists_models: bool = True
    """The provider answers ``GET /models`` with its models."""
    needs_key: bool = True
    """Local servers usually run without a key (Jan and vLLM can require one)."""
    currency: str = "USD"
    """The currency the provider lists and bills its prices in (its China site's)."""

    @property
    def engine_id(self) -> str:
        """Stored with each reply: ``anthropic``, ``openai``, ``deepseek``, ``lmstudio``…"""
        return self.id


PROVIDERS: tuple[Provider, ...] = (
    # SDK default, https://docs.anthropic.com/en/api/getting-started
    Provider(
        "anthropic",
        "Anthropic",
        "anthropic",
        "https://api.anthropic.com",
        prices_id="anthropic",
        models=("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"),
    ),
    # SDK default, https://platform.openai.com/docs/api-reference
    Provider(
        "openai",
        "OpenAI",
        "openai",
        "https://api.openai.com/v1",
        prices_id="openai",
        models=("gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini"),
    ),
    # https://api-docs.deepseek.com/ ("base_url (OpenAI): https://api.deepseek.com").
    # Models (checked 2026-12-01, https://api-docs.deepseek.com/quick_start/pricing):
    # deepseek-flash (V4.1 Flash) and deepseek-v4-pro; deepseek-v4-flash is still accepted
    # and billed as Flash; deepseek-chat / deepseek-reasoner were retired on 2026-07-24.
    Provider(
        "deepseek",
        "DeepSeek",
        "openai",
        "https://api.deepseek.com",
        prices_id="deepseek",
        models=("deepseek-flash", "deepseek-v4-pro", "deepseek-v4-flash"),
        currency="CNY",
    ),
    # https://docs.bigmodel.cn/cn/guide/develop/http/introduction (通用端点)
    Provider(
        "zhipu",
        "Zhipu GLM (bigmodel.cn)",
        "openai",
        "https://open.bigmodel.cn/api/paas/v4",
        prices_id="zhipuai",
        # docs.bigmodel.cn model pages list GLM-5.1, GLM-5 and GLM-4.7 (2026-04; checked
        # 2026-12-01 through third-party copies of those pages: the official site is not
        # in the search corpora). The provider's own /models list comes first anyway.
        models=("glm-5.1", "glm-5", "glm-4.7"),
        currency="CNY",
    ),
    # https://docs.z.ai/api-reference/introduction ("general API endpoint")
    Provider(
        "zai",
        "Z.ai GLM",
        "openai",
        "https://api.z.ai/api/paas/v4",
        prices_id="zai",
        models=("glm-4.7", "glm-4.6", "glm-4.5-air"),
    ),
    # https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope
    # (China (Beijing) endpoint; Singapore is dashscope-intl — set it as the base URL)
    Provider(
        "qwen",
        "Alibaba Qwen (DashScope)",
        "openai",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        # help.aliyun.com/zh/model-studio/models (checked 2026-12-01): qwen3.7-max is the
        # current flagship; qwen3.6-plus / qwen3.6-flash the Plus and Flash tiers;
        # qwen3-max and qwen3.5-plus are priced in resources/prices.json.
        models=("qwen3.7-max", "qwen3.6-plus", "qwen3.6-flash", "qwen3-max", "qwen3.5-plus"),
        prices_id="qwen",
        currency="CNY",
    ),
    # https://docs.mirobody.ai/en/cloud/byok/volcengine and volcengine.com/docs/82379
    # (Ark v3 API, OpenAI-compatible). Ark models are endpoint ids (ep-…) or model ids.
    Provider(
        "ark",
        "Volcano Engine Ark (Doubao)",
        "openai",
        "https://ark.cn-beijing.volces.com/api/v3",
        # volcengine.com/docs/82379 model list and Ark articles (checked 2026-12-01):
        # Doubao-Seed-2.1-pro, Doubao-Seed-2.0-lite and doubao-seed-1.6 are current.
        models=("doubao-seed-2-1-pro", "doubao-seed-2-0-lite", "doubao-seed-1-6"),
        currency="CNY",
    ),
    # https://platform.kimi.com/docs/api/overview (api.moonshot.cn; global is api.moonshot.ai)
    Provider(
        "moonshot",
        "Moonshot Kimi",
        "openai",
        "https://api.moonshot.cn/v1",
        prices_id="moonshotai",
        # platform.kimi.ai/docs/pricing/chat-k3 (kimi-k3, July 2026) and the K2.5 guide
        # (checked 2026-12-01).
        models=("kimi-k3", "kimi-k2.5", "kimi-k2-turbo-preview"),
        currency="CNY",
    ),
    # https://openrouter.ai/docs/quickstart ("base_url=https://openrouter.ai/api/v1");
    # deepseek/deepseek-v4-flash: openrouter.ai/deepseek/deepseek-v4-flash (checked 2026-12-01)
    Provider(
        "openrouter",
        "OpenRouter",
        "openai",
        "https://openrouter.ai/api/v1",
        prices_id="openrouter",
        models=("anthropic/claude-sonnet-4.5", "openai/gpt-5", "deepseek/deepseek-v4-flash"),
    ),
    # Any OpenAI-compatible endpoint; the person enters the base URL and the model.
    Provider("custom", "Custom (OpenAI-compatible)", "openai", ""),
    # --- local OpenAI-compatible servers: no API cost, counted as local use -------------
    # https://lmstudio.ai/docs/api/openai-api (server port 1234)
    Provider(
        "lmstudio",
        "LM Studio",
        "openai",
        "http://127.0.0.1:1234/v1",
        is_local=True,
        needs_key=False,
    ),
    # llama.cpp server docs: listens on 127.0.0.1:8080, OpenAI API under /v1
    Provider(
        "llamacpp",
        "llama.cpp server",
        "openai",
        "http://127.0.0.1:8080/v1",
        is_local=True,
        needs_key=False,
    ),
    # https://jan.ai/docs/local-api ("JAN API listening at http://127.0.0.1:1337"; key required)
    Provider("jan", "Jan", "openai", "http://127.0.0.1:1337/v1", is_local=True, needs_key=False),
    # https://docs.vllm.ai/en/v0.8.1/serving/openai_compatible_server.html (port 8000)
    Provider("vllm", "vLLM", "openai", "http://127.0.0.1:8000/v1", is_local=True, needs_key=False),
    # text-generation-webui docs "12 - OpenAI API" (--api, port 5000)
    Provider(
        "textgen",
        "text-generation-webui",
        "openai",
        "http://127.0.0.1:5000/v1",
        is_local=True,
        needs_key=False,
    ),
)

_BY_ID = {provider.id: provider for provider in PROVIDERS}


@dataclass(frozen=True)
class Retired:
    provider: str
    model: str
    retired: str
    successor: str
    source: str


RETIRED_MODELS: tuple[Retired, ...] = (
    # DeepSeek's V4 release notes (api-docs.deepseek.com/news/news260424) and its migration
    # notice: the old names stopped working after 2026-07-24 15:59 UTC; deepseek-chat is
    # V4 Flash without thinking, deepseek-reasoner V4 Flash with thinking (checked
    # 2026-12-01 through the notice as quoted in github.com/Open-Less/openless/issues/132
    # and dev.to's migration guide). deepseek-v4-pro is an upgrade, not the successor.
    Retired(
        "deepseek", "deepseek-chat", "2026-07-24", "deepseek-v4-flash", "api-docs.deepseek.com"
    ),
    Retired(
        "deepseek", "deepseek-reasoner", "2026-07-24", "deepseek-v4-flash", "api-docs.deepseek.com"
    ),
)


def retired_model(provider_id: str, model: str) -> Retired | None:
    for entry in RETIRED_MODELS:
        if entry.provider == provider_id and entry.model == model:
            return entry
    return None


def retired_message(provider_id: str, model: str) -> str:
    """A sentence for a model id the provider has retired (naming its successor), or ""."""
    entry = retired_model(provider_id, model)
    if entry is None:
        return ""
    return translate(
        "Cloud", "{provider} retired “{model}” on {date}; use “{successor}” instead."
    ).format(
        provider=provider_name(provider_id),
        model=model,
        date=entry.retired,
        successor=entry.successor,
    )


class UnknownProviderError(KnownError):
    """A provider id that is not one of the presets."""


def get_provider(provider_id: str) -> Provider:
    try:
        return _BY_ID[provider_id]
    except KeyError:
        raise UnknownProviderError(
            translate("Cloud", "“{provider}” is not a provider Hearth knows.").format(
                provider=provider_id
            ),
            hint=translate("Cloud", "Known providers: {ids}").format(
                ids=", ".join(provider.id for provider in PROVIDERS)
            ),
        ) from None


def provider_name(provider_id: str) -> str:
    """The provider's display name, or the id itself for one Hearth does not know."""
    provider = _BY_ID.get(provider_id)
    return provider.name if provider is not None else provider_id


def provider_for_ref(provider_ref: str) -> Provider | None:
    """The Hearth provider a baseline's ``PROVIDER`` names: its own id (``zhipu``) or its
    price-table id (``zhipuai``), the two ways a baseline may be written."""
    provider = _BY_ID.get(provider_ref)
    if provider is not None:
        return provider
    return next((p for p in PROVIDERS if p.prices_id == provider_ref), None)


def prices_provider(provider_ref: str) -> str:
    """The price-table id for a baseline's ``PROVIDER`` (``zhipu`` → ``zhipuai``)."""
    provider = provider_for_ref(provider_ref)
    return (provider.prices_id or provider.id) if provider is not None else provider_ref


def cloud_providers() -> list[Provider]:
    return [provider for provider in PROVIDERS if not provider.is_local]


# --- settings -------------------------------------------------------------------------


def _valid_base_url(value: str) -> str | None:
    if not value:
        return None  # empty means "the preset's own URL"
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return translate("Settings", "Enter a URL that starts with http:// or https://.")
    # Issue 12: "http://127.0.0.1:/v1" (no port after the colon) and "http://:8080" used
    # to be accepted and failed only at the first request, with a confusing error.
    try:
        port = parsed.port
    except ValueError:
        port = -1
    if not parsed.hostname or port == -1 or parsed.netloc.endswith(":") or port == 0:
        return translate(
            "Settings",
            "Enter a URL with a host and, if you give a port, a number from 1 to 65535 "
            "(for example http://127.0.0.1:1234/v1).",
        )
    return None


BASE_URLS: dict[str, Setting[str]] = {
    provider.id: declare(
        Setting(
            f"cloud/{provider.id}/base_url",
            "",
            f"Base URL for {provider.name}",
            validate=_valid_base_url,
        )
    )
    for provider in PROVIDERS
}

LAST_PROVIDER = declare(Setting("cloud/last_provider", "anthropic", "Last cloud provider"))
LAST_CLOUD_MODEL = declare(Setting("cloud/last_model", "", "Last cloud model"))


def base_url(provider: Provider, settings: Settings) -> str:
    """The URL Hearth talks to: the person's override, else the preset's."""
    override = settings.get(BASE_URLS[provider.id]).strip()
    url = override or provider.default_base_url
    if not url:
        raise KnownError(
            translate("Cloud", "{provider} has no base URL yet.").format(provider=provider.name),
            hint=translate("Cloud", "Enter the server's base URL in Tools → API keys…"),
        )
    return url.rstrip("/")
