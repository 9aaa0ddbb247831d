"""The privacy check run over everything that would leave the machine.

``scan(text)`` finds API keys and tokens, private keys, passwords, e-mail addresses,
phone numbers, Chinese resident ID numbers, bank card numbers and IP addresses;
``redact(text)`` replaces each with a labelled placeholder such as ``[EMAIL]``.
"""

from app.privacy.detectors import Kind
from app.privacy.scanner import Finding, apply_redactions, redact, scan, scan_messages

__all__ = ["Finding", "Kind", "apply_redactions", "redact", "scan", "scan_messages"]
