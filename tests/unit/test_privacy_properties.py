"""Property tests: no false negatives on valid numbers, no crash, redaction is complete."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.privacy import redact, scan
from app.privacy.detectors import cn_id_check_char, luhn_valid

filler = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@st.composite
def cn_id_numbers(draw: st.DrawFn) -> str:
    region = draw(st.integers(110000, 659999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date.today()))
    sequence = draw(st.integers(0, 999))
    first17 = f"{region:06d}{born:%Y%m%d}{sequence:03d}"
    return first17 + cn_id_check_char(first17)


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    length = draw(st.integers(13, 19))
    body = draw(st.text(alphabet="0123456789", min_size=length - 2, max_size=length - 2))
    partial = str(draw(st.integers(1, 9))) + body
    check = next(d for d in "0123456789" if luhn_valid(partial + d))
    digits = partial + check
    # "86" + a mainland mobile number is a phone number with its country code, by design
    # not a card (app/privacy/detectors.py); no real card number looks like that.
    assume(not re.fullmatch(r"861[3-9]\d{9}", digits))
    separator = draw(st.sampled_from(["", " ", "-"]))
    if separator:
        return separator.join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return digits


def _covered(text: str, start: int, end: int) -> bool:
    return any(f.start <= start and end <= f.end for f in scan(text))


@settings(max_examples=300, deadline=None)
@given(before=filler, number=cn_id_numbers(), after=filler)
def test_every_valid_resident_id_in_random_text_is_found(
    before: str, number: str, after: str
) -> None:
    text = f"{before} {number} {after}"
    start = len(before) + 1
    assert _covered(text, start, start + len(number))


@settings(max_examples=300, deadline=None)
@given(before=filler, number=card_numbers(), after=filler)
def test_every_luhn_valid_card_number_in_random_text_is_found(
    before: str, number: str, after: str
) -> None:
    text = f"{before} {number} {after}"
    start = len(before) + 1
    assert _covered(text, start, start + len(number))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400))
def test_no_crash_and_findings_are_consistent_on_any_text(text: str) -> None:
    previous_end = 0
    for finding in scan(text):
        assert text[finding.start : finding.end] == finding.value
        assert finding.start >= previous_end  # ordered, never overlapping
        previous_end = finding.end


@settings(max_examples=300, deadline=None)
@given(before=filler, number=st.one_of(cn_id_numbers(), card_numbers()), after=filler)
def test_redaction_removes_every_finding(before: str, number: str, after: str) -> None:
    text = f"{before} {number} {after} mail x.y@example.com password: s3cret!"
    redacted = redact(text)
    assert scan(redacted) == []
    assert number not in redacted
