"""The privacy check: what it finds, what it leaves alone, how it redacts."""

from __future__ import annotations

import pytest

from app.privacy import Kind, apply_redactions, redact, scan, scan_messages
from app.privacy.detectors import cn_id_check_char, is_valid_cn_id, luhn_valid


def kinds(text: str) -> list[tuple[Kind, str]]:
    return [(f.kind, f.value) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "key sk-ant-api03-abcdefghijklmnop0123 ok",
            Kind.API_KEY,
            "sk-ant-api03-abcdefghijklmnop0123",
        ),
        (
            "OPENAI_API_KEY=sk-proj-Ab12Cd34Ef56Gh78Ij90",
            Kind.API_KEY,
            "sk-proj-Ab12Cd34Ef56Gh78Ij90",
        ),
        ("aws AKIAIOSFODNN7EXAMPLE", Kind.API_KEY, "AKIAIOSFODNN7EXAMPLE"),
        (
            "token ghp_1234567890abcdefghijABCDEFGHIJ123456",
            Kind.API_KEY,
            "ghp_1234567890abcdefghijABCDEFGHIJ123456",
        ),
        ("slack xoxb-123456789012-abcdefghij", Kind.API_KEY, "xoxb-123456789012-abcdefghij"),
        (
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3In0.SflKxwRJSMeKKF2QT4fwpM",
            Kind.API_KEY,
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3In0.SflKxwRJSMeKKF2QT4fwpM",
        ),
        ("client_secret: 9fK2mQ7xLp3Vb8Zr1Tn6", Kind.API_KEY, "9fK2mQ7xLp3Vb8Zr1Tn6"),
        ("password: hunter22 please", Kind.PASSWORD, "hunter22"),
        ("我的密码：Abc12345，别告诉别人", Kind.PASSWORD, "Abc12345"),
        ("mail zhang.san@example.com.cn today", Kind.EMAIL, "zhang.san@example.com.cn"),
        ("打 13812345678 找我", Kind.PHONE, "13812345678"),
        ("call +86 138-1234-5678", Kind.PHONE, "+86 138-1234-5678"),
        ("US +1 415 555 2671", Kind.PHONE, "+1 415 555 2671"),
        ("身份证 11010519491231002X 号", Kind.CN_ID, "11010519491231002X"),
        ("card 4111-1111-1111-1111 exp", Kind.BANK_CARD, "4111-1111-1111-1111"),
        ("银联 6222 0202 0000 0000 006", Kind.BANK_CARD, "6222 0202 0000 0000 006"),
        ("server 10.0.12.7 down", Kind.IP_ADDRESS, "10.0.12.7"),
        ("v6 2001:db8::8a2e:370:7334.", Kind.IP_ADDRESS, "2001:db8::8a2e:370:7334"),
    ],
)
def test_finds_each_kind(text: str, kind: Kind, value: str) -> None:
    assert (kind, value) in kinds(text)


def test_a_private_key_block_is_one_finding() -> None:
    block = (
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\nuser@host\n"
        "-----END OPENSSH PRIVATE KEY-----"
    )
    found = scan(f"here:\n{block}\nthanks")
    assert [(f.kind, f.value) for f in found] == [(Kind.PRIVATE_KEY, block)]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is at 12:30:45 and std::vector is fine.",
        "version 1.2.3 of the app; order #123456789012",
        "ID 110105194912310021 has a wrong check digit",
        "ID 110105194913310028 has no 13th month",
        "card 4111 1111 1111 1112 fails Luhn",
        "token: aaaaaaaaaaaaaaaaaaaaaaaa is not random",
        "a password manager is useful",
        "999.1.1.1 is not an IPv4 address",
    ],
)
def test_look_alikes_are_left_alone(text: str) -> None:
    assert scan(text) == []


def test_checksums() -> None:
    assert cn_id_check_char("11010519491231002") == "X"
    assert is_valid_cn_id("11010519491231002X")
    assert is_valid_cn_id("11010519491231002x")
    assert not is_valid_cn_id("110105194912310021")
    assert not is_valid_cn_id("110105300001010011")  # born in the future
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")


def test_each_finding_carries_its_context() -> None:
    text = "Please email the report to li.si@example.org before Friday."
    (finding,) = scan(text)
    assert finding.before.endswith("report to ")
    assert finding.after.startswith(" before Friday")
    assert finding.excerpt() == "Please email the report to «li.si@example.org» before Friday."
    assert finding.label == "E-mail address"


def test_redaction_replaces_findings_with_labels_and_keeps_the_rest() -> None:
    text = "Mail a@b.co, password: hunter22, ID 11010519491231002X, IP 8.8.8.8."
    assert redact(text) == "Mail [EMAIL], password: [PASSWORD], ID [CN_ID], IP [IP_ADDRESS]."
    assert scan(redact(text)) == []


def test_messages_are_scanned_and_redacted_one_by_one() -> None:
    messages = ["nothing here", "my phone is 13912345678", "sk-ant-api03-abcdefghijklmnop0123"]
    findings = scan_messages(messages)
    assert [(f.message_index, f.kind) for f in findings] == [(1, Kind.PHONE), (2, Kind.API_KEY)]
    assert apply_redactions(messages) == ["nothing here", "my phone is [PHONE]", "[API_KEY]"]
