"""The outbound gate, without Qt: what it asks about, blocks, redacts and remembers."""

from __future__ import annotations

import pytest

from app.engines.base import ChatMessage, ChatRequest, EngineError, ErrorKind
from app.privacy.detectors import Kind, cn_id_check_char
from app.privacy.egress import ollama_destination, provider_destination
from app.privacy.gate import (
    SYSTEM_KEY,
    Action,
    Decision,
    GateCancelled,
    History,
    SentRecord,
    Status,
    apply_decision,
    check_outbound,
    fingerprint,
    message_key,
    original_digest,
)

AWS = "AKIAIOSFODNN7EXAMPLE"
FIRST17 = "11010519491231002"
CN_ID = FIRST17 + cn_id_check_char(FIRST17)
CLOUD = provider_destination(
    "anthropic", "claude-sonnet-4-5", "https://api.anthropic.com", is_local=False
)
LOCAL = ollama_destination("http://127.0.0.1:11434", "llama3.2:latest")


def request(*texts: str, system: str = "", images: tuple[bytes, ...] = ()) -> ChatRequest:
    messages = [ChatMessage("system", system)] if system else []
    for index, text in enumerate(texts):
        role = "user" if index % 2 == 0 else "assistant"
        last = index == len(texts) - 1
        messages.append(ChatMessage(role, text, images if last else ()))  # type: ignore[arg-type]
    return ChatRequest("m", tuple(messages))


def test_local_destination_passes_untouched_even_with_secrets() -> None:
    req = request(f"my key {AWS}")
    check = check_outbound(req, LOCAL, local_only=True)
    assert check.status is Status.PASS
    out = apply_decision(check, None)
    assert out.request == req
    assert out.versions == ()


def test_cloud_with_findings_asks_and_lists_text_and_system_prompt() -> None:
    req = request(f"身份证{CN_ID}，密钥{AWS}", system="mail me: li.lei@example.com")
    check = check_outbound(req, CLOUD, local_only=False)
    assert check.status is Status.ASK
    kinds = sorted((item.message_index, item.kind.value) for item in check.ask)
    assert kinds == [(0, "EMAIL"), (1, "API_KEY"), (1, "CN_ID")]


def test_images_leaving_are_items_too() -> None:
    png = b"\x89PNG fake bytes"
    check = check_outbound(request("look", images=(png,)), CLOUD, local_only=False)
    assert [item.kind for item in check.ask] == [Kind.IMAGE]
    out = apply_decision(check, Decision(Action.REDACT))
    assert out.request.messages[-1].images == ()
    assert "image" in out.request.messages[-1].content


def test_local_only_blocks_every_leaving_destination() -> None:
    ollama_cloud = ollama_destination("http://127.0.0.1:11434", "gpt-oss:120b-cloud")
    lan = ollama_destination("http://192.168.1.20:11434", "llama3.2:latest")
    for destination in (CLOUD, ollama_cloud, lan):
        check = check_outbound(request("hello, nothing private"), destination, local_only=True)
        assert check.status is Status.BLOCKED
        assert "Local-only" in check.refusal
        with pytest.raises(EngineError) as caught:
            apply_decision(check, Decision(Action.SEND))
        assert caught.value.kind is ErrorKind.BLOCKED


def test_redact_changes_only_the_outgoing_copy() -> None:
    req = request(f"key {AWS} and id {CN_ID}")
    check = check_outbound(req, CLOUD, local_only=False, history=History(keys=(message_key(7),)))
    out = apply_decision(check, Decision(Action.REDACT))
    sent = out.request.messages[0].content
    assert AWS not in sent and CN_ID not in sent
    assert "[API_KEY]" in sent and "[CN_ID]" in sent
    assert req.messages[0].content == f"key {AWS} and id {CN_ID}"  # the input is untouched
    (version,) = out.versions
    assert version.key == message_key(7)
    assert version.sent_content == sent
    assert sorted(k.value for k in version.redacted) == ["API_KEY", "CN_ID"]
    assert version.original_sha == original_digest(req.messages[0])


def test_send_anyway_sends_verbatim_and_cancel_sends_nothing() -> None:
    req = request(f"key {AWS}")
    check = check_outbound(req, CLOUD, local_only=False)
    assert apply_decision(check, Decision(Action.SEND)).request == req
    with pytest.raises(GateCancelled):
        apply_decision(check, Decision(Action.CANCEL))
    with pytest.raises(ValueError, match="decision"):
        apply_decision(check, None)


def test_dont_ask_again_covers_those_items_only() -> None:
    first = check_outbound(request(f"key {AWS}"), CLOUD, local_only=False)
    out = apply_decision(first, Decision(Action.SEND, remember=True))
    assert out.remember == {fingerprint(Kind.API_KEY, AWS): Action.SEND}

    again = check_outbound(
        request(f"the same key {AWS} again"), CLOUD, local_only=False, allowances=out.remember
    )
    assert again.status is Status.PASS
    assert apply_decision(again, None).request.messages[0].content.endswith("again")

    new = check_outbound(
        request(f"key {AWS}, id {CN_ID}"), CLOUD, local_only=False, allowances=out.remember
    )
    assert new.status is Status.ASK
    assert [item.kind for item in new.ask] == [Kind.CN_ID]  # a new finding asks again
    sent = apply_decision(new, Decision(Action.REDACT)).request.messages[0].content
    assert AWS in sent and CN_ID not in sent  # the standing "send" stays, the new is redacted


def test_standing_redact_is_applied_without_asking() -> None:
    allowances = {fingerprint(Kind.CN_ID, CN_ID): Action.REDACT}
    check = check_outbound(request(f"id {CN_ID}"), CLOUD, local_only=False, allowances=allowances)
    assert check.status is Status.PASS
    assert CN_ID not in apply_decision(check, None).request.messages[0].content


def test_card_fingerprint_ignores_spacing() -> None:
    assert fingerprint(Kind.BANK_CARD, "4111 1111 1111 1111") == fingerprint(
        Kind.BANK_CARD, "4111-1111-1111-1111"
    )


def test_what_the_recipient_already_has_is_resent_as_sent_and_not_asked_again() -> None:
    original = ChatMessage("user", f"key {AWS}")
    record = SentRecord(
        message_key(1), CLOUD.key, original_digest(original), "key [API_KEY]", images_kept=()
    )
    history = History(keys=(message_key(1), message_key(2)), sent={message_key(1): record})
    req = ChatRequest("m", (original, ChatMessage("user", "follow-up, nothing private")))
    check = check_outbound(req, CLOUD, local_only=False, history=history)
    assert check.status is Status.PASS
    assert check.request.messages[0].content == "key [API_KEY]"  # never the original again
    out = apply_decision(check, None)
    assert [v.key for v in out.versions] == [message_key(2)]

    other = provider_destination("openai", "gpt-5", "https://api.openai.com/v1", is_local=False)
    assert check_outbound(req, other, local_only=False, history=history).status is Status.ASK

    edited = ChatMessage("user", f"key {AWS} edited")
    edited_req = ChatRequest("m", (edited, req.messages[1]))
    assert check_outbound(edited_req, CLOUD, local_only=False, history=history).ask


def test_a_reply_the_recipient_wrote_is_not_asked_about() -> None:
    reply = ChatMessage("assistant", "Write to support@example.com")
    history = History(
        keys=(message_key(5),), authors={message_key(5): (CLOUD.provider, CLOUD.model)}
    )
    check = check_outbound(ChatRequest("m", (reply,)), CLOUD, local_only=False, history=history)
    assert check.status is Status.PASS
    local_reply = History(keys=(message_key(5),), authors={message_key(5): ("ollama", "llama3")})
    assert check_outbound(
        ChatRequest("m", (reply,)), CLOUD, local_only=False, history=local_reply
    ).ask


def test_system_prompt_key_is_tracked() -> None:
    req = request("hi", system=f"secret {AWS}")
    check = check_outbound(
        req, CLOUD, local_only=False, history=History(keys=(SYSTEM_KEY, message_key(3)))
    )
    out = apply_decision(check, Decision(Action.REDACT))
    assert [v.key for v in out.versions] == [SYSTEM_KEY, message_key(3)]
    assert AWS not in out.request.messages[0].content


def test_full_width_numbers_are_found_and_the_same_item_as_ascii() -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) for c in CN_ID)
    check = check_outbound(request(f"身份证号：{wide}"), CLOUD, local_only=False)
    assert [item.kind for item in check.ask] == [Kind.CN_ID]
    assert check.ask[0].fingerprint == fingerprint(Kind.CN_ID, CN_ID)
    sent = apply_decision(check, Decision(Action.REDACT)).request.messages[0].content
    assert sent == "身份证号：[CN_ID]"
