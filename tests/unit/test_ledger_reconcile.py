"""A month with failed, cut and stopped replies, reconciled by hand.

Every attempt goes through the real ``run_reply`` with the real clients against the fakes
over HTTP (OpenAI wire format for the cloud, Ollama's for local), is recorded in a real
database and read back by the report. Cloud: gpt-4o-mini in genai-prices, $0.15 / $0.60
per million input / output tokens.

  cloud  4 × ok, 715 prompt + 20 completion tokens each, as the provider reported
         1 × stream cut after "one two": billed by Hearth's estimate, marked so
         1 × 401 and 2 × 429: nothing came back, billed nothing
  local  1 × ok, 1 × stopped by the person after the first token,
         1 × failed (nothing listening): no energy
  energy recorded at 200 W; today's setting is 450 W.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

from app.chat.service import run_reply
from app.cloud.pricer import CloudPricer
from app.core.settings import Settings
from app.engines.base import ChatMessage, ChatRequest
from app.engines.ollama import OllamaEngine
from app.engines.openai_engine import OpenAICompatibleEngine
from app.engines.tokens import estimate_context_tokens, estimate_text_tokens
from app.ledger.energy import ConfiguredWattsProbe
from app.ledger.explain import provenance, summary
from app.ledger.ledger import reply_saving
from app.ledger.money import format_money
from app.ledger.report import build_month_report
from app.ledger.settings import LedgerConfig
from app.storage.records import UsageRecord, utc_now
from tests.fakes.ollama_server import ChatScript, FakeOllama, split_tokens
from tests.fakes.openai_server import FakeOpenAI, Reply, rate_limited
from tests.unit.ledger_seed import seeded

D = Decimal
KEY = "sk-proj-T3stKeyForTheFake0123456789"
CLOUD = ChatRequest("gpt-4o-mini", (ChatMessage("user", "Hello?"),))
LOCAL = ChatRequest("llama3.2", (ChatMessage("user", "Explain hash maps briefly."),))


def _cloud(fake: FakeOpenAI, key: str = KEY) -> OpenAICompatibleEngine:
    return OpenAICompatibleEngine(api_key=key, base_url=fake.base_url, max_retries=0, timeout=5)


def _month(tmp_path: Path, fake_ollama: FakeOllama) -> list[UsageRecord]:
    pricer = CloudPricer(Settings(tmp_path / "settings.json"))
    probe = ConfiguredWattsProbe(200)
    records: list[UsageRecord] = []

    def cloud(engine: OpenAICompatibleEngine) -> None:
        reply = run_reply(
            engine, CLOUD, threading.Event(), lambda _t: None, provider="openai", pricer=pricer
        )
        records.append(reply.usage)

    with FakeOpenAI(api_key=KEY) as fake:
        for _ in range(4):
            fake.push(Reply(tokens=["Hi", " there"], prompt_tokens=715, completion_tokens=20))
            cloud(_cloud(fake))
        fake.push(Reply(tokens=["one", " two", " three"], cut_after=2))
        cloud(_cloud(fake))
        cloud(_cloud(fake, key="sk-proj-WrongKeyThatMustNotLeak9876"))  # 401
        fake.push(Reply(error=rate_limited(45)), Reply(error=rate_limited(45)))
        cloud(_cloud(fake))
        cloud(_cloud(fake))

    local = OllamaEngine(fake_ollama.url)
    fake_ollama.chat_scripts += [
        ChatScript(split_tokens("A hash map hashes keys into buckets.")),
        ChatScript(split_tokens("Stop me after the first few words, please."), token_delay=0.05),
    ]
    records.append(
        run_reply(local, LOCAL, threading.Event(), lambda _t: None, energy_probe=probe).usage
    )
    stop = threading.Event()
    records.append(run_reply(local, LOCAL, stop, lambda _t: stop.set(), energy_probe=probe).usage)
    with FakeOllama() as dead:
        url = dead.url
    records.append(
        run_reply(
            OllamaEngine(url), LOCAL, threading.Event(), lambda _t: None, energy_probe=probe
        ).usage
    )
    return records


def test_a_month_with_failed_cut_and_stopped_replies_reconciles(
    tmp_path: Path, fake_ollama: FakeOllama
) -> None:
    records = _month(tmp_path, fake_ollama)
    outcomes = [(r.is_local, r.outcome) for r in records]
    assert outcomes == [
        *[(False, "ok")] * 4,
        (False, "stopped"),  # the cut stream: partial text, billed
        *[(False, "failed")] * 3,
        (True, "ok"),
        (True, "stopped"),
        (True, "failed"),
    ]
    cut = records[4]
    assert cut.done_reason == "cut" and cut.usage_estimated
    assert cut.price_source.startswith("Estimated")
    assert all(r.cost_usd == 0 and "Billed nothing" in r.price_source for r in records[5:8])
    # The provider's 715 is what it billed, not Hearth's estimate of the context
    assert [r.context_tokens for r in records[:4]] == [715] * 4
    assert records[10].energy_j == 0.0  # the engine did nothing: no electricity

    conn = seeded(tmp_path / "ledger.sqlite3", records)
    now = utc_now()
    config = LedgerConfig(configured_watts=D(450))
    report = build_month_report(conn, now.strftime("%Y-%m"), config, now=now)
    c, r = report.counts, report.reconciliation
    assert r is not None
    assert (c.cloud_replies, c.cloud_failed) == (5, 3)  # not "8 cloud replies"
    assert (c.local_replies, c.local_failed) == (2, 1)
    assert (r.cloud_cut, r.cloud_estimated, r.cloud_billed_nothing) == (1, 1, 3)
    cut_context = estimate_context_tokens(CLOUD.messages)
    cut_output = estimate_text_tokens("one two")
    assert cut.context_tokens == cut_context and cut.output_tokens_estimate == cut_output
    assert (r.cloud.input_reported, r.cloud.input_estimated) == (4 * 715, cut_context)
    assert (r.cloud.output_reported, r.cloud.output_estimated) == (4 * 20, cut_output)
    assert c.cloud_input_tokens == 4 * 715 + cut_context
    assert c.local_input_tokens == records[8].context_tokens + records[9].context_tokens
    # 4 × (715 × 0.15 + 20 × 0.60) / 1e6 = 0.000477, plus the cut stream by estimate
    cut_cost = (D(cut_context) * D("0.15") + D(cut_output) * D("0.60")) / 1_000_000
    assert cut.cost_usd == cut_cost
    assert report.totals.cloud_spend == D("0.000477") + cut_cost
    # Electricity: the two local replies at 200 W × their time, nothing for the failure
    joules = D(repr(records[8].energy_j)) + D(repr(records[9].energy_j))
    expected = joules * config.electricity_per_kwh / 3_600_000
    assert abs(report.totals.electricity - expected) < D("1e-20")  # SQLite sums REALs
    assert r.local_no_work == 1 and r.local_stopped == 1
    assert r.recorded_watts == (D(200),)

    words = provenance(report)
    assert "200 W" in words["electricity_cost"] and "450 W" not in words["electricity_cost"]
    assert "1 failed attempts used no energy" in words["electricity_cost"]
    assert "5 billed cloud replies (1 cut streams billed by estimate)" in words["replies"]
    assert "3 cloud attempts billed nothing" in words["replies"]
    assert "2,860 as the provider reported" in words["input_tokens"]
    text = summary(report, lambda v: format_money(v, "USD"))
    assert "4 attempts failed and are not counted as replies" in text
    # One reply's explanation names the wattage it was recorded at
    assert "200 W" in reply_saving(records[8], config).provenance
    conn.close()
