"""Fuzzing the detectors with mixed Chinese and English text.

Chinese writing has no spaces between words and uses full-width punctuation, so a
secret is often glued to the characters around it: "我的密钥AKIA…，身份证号110…。".
Whatever surrounds them -- Han characters, full-width or ASCII punctuation, line
breaks, English words -- known secrets must be found, with the right kind, covering
the whole value, also when typed in full-width form; and no text may crash the scan.
"""

from __future__ import annotations

import string
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.privacy import Kind, redact, scan
from app.privacy.detectors import cn_id_check_char, luhn_valid

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
FULL_WIDTH = st.sampled_from(list("，。、；：？！「」『』（）【】《》“”‘’…—～　"))
ASCII_PUNCT = st.sampled_from(list(",.;:!?()[]\"' "))
BREAKS = st.sampled_from(["\n", "\r\n", "\n\n", "\t"])
WORDS = st.sampled_from(["key", "my", "ID", "card", "mail", "phone", "the", "OK", "请", "谢谢"])

# What may touch a secret directly: anything that is not itself part of such a value
# (an ASCII letter or digit glued to a key *is* part of it, in any language).
NEIGHBOUR = st.one_of(HAN, FULL_WIDTH, ASCII_PUNCT, BREAKS)
FILLER = st.lists(st.one_of(HAN, FULL_WIDTH, ASCII_PUNCT, BREAKS, WORDS), max_size=25).map("".join)


@st.composite
def aws_keys(draw: st.DrawFn) -> tuple[Kind, str]:
    prefix = draw(st.sampled_from(["AKIA", "ASIA"]))
    body = draw(st.text(string.ascii_uppercase + string.digits, min_size=16, max_size=16))
    return Kind.API_KEY, prefix + body


@st.composite
def private_keys(draw: st.DrawFn) -> tuple[Kind, str]:
    label = draw(st.sampled_from(["RSA ", "EC ", "OPENSSH ", "", "ENCRYPTED "]))
    lines = draw(
        st.lists(
            st.text(string.ascii_letters + string.digits + "+/", min_size=20, max_size=64),
            min_size=1,
            max_size=4,
        )
    )
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    block = newline.join(
        [f"-----BEGIN {label}PRIVATE KEY-----", *lines, f"-----END {label}PRIVATE KEY-----"]
    )
    return Kind.PRIVATE_KEY, block


@st.composite
def cn_ids(draw: st.DrawFn) -> tuple[Kind, str]:
    region = draw(st.integers(110000, 659999))
    born = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31)))
    first17 = f"{region:06d}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    check = cn_id_check_char(first17)
    if check == "X" and draw(st.booleans()):
        check = "x"
    return Kind.CN_ID, first17 + check


@st.composite
def cards(draw: st.DrawFn) -> tuple[Kind, str]:
    length = draw(st.sampled_from([15, 16, 16, 16, 19]))
    start = draw(st.sampled_from(["4", "5", "62", "37", "6"]))
    body = draw(st.text("0123456789", min_size=length - len(start) - 1, max_size=length - 1))
    partial = (start + body)[: length - 1]
    digits = partial + next(d for d in "0123456789" if luhn_valid(partial + d))
    sep = draw(st.sampled_from(["", " ", "-"]))
    if sep:
        return Kind.BANK_CARD, sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return Kind.BANK_CARD, digits


@st.composite
def emails(draw: st.DrawFn) -> tuple[Kind, str]:
    local = draw(st.from_regex(r"[a-z][a-z0-9._+\-]{0,14}[a-z0-9]", fullmatch=True))
    domain = draw(st.from_regex(r"[a-z][a-z0-9\-]{0,10}[a-z0-9]", fullmatch=True))
    tld = draw(st.sampled_from(["com", "cn", "com.cn", "org", "io", "edu.cn"]))
    return Kind.EMAIL, f"{local}@{domain}.{tld}"


@st.composite
def phones(draw: st.DrawFn) -> tuple[Kind, str]:
    number = f"1{draw(st.integers(3, 9))}{draw(st.integers(0, 9))}"
    rest = f"{draw(st.integers(0, 99999999)):08d}"
    sep = draw(st.sampled_from(["", " ", "-"]))
    text = f"{number}{sep}{rest[:4]}{sep}{rest[4:]}"
    prefix = draw(st.sampled_from(["", "+86 ", "+86", "0086 ", "+86-"]))
    return Kind.PHONE, prefix + text


def widen(secret: tuple[Kind, str]) -> tuple[Kind, str]:
    """As a Chinese input method in full-width mode types it: "１３９…", "ｌｉ＠…"."""
    kind, value = secret
    return kind, "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in value)


PLAIN = st.one_of(aws_keys(), private_keys(), cn_ids(), cards(), emails(), phones())
SECRETS = st.one_of(PLAIN, st.one_of(aws_keys(), cn_ids(), cards(), emails(), phones()).map(widen))


def _assert_found(text: str, start: int, kind: Kind, value: str) -> None:
    end = start + len(value)
    covering = [f for f in scan(text) if f.start <= start and end <= f.end]
    assert covering, f"{kind.value} {value!r} not found in {text!r}"
    assert covering[0].kind is kind, (covering[0].kind, value, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=FILLER,
    left=NEIGHBOUR,
    secret=SECRETS,
    right=NEIGHBOUR,
    after=FILLER,
)
def test_a_secret_is_found_whatever_surrounds_it(
    before: str, left: str, secret: tuple[Kind, str], right: str, after: str
) -> None:
    kind, value = secret
    text = before + left + value + right + after
    _assert_found(text, len(before + left), kind, value)
    assert value not in redact(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.tuples(NEIGHBOUR, SECRETS, FILLER), min_size=2, max_size=5),
)
def test_several_secrets_in_one_message_are_all_found(
    parts: list[tuple[str, tuple[Kind, str], str]],
) -> None:
    text = ""
    placed: list[tuple[int, Kind, str]] = []
    for left, (kind, value), filler in parts:
        text += left
        placed.append((len(text), kind, value))
        text += value + "。" + filler
    for start, kind, value in placed:
        _assert_found(text, start, kind, value)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            HAN,
            FULL_WIDTH,
            ASCII_PUNCT,
            BREAKS,
            WORDS,
            st.characters(),
            SECRETS.map(lambda s: s[1]),
        ),
        max_size=60,
    ).map("".join)
)
def test_no_crash_on_any_mixed_text(text: str) -> None:
    previous = 0
    for finding in scan(text):
        assert finding.start >= previous and text[finding.start : finding.end] == finding.value
        previous = finding.end
    assert isinstance(redact(text), str)
