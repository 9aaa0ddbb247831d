"""Benchmark: the outbound gate on a long conversation, side by side with what it guards.

Run: ``python tests/bench/bench_gate.py`` (not collected by pytest). Builds a
conversation of 1,200 mixed Chinese/English messages (~300 characters each, a few
secrets sprinkled in), then prints, measured in the same run:

- building the request (what every reply does anyway) -- the reference;
- the first check when the conversation is sent to a cloud (everything is scanned);
- the check on a follow-up, once earlier messages are recorded as sent (only the new
  message is scanned);

as milliseconds and as ratios to the reference.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.chat.conversation import build_request
from app.privacy.egress import provider_destination
from app.privacy.gate import History, SentRecord, check_outbound, message_key, original_digest
from app.storage.records import Conversation, Message, utc_now

WORDS = ["我们", "明天", "去成都", "开会", "please", "review", "the", "budget", "，", "。", "报告"]
SECRETS = ["AKIAIOSFODNN7EXAMPLE", "li.lei@example.com", "13912345678", "4111 1111 1111 1111"]


def conversation(count: int) -> tuple[Conversation, list[Message]]:
    rng = random.Random(12)
    now = utc_now()
    messages = []
    for index in range(count):
        text = "".join(rng.choice(WORDS) for _ in range(90))
        if index % 97 == 0:
            text += rng.choice(SECRETS)
        role = "user" if index % 2 == 0 else "assistant"
        messages.append(Message(index + 1, 1, role, text, now, engine="ollama", model="m"))  # type: ignore[arg-type]
    return Conversation(1, "t", now, now, system_prompt="Be brief."), messages


def median_ms(fn: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    conv, messages = conversation(1200)
    cloud = provider_destination("openai", "gpt-4.1", "https://api.openai.com/v1", is_local=False)
    request = build_request(conv, messages, "gpt-4.1")
    keys = ("system", *(message_key(m.id) for m in messages))
    sent = {
        key: SentRecord(key, cloud.key, original_digest(wire), wire.content, ())
        for key, wire in zip(keys[:-1], request.messages[:-1], strict=True)
    }
    build = median_ms(lambda: build_request(conv, messages, "gpt-4.1"))
    first = median_ms(
        lambda: check_outbound(request, cloud, local_only=False, history=History(keys=keys))
    )
    follow = median_ms(
        lambda: check_outbound(
            request, cloud, local_only=False, history=History(keys=keys, sent=sent)
        )
    )
    chars = sum(len(m.content) for m in request.messages)
    print(f"conversation: {len(request.messages)} messages, {chars:,} characters")
    print(f"build request (reference):      {build:8.2f} ms")
    print(f"gate, first send to a cloud:    {first:8.2f} ms  ({first / build:6.1f}x)")
    print(f"gate, follow-up (rest recorded): {follow:7.2f} ms  ({follow / build:6.1f}x)")


if __name__ == "__main__":
    main()
