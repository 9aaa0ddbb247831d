"""Findings and redaction on top of the detectors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.i18n import translate
from app.privacy.detectors import DETECTORS, Kind

CONTEXT_CHARS = 32
_MAX_REDACTION_PASSES = 4


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    value: str
    before: str
    """Up to ``CONTEXT_CHARS`` characters of the text before the finding."""
    after: str
    message_index: int = 0
    """Which message of a conversation it is in (``scan_messages``)."""

    @property
    def label(self) -> str:
        return kind_label(self.kind)

    def excerpt(self) -> str:
        """One line of context with the finding in guillemets, for plain-text display."""
        text = f"{self.before}«{self.value}»{self.after}"
        return " ".join(text.split())


def kind_label(kind: Kind) -> str:
    labels = {
        Kind.PRIVATE_KEY: translate("Privacy", "Private key"),
        Kind.API_KEY: translate("Privacy", "API key or token"),
        Kind.PASSWORD: translate("Privacy", "Password"),
        Kind.CN_ID: translate("Privacy", "Resident ID number"),
        Kind.BANK_CARD: translate("Privacy", "Bank card number"),
        Kind.EMAIL: translate("Privacy", "E-mail address"),
        Kind.PHONE: translate("Privacy", "Phone number"),
        Kind.IP_ADDRESS: translate("Privacy", "IP address"),
        Kind.IMAGE: translate("Privacy", "Image"),
    }
    return labels[kind]


# Full-width forms (U+FF01-FF5E) and the ideographic space, as Chinese and Japanese
# input methods type them: "１３９…", "ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ". Each maps to one
# ASCII character, so a folded copy has the same length and its spans fit the original.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """``text`` with full-width letters, digits and punctuation as their ASCII twins."""
    return text.translate(_FULL_WIDTH)


def scan(text: str, message_index: int = 0) -> list[Finding]:
    """Every finding in ``text``, in reading order, none overlapping another.

    When two detectors claim overlapping text the one listed first in ``DETECTORS``
    wins (a private key block beats the e-mail address inside it). Full-width digits
    and letters count as their ASCII twins; findings quote the text as written.
    """
    probe = fold_width(text)
    accepted: list[tuple[int, int, Kind]] = []
    for kind, detector in DETECTORS:
        for start, end in detector(probe):
            if end <= start:
                continue
            if any(
                start < taken_end and taken_start < end for taken_start, taken_end, _ in accepted
            ):
                continue
            accepted.append((start, end, kind))
    accepted.sort()
    return [
        Finding(
            kind=kind,
            start=start,
            end=end,
            value=text[start:end],
            before=text[max(0, start - CONTEXT_CHARS) : start],
            after=text[end : end + CONTEXT_CHARS],
            message_index=message_index,
        )
        for start, end, kind in accepted
    ]


def scan_messages(messages: Sequence[str]) -> list[Finding]:
    findings: list[Finding] = []
    for index, text in enumerate(messages):
        findings.extend(scan(text, index))
    return findings


def replace_findings(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with each of ``findings`` (from a scan of ``text``) replaced by its placeholder."""
    parts: list[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        parts.append(text[position : finding.start])
        parts.append(finding.kind.placeholder)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str) -> str:
    """``text`` with every finding replaced by its placeholder, e.g. ``[EMAIL]``.

    Replacing can, rarely, join two fragments into something that looks sensitive
    again, so the scan repeats until nothing is found.
    """
    for _ in range(_MAX_REDACTION_PASSES):
        findings = scan(text)
        if not findings:
            return text
        text = replace_findings(text, findings)
    return text


def apply_redactions(messages: list[str]) -> list[str]:
    """The messages as they will be sent once the person chose "Redact and send"."""
    return [redact(text) for text in messages]
