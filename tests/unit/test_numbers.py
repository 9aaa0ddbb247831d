"""One parser for every typed number: what people type in their locale, read as meant,
and an ambiguous entry refused with both readings — never silently 1000× smaller."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.numbers import (
    NumberInputError,
    format_number,
    parse_integer,
    parse_number,
    parse_optional,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("25,000", "en_US", D(25_000)),  # the issue: was read as 25
        ("25 000", "en_US", D(25_000)),
        ("25\u202f000", "fr_FR", D(25_000)),  # narrow no-break space, as French writes it
        ("25000.50", "en_US", D("25000.50")),
        ("25000.50", "zh_CN", D("25000.50")),
        ("25,000", "zh_CN", D(25_000)),
        ("２５，０００", "zh_CN", D(25_000)),  # full-width, from a Chinese input method
        ("２５０００．５", "zh_CN", D("25000.5")),
        ("￥25,000", "zh_CN", D(25_000)),
        ("25,000元", "zh_CN", D(25_000)),
        ("2.5万", "zh_CN", D(25_000)),
        ("25.000", "de_DE", D(25_000)),
        ("25.000,50", "de_DE", D("25000.50")),
        ("0,15", "de_DE", D("0.15")),
        ("0.150", "en_US", D("0.150")),  # no one writes 150 as 0.150
        (" 7.1 ", "zh_TW", D("7.1")),
        ("-3", "en_US", D(-3)),
    ],
)
def test_read_as_typed(text: str, locale: str, expected: Decimal) -> None:
    assert parse_number(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "locale", "readings"),
    [
        ("25.000", "en_US", ("25000", "25.000")),  # one separator, three digits after
        ("25.000", "zh_CN", ("25000", "25.000")),
        ("25,000", "de_DE", ("25000", "25.000")),
        ("25,5", "en_US", ("255", "25.5")),
        ("1,2345", "zh_CN", ("12,345", "1.2345")),
        ("25000.50", "de_DE", ("2.500.050", "25.000,5")),
    ],
)
def test_ambiguous_entries_are_refused_naming_both_readings(
    text: str, locale: str, readings: tuple[str, str]
) -> None:
    with pytest.raises(NumberInputError) as caught:
        parse_number(text, locale)
    for reading in readings:
        assert reading in caught.value.message


@pytest.mark.parametrize("text", ["abc", "", "   ", "1 2", "12..5", "NaN", "Infinity"])
def test_not_a_number(text: str) -> None:
    with pytest.raises(NumberInputError, match="not a number"):
        parse_number(text, "en_US")


def test_whole_numbers_and_empty_fields() -> None:
    assert parse_integer("2,000", "en_US") == 2000
    with pytest.raises(NumberInputError, match="whole number"):
        parse_integer("2.5", "en_US")
    assert parse_optional("  ", "en_US") is None


@pytest.mark.parametrize("locale", ["en_US", "zh_CN", "zh_TW", "de_DE", "fr_FR", "ja_JP"])
@pytest.mark.parametrize("value", ["25000", "0.15", "7.125", "7.1", "1234567.891", "0"])
def test_what_a_field_is_filled_with_reads_back_exactly(locale: str, value: str) -> None:
    assert parse_number(format_number(D(value), locale), locale) == D(value)
