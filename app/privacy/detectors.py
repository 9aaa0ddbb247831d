"""What counts as private: one pattern per kind, plus the checks that weed out look-alikes.

Each detector yields ``(start, end)`` spans of the sensitive part only — for
``password: hunter2`` that is ``hunter2`` — so redaction keeps the words around it and
the reader still understands the text. Numbers are validated, not just matched:
resident ID numbers by the GB 11643 checksum and a real birth date, card numbers by
Luhn, IP addresses by ``ipaddress``.
"""

from __future__ import annotations

import enum
import ipaddress
import math
import re
from collections.abc import Callable, Iterator
from datetime import date


class Kind(enum.Enum):
    PRIVATE_KEY = "PRIVATE_KEY"
    API_KEY = "API_KEY"
    PASSWORD = "PASSWORD"  # noqa: S105 - a label, not a password
    CN_ID = "CN_ID"
    BANK_CARD = "BANK_CARD"
    EMAIL = "EMAIL"
    PHONE = "PHONE"
    IP_ADDRESS = "IP_ADDRESS"
    IMAGE = "IMAGE"
    """An attached image: Hearth cannot read what it shows, so the person decides."""

    @property
    def placeholder(self) -> str:
        return f"[{self.value}]"


Span = tuple[int, int]
Detector = Callable[[str], Iterator[Span]]

# A value that is already a placeholder ("password: [PASSWORD]") is not a secret.
_PLACEHOLDER = re.compile(r"\[(?:" + "|".join(k.value for k in Kind) + r")\]")

# --- keys and tokens ----------------------------------------------------------------------

_TOKEN_PATTERNS = [
    re.compile(r"sk-ant-[A-Za-z0-9_\-]{16,}"),  # Anthropic
    re.compile(r"(?<![A-Za-z0-9])sk-(?:proj-|or-v1-)?[A-Za-z0-9_\-]{16,}"),  # OpenAI & co.
    re.compile(r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Za-z])"),  # AWS access key
    re.compile(r"(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{30,}"),  # GitHub tokens
    re.compile(r"(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{30,}"),
    re.compile(r"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9\-]{10,}"),  # Slack
    re.compile(r"(?<![A-Za-z0-9])AIza[0-9A-Za-z_\-]{35}"),  # Google API key
    re.compile(
        r"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"
    ),
]
_ASSIGNED_SECRET = re.compile(
    r"(?i)(?:api[_\-]?key|apikey|secret(?:[_\-]?key)?|access[_\-]?key|auth[_\-]?token|"
    r"access[_\-]?token|token|bearer)[\"']?\s*(?:[:=]|\s)\s*[\"']?([A-Za-z0-9_\-+/=.]{16,})"
)


def shannon_entropy(text: str) -> float:
    """Bits per character; random keys score about 4-6, words and repeats far lower."""
    if not text:
        return 0.0
    counts: dict[str, int] = {}
    for char in text:
        counts[char] = counts.get(char, 0) + 1
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def api_keys(text: str) -> Iterator[Span]:
    for pattern in _TOKEN_PATTERNS:
        for match in pattern.finditer(text):
            yield match.span()
    for match in _ASSIGNED_SECRET.finditer(text):
        value = match.group(1)
        has_digit = any(c.isdigit() for c in value)
        if has_digit and shannon_entropy(value) >= 3.5:
            yield match.span(1)


_PRIVATE_KEY = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
    r"(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|.*\Z)",
    re.DOTALL,
)


def private_keys(text: str) -> Iterator[Span]:
    for match in _PRIVATE_KEY.finditer(text):
        yield match.span()


_PASSWORD = re.compile(
    r"(?i)(?<![A-Za-z])(?:password|passwd|passphrase|pwd)\s*(?:[:=：]|\bis\b)\s*"
    r"[\"'“]?(\S+?)[\"'”]?(?=[\s,;，。；]|$)"
    r"|(?:密码|口令|密碼)\s*(?:[:：=]|是|为|為)?\s*[\"'“]?([^\s,;，。；\"'”]+)"
)


def passwords(text: str) -> Iterator[Span]:
    for match in _PASSWORD.finditer(text):
        group = 1 if match.group(1) is not None else 2
        value = match.group(group)
        if value and not _PLACEHOLDER.fullmatch(value):
            yield match.span(group)


# --- personal data ------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![A-Za-z0-9\-])"
)


def emails(text: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(text):
        yield match.span()


_CN_MOBILE = re.compile(r"(?<![\d+])(?:(?:\+|00)86[\s\-]?)?1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4}(?!\d)")
_INTERNATIONAL = re.compile(r"(?<![\w+])(?:\+|00)[1-9][\d\s\-().]{5,20}\d(?!\d)")


def phones(text: str) -> Iterator[Span]:
    for match in _CN_MOBILE.finditer(text):
        yield match.span()
    for match in _INTERNATIONAL.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        if 8 <= digits <= 15 + 2:  # E.164 allows 15 digits; "00" prefix adds two
            yield match.span()


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CN_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")


def cn_id_check_char(first17: str) -> str:
    """The 18th character of a resident ID number (GB 11643-1999, ISO 7064 MOD 11-2)."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_valid_cn_id(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= date.today():
        return False
    return cn_id_check_char(number[:17]) == number[17].upper()


def cn_ids(text: str) -> Iterator[Span]:
    for match in _CN_ID.finditer(text):
        if is_valid_cn_id(match.group()):
            yield match.span()


_DIGIT_RUN = re.compile(r"(?<![\d\-+])\d+(?:[ \-]\d+)*(?![\d\-])")
_DIGITS = re.compile(r"\d+")


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


# No card number starts with 0, and "86" plus a mainland mobile number is a phone number
# written with its country code ("0086 139…", "86 139…"): one in ten passes Luhn by chance.
_NOT_A_CARD = re.compile(r"0\d*|861[3-9]\d{9}")


def _card_windows(groups: list[re.Match[str]]) -> Iterator[Span]:
    """Runs of digit groups (4-4-4-4, 4-6-5, 6-13, or one block) that pass Luhn.

    Every group but the last has at least three digits, so a list of small numbers
    ("1 2 3 4 …") is never read as a card.
    """
    for first in range(len(groups)):
        digits = ""
        for last in range(first, len(groups)):
            if last > first and len(groups[last - 1].group()) < 3:
                break
            digits += groups[last].group()
            if len(digits) > 19:
                break
            if (
                len(digits) >= 13
                and len(set(digits)) > 1
                and not _NOT_A_CARD.fullmatch(digits)
                and luhn_valid(digits)
            ):
                yield groups[first].start(), groups[last].end()


def bank_cards(text: str) -> Iterator[Span]:
    for run in _DIGIT_RUN.finditer(text):
        groups = list(_DIGITS.finditer(run.group()))
        # Overlapping candidate windows are merged, so the real number is always covered
        # even when neighbouring digits also happen to pass Luhn.
        merged: list[list[int]] = []
        for start, end in sorted(_card_windows(groups)):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            yield run.start() + start, run.start() + end


_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)")
_IPV6 = re.compile(
    r"(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![0-9A-Za-z:])"
)


def ip_addresses(text: str) -> Iterator[Span]:
    for match in _IPV4.finditer(text):
        try:
            ipaddress.IPv4Address(match.group())
        except ValueError:
            continue
        yield match.span()
    for match in _IPV6.finditer(text):
        candidate = match.group().split("%")[0]
        groups = [g for g in candidate.split(":") if g]
        if len(groups) < 2 or not any(c.isdigit() for c in candidate):
            continue  # "a::b" in code, clock times
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        yield match.span()


# Order is precedence when two findings overlap: the first kind wins.
DETECTORS: tuple[tuple[Kind, Detector], ...] = (
    (Kind.PRIVATE_KEY, private_keys),
    (Kind.API_KEY, api_keys),
    (Kind.PASSWORD, passwords),
    (Kind.CN_ID, cn_ids),
    (Kind.BANK_CARD, bank_cards),
    (Kind.PHONE, phones),
    (Kind.EMAIL, emails),
    (Kind.IP_ADDRESS, ip_addresses),
)
