"""The one gate every request passes before it leaves the machine.

Every path that sends a conversation anywhere -- first send, follow-up, regenerate,
retry, ``hearth ask`` -- builds the exact request it is about to send and hands it to
``check_outbound`` together with where it goes. The answer says one of three things:

- ``PASS``: nothing leaves the machine, or nothing private is in what leaves;
- ``BLOCKED``: local-only mode is on and the destination is off this machine;
- ``ASK``: private items were found that the person has not decided about yet.

For ``ASK`` the caller shows the findings and gets a ``Decision`` (redact and send,
send anyway, cancel; optionally "don't ask again in this conversation for these
items"). ``apply_decision`` then builds what is really sent. It never touches the
stored conversation: redaction changes only the outgoing copy, and ``Outbound`` says
which messages went out in which form, so the caller can record it beside the
original (``app.privacy.store``) and show it on the message.

What the same recipient has already received in this conversation is not asked about
again: such a message is sent again exactly as it was sent the first time (redacted
if it was), and a reply the recipient wrote itself is not "leaking" to it. A new
finding, a new message, an edited system prompt or another recipient asks again.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from app.core.i18n import translate
from app.engines.base import ChatMessage, ChatRequest, EngineError, ErrorKind
from app.privacy.detectors import Kind
from app.privacy.egress import Destination, where_label
from app.privacy.scanner import Finding, fold_width, replace_findings, scan

SYSTEM_KEY = "system"


def message_key(message_id: int) -> str:
    """How a stored message is named in the gate's records."""
    return f"message:{message_id}"


class Action(enum.Enum):
    REDACT = "redact_and_send"
    SEND = "send_anyway"
    CANCEL = "cancel"


class Status(enum.Enum):
    PASS = "pass"  # noqa: S105 - a status, not a password
    ASK = "ask"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class Decision:
    """What the person chose in the findings dialog (or on the command line)."""

    action: Action
    remember: bool = False
    """"Don't ask again in this conversation for these items": stores their fingerprints."""
    seen: frozenset[str] | None = None
    """Fingerprints the person was shown, when the decision was made ahead of the send
    ("Send to cloud…"): it then answers a later check only if that finds nothing else."""

    def covers(self, check: Check) -> bool:
        """True when this decision answers ``check`` without asking again."""
        if self.seen is None:
            return True
        return all(item.fingerprint in self.seen for item in check.ask)


@dataclass(frozen=True)
class Item:
    """One thing found in the outgoing request: a private value, or an image."""

    kind: Kind
    fingerprint: str
    message_index: int
    """Index into ``request.messages``."""
    finding: Finding | None = None
    """The text finding (``None`` for an image)."""
    image_index: int = -1
    """For an image: its position in the message's images."""
    image_size: int = 0

    @property
    def label(self) -> str:
        if self.finding is not None:
            return self.finding.label
        return translate("Privacy", "Image")

    def excerpt(self) -> str:
        if self.finding is not None:
            return self.finding.excerpt()
        return translate("Privacy", "An attached image ({size} KB): Hearth cannot read it.").format(
            size=max(1, round(self.image_size / 1024))
        )


@dataclass(frozen=True)
class SentRecord:
    """What a recipient already received for one stored message (``app.privacy.store``)."""

    key: str
    destination: str
    """``Destination.key`` of the recipient."""
    original_sha: str
    """``original_digest`` of the message as stored, to notice an edit."""
    sent_content: str
    images_kept: tuple[int, ...]
    """Positions of the message's images that were sent (the others were held back)."""


@dataclass(frozen=True)
class History:
    """What the caller knows about the request's messages, index for index.

    Without it (``hearth ask``, a one-off request) every message is new and checked.
    """

    keys: tuple[str, ...] = ()
    """``SYSTEM_KEY``, ``message_key(id)``, or '' for a message not stored."""
    sent: Mapping[str, SentRecord] = field(default_factory=dict)
    """By key: what this conversation already sent (any recipient)."""
    authors: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """By key: (provider, model) that wrote an assistant reply."""


@dataclass(frozen=True)
class Check:
    """The gate's answer about one request."""

    status: Status
    request: ChatRequest
    """The request as it would go out: messages already sent use their sent form."""
    destination: Destination
    ask: tuple[Item, ...] = ()
    """Items the person has to decide about."""
    standing: tuple[tuple[Item, Action], ...] = ()
    """Items decided earlier with "don't ask again", and that decision."""
    new_indices: tuple[int, ...] = ()
    """Messages this recipient has not received before (the ones that were checked)."""
    keys: tuple[str, ...] = ()
    refusal: str = ""

    @property
    def where(self) -> str:
        return where_label(self.destination)

    def blocked_error(self) -> EngineError:
        """The refusal as the engine error every reply path already knows how to show."""
        return EngineError(ErrorKind.BLOCKED, self.refusal)


@dataclass(frozen=True)
class SentVersion:
    """How one message went out; the caller stores it next to the original."""

    key: str
    original_sha: str
    sent_content: str
    images_kept: tuple[int, ...]
    redacted: tuple[Kind, ...]
    """Kinds of the values replaced (one entry per value), empty when sent as written."""
    images_held_back: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.redacted) or self.images_held_back > 0


@dataclass(frozen=True)
class Outbound:
    """The request to send, what to record about it, and the allowances to store."""

    request: ChatRequest
    destination: Destination
    versions: tuple[SentVersion, ...]
    remember: Mapping[str, Action]
    """Fingerprint -> action, for "don't ask again in this conversation"."""


class GateCancelled(Exception):  # noqa: N818 - not an error: the person said no
    """``apply_decision`` was told to cancel: nothing is sent."""


# --- fingerprints ----------------------------------------------------------------------

_DIGIT_KINDS = (Kind.CN_ID, Kind.BANK_CARD, Kind.PHONE)


def fingerprint(kind: Kind, value: str | bytes) -> str:
    """A stable name for one private value, without keeping the value itself.

    Card, ID and phone numbers are compared by their characters alone, so "4111 1111 …"
    and "4111-1111-…" are the same item.
    """
    if isinstance(value, bytes):
        data = value
    else:
        text = fold_width(value).strip()
        if kind in _DIGIT_KINDS:
            text = "".join(c for c in text if c.isalnum()).upper()
        data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(kind.value.encode() + b"\0" + data).hexdigest()[:32]


def original_digest(message: ChatMessage) -> str:
    """Identifies a message's stored content, so an edit is noticed."""
    digest = hashlib.sha256(message.role.encode() + b"\0")
    digest.update(message.content.encode("utf-8", "surrogatepass"))
    for image in message.images:
        digest.update(b"\0image\0" + hashlib.sha256(image).digest())
    return digest.hexdigest()


# --- the check -------------------------------------------------------------------------


def _already_received(
    message: ChatMessage, key: str, history: History, destination: Destination
) -> ChatMessage | None:
    """The form in which ``destination`` already has this message, or None if it has not."""
    if not key:
        return None
    author = history.authors.get(key)
    if message.role == "assistant" and author == (destination.provider, destination.model):
        return message  # its own words
    record = history.sent.get(key)
    if record is None or record.destination != destination.key:
        return None
    if record.original_sha != original_digest(message):
        return None  # edited since
    images = tuple(message.images[i] for i in record.images_kept if i < len(message.images))
    return replace(message, content=record.sent_content, images=images)


def _items(message: ChatMessage, index: int) -> list[Item]:
    items = [
        Item(finding.kind, fingerprint(finding.kind, finding.value), index, finding)
        for finding in scan(message.content, index)
    ]
    for position, image in enumerate(message.images):
        items.append(
            Item(
                Kind.IMAGE,
                fingerprint(Kind.IMAGE, image),
                index,
                image_index=position,
                image_size=len(image),
            )
        )
    return items


def check_outbound(
    request: ChatRequest,
    destination: Destination,
    *,
    local_only: bool,
    allowances: Mapping[str, Action] | None = None,
    history: History | None = None,
) -> Check:
    """The gate. ``request`` is exactly what would be sent (system prompt included).

    ``allowances`` are the conversation's standing "don't ask again" decisions by
    fingerprint. Pure and fast enough for the GUI thread on ordinary conversations;
    callers run it with the rest of the send work on a worker thread anyway.
    """
    history = history or History()
    keys = tuple(history.keys) + ("",) * (len(request.messages) - len(history.keys))
    keys = keys[: len(request.messages)]
    if not destination.leaves_machine:
        return Check(Status.PASS, request, destination, keys=keys)
    if local_only:
        refusal = translate(
            "Privacy",
            "Local-only mode is on, so Hearth sends nothing off this computer. {where} "
            "Turn local-only mode off, or choose a model that runs here.",
        ).format(where=where_label(destination))
        return Check(Status.BLOCKED, request, destination, keys=keys, refusal=refusal)

    allowances = allowances or {}
    wire: list[ChatMessage] = []
    new: list[int] = []
    ask: list[Item] = []
    standing: list[tuple[Item, Action]] = []
    for index, (message, key) in enumerate(zip(request.messages, keys, strict=True)):
        known = _already_received(message, key, history, destination)
        if known is not None:
            wire.append(known)
            continue
        wire.append(message)
        new.append(index)
        for item in _items(message, index):
            action = allowances.get(item.fingerprint)
            if action in (Action.SEND, Action.REDACT):
                standing.append((item, action))
            else:
                ask.append(item)
    prepared = replace(request, messages=tuple(wire))
    status = Status.ASK if ask else Status.PASS
    return Check(
        status,
        prepared,
        destination,
        ask=tuple(ask),
        standing=tuple(standing),
        new_indices=tuple(new),
        keys=keys,
    )


# --- applying a decision ---------------------------------------------------------------


def _redact_text(text: str, findings: Sequence[Finding], keep: Collection[str]) -> str:
    """``text`` with ``findings`` replaced by placeholders. Replacing can join fragments
    into something that scans as private again; such new finds are replaced too, unless
    the person allowed exactly that value."""
    result = replace_findings(text, findings)
    for _ in range(3):
        extra = [f for f in scan(result) if fingerprint(f.kind, f.value) not in keep]
        if not extra:
            break
        result = replace_findings(result, extra)
    return result


def apply_decision(check: Check, decision: Decision | None) -> Outbound:
    """What is really sent, given the person's decision about ``check.ask``.

    ``decision`` may be None only when nothing needs deciding. Raises ``GateCancelled``
    for Cancel and ``EngineError(BLOCKED)`` for a blocked check. The stored
    conversation is never changed here.
    """
    if check.status is Status.BLOCKED:
        raise check.blocked_error()
    if check.ask and decision is None:
        raise ValueError("this request needs the person's decision first")
    if decision is not None and decision.action is Action.CANCEL:
        raise GateCancelled
    chosen = decision.action if decision is not None else Action.SEND
    actions: dict[str, Action] = {}
    for item, action in check.standing:
        actions[item.fingerprint] = action
    for item in check.ask:
        actions[item.fingerprint] = chosen
    keep = {fp for fp, action in actions.items() if action is Action.SEND}

    messages = list(check.request.messages)
    versions: list[SentVersion] = []
    items = [*check.ask, *(item for item, _ in check.standing)]
    original = check.request.messages
    for index in check.new_indices:
        message = original[index]
        mine = [item for item in items if item.message_index == index]
        to_redact = [
            item.finding
            for item in mine
            if item.finding is not None and actions[item.fingerprint] is Action.REDACT
        ]
        held = {
            item.image_index
            for item in mine
            if item.finding is None and actions[item.fingerprint] is Action.REDACT
        }
        content = _redact_text(message.content, to_redact, keep) if to_redact else message.content
        kept = tuple(i for i in range(len(message.images)) if i not in held)
        if held:
            note = translate("Privacy", "[{count} image(s) not sent]").format(count=len(held))
            content = f"{content}\n{note}" if content else note
        messages[index] = replace(
            message, content=content, images=tuple(message.images[i] for i in kept)
        )
        key = check.keys[index] if index < len(check.keys) else ""
        if key:
            versions.append(
                SentVersion(
                    key=key,
                    original_sha=original_digest(message),
                    sent_content=content,
                    images_kept=kept,
                    redacted=tuple(f.kind for f in to_redact),
                    images_held_back=len(held),
                )
            )
    remember: dict[str, Action] = {}
    if decision is not None and decision.remember:
        remember = {item.fingerprint: chosen for item in check.ask}
    return Outbound(
        replace(check.request, messages=tuple(messages)),
        check.destination,
        tuple(versions),
        remember,
    )


def pass_through(check: Check) -> Outbound:
    """``apply_decision`` for a check that needs no decision (PASS)."""
    return apply_decision(check, None)
