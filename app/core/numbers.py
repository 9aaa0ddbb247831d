"""Reading and writing numbers the way the person types them, in their locale.

One parser for every money and number field in the window and the CLI. Babel's
``parse_decimal`` (CLDR data) knows each locale's decimal mark and grouping; around it
this module adds what people actually type: full-width digits and punctuation from a
Chinese input method (``２５，０００``), a currency sign (``￥``, ``$``, ``元``), spaces
as thousands separators (``25 000``), and 万 (ten thousand).

What it never does is guess. ``25,000`` in an English or Chinese locale is 25000; in a
German one it is refused as ambiguous rather than read as 25. ``1.500`` — one
separator, one to three digits before it and exactly three after — is 1500 in half the
world and 1.5 in the other half, so it is refused with a message naming both readings
(the issue that started this: "25,000" stored as 25).
"""

from __future__ import annotations

import locale as system_locale
import os
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, format_decimal, get_decimal_symbol, parse_decimal

from app.core.errors import KnownError
from app.core.i18n import translate

_SIGN = r"(?:[¥$€£]|CNY|RMB|USD|EUR|GBP|JPY|元|块)+"
_CURRENCY = re.compile(rf"^{_SIGN}|{_SIGN}$")
_SPACES = "\u0020\u00a0\u202f\u2009\u3000"
_SPACE_GROUPED = re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$")
_AMBIGUOUS = re.compile(r"^[+-]?([1-9]\d{0,2})([.,])(\d{3})$")
_WAN = Decimal(10_000)


class NumberInputError(KnownError):
    """Typed text that is not a number, or could be two different numbers."""


def current_locale() -> str:
    """The locale numbers are read in when the caller has none (the CLI): LC_NUMERIC,
    then LC_ALL / LANG, else en_US."""
    for category in (system_locale.LC_NUMERIC, system_locale.LC_ALL):
        try:
            name = system_locale.setlocale(category)
        except (system_locale.Error, ValueError):
            continue
        if name and name not in ("C", "POSIX"):
            return _babel_name(name)
    for variable in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return _babel_name(value)
    return "en_US"


def _babel_name(name: str) -> str:
    base = re.split(r"[.@]", name, maxsplit=1)[0].replace("-", "_")
    try:
        Locale.parse(base)
    except (UnknownLocaleError, ValueError):
        return "en_US"
    return base


def _locale(name: str | None) -> str:
    return _babel_name(name) if name else current_locale()


def _normalized(text: str) -> str:
    # NFKC maps full-width digits, '，', '．' and '￥' to their ASCII forms.
    value = unicodedata.normalize("NFKC", text).strip()
    for space in _SPACES:
        value = value.replace(space, " ")
    return _CURRENCY.sub("", value.strip()).strip()


def parse_number(text: str, locale: str | None = None) -> Decimal:
    """The number in ``text`` as the person meant it, or ``NumberInputError``."""
    name = _locale(locale)
    value = _normalized(text)
    multiplier = Decimal(1)
    if value.endswith("万"):
        value, multiplier = value[:-1].strip(), _WAN
    if _SPACE_GROUPED.match(value):
        value = value.replace(" ", "")
    if value.startswith("+"):
        value = value[1:]
    if not value or " " in value:
        raise _not_a_number(text)
    decimal_mark = get_decimal_symbol(name)
    try:
        number = parse_decimal(value, locale=name, strict=True)
    except NumberFormatError as exc:
        suggestions = getattr(exc, "suggestions", None) or []
        if suggestions:
            raise NumberInputError(
                translate("Numbers", "“{text}” is ambiguous here: did you mean {options}?").format(
                    text=text.strip(), options=translate("Numbers", " or ").join(suggestions)
                ),
                hint=translate(
                    "Numbers", "Numbers are read with “{mark}” as the decimal mark."
                ).format(mark=decimal_mark),
            ) from exc
        raise _not_a_number(text) from exc
    except (InvalidOperation, ValueError) as exc:
        raise _not_a_number(text) from exc
    if not number.is_finite():
        raise _not_a_number(text)
    ambiguous = _AMBIGUOUS.match(value.lstrip("-"))
    if ambiguous and number.copy_abs() < 1000:
        # Read as "1.500" = 1.5; a thousands separator was as likely meant.
        whole, _, fraction = ambiguous.groups()
        raise NumberInputError(
            translate(
                "Numbers", "“{text}” could mean {grouped} or {decimal}, so it was not used."
            ).format(
                text=text.strip(), grouped=f"{whole}{fraction}", decimal=f"{whole}.{fraction}"
            ),
            hint=translate(
                "Numbers",
                "Write {grouped} without a separator, or {decimal}0 if you mean the smaller one.",
            ).format(grouped=f"{whole}{fraction}", decimal=f"{whole}{decimal_mark}{fraction}"),
        )
    return number * multiplier


def parse_integer(text: str, locale: str | None = None) -> int:
    number = parse_number(text, locale)
    if number != number.to_integral_value():
        raise NumberInputError(
            translate("Numbers", "“{text}” must be a whole number.").format(text=text.strip())
        )
    return int(number)


def parse_optional(text: str, locale: str | None = None) -> Decimal | None:
    """An empty field is "not given"."""
    return None if not text.strip() else parse_number(text, locale)


def format_number(value: Decimal | int, locale: str | None = None) -> str:
    """Text for a field that ``parse_number`` reads back as exactly ``value``: the
    locale's decimal mark, no grouping, every digit kept (a 4th decimal is added where
    three would look like thousands)."""
    name = _locale(locale)
    text = format_decimal(
        Decimal(value).normalize() if isinstance(value, Decimal) else value,
        locale=name,
        group_separator=False,
        decimal_quantization=False,
    )
    if _AMBIGUOUS.match(text.lstrip("-")):
        text += "0"
    return text


def _not_a_number(text: str) -> NumberInputError:
    return NumberInputError(
        translate("Numbers", "“{text}” is not a number.").format(text=text.strip())
    )
