"""``hearth ask``: one turn of a conversation from a terminal or a script.

The same conversation layer as the window (``app.chat.conversation``): the words and the
reply are stored in the same database, the usage in the same ledger. The reply streams
to stdout as it arrives; ``--json`` prints one object at the end instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.chat.conversation import ChatCore, FinishedReply
from app.chat.routes import EngineResolver
from app.chat.service import LazyEnergyProbe, LazyPricer, Pricer
from app.chat.system_prompt import prompt_for_new
from app.core import paths, validate
from app.core.errors import KnownError
from app.core.i18n import translate
from app.core.lazy import serial_imports
from app.core.settings import LAST_MODEL, Settings
from app.engines.addresses import parse_ref
from app.engines.base import EngineError, ErrorKind
from app.engines.found import Discovery
from app.engines.hosts import ollama_host
from app.privacy.gate import Action, Check, Decision
from app.privacy.outbound import print_findings
from app.privacy.review import ConversationGate
from app.storage import repo
from app.storage.records import Conversation
from app.storage.writer import SerialWriter

EXIT_REPLY_FAILED = 1
EXIT_NOT_SENT = 3
"""The person (or the check of what leaves the machine) decided not to send."""
EXIT_BLOCKED = 4
"""Local-only mode refused a destination off this machine (``app.privacy.outbound``)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help=translate("AskCommand", "ask a model and print the reply"),
        description=translate(
            "AskCommand",
            "Send one message and stream the reply to standard output. The message and "
            "the reply are kept in Hearth's conversations, and the usage in its ledger. "
            "What would leave this computer is checked first: when private data is found "
            "nothing is sent and the exit status is 3, unless --redact or --send-anyway is "
            "given; in local-only mode any cloud is refused with exit status 4.",
        ),
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--new",
        action="store_true",
        help=translate("AskCommand", "start a new conversation (the default)"),
    )
    which.add_argument(
        "--conversation",
        metavar="ID|last",
        help=translate("AskCommand", "continue this conversation, or the latest one"),
    )
    parser.add_argument("--model", help=translate("AskCommand", "the model to ask"))
    parser.add_argument(
        "--provider",
        help=translate("AskCommand", "send to this cloud provider (e.g. anthropic, deepseek)"),
    )
    privacy = parser.add_mutually_exclusive_group()
    privacy.add_argument(
        "--redact",
        action="store_true",
        help=translate(
            "AskCommand",
            "if private data is found in what would leave this computer, replace it with "
            "labels such as [EMAIL] and send",
        ),
    )
    privacy.add_argument(
        "--send-anyway",
        action="store_true",
        help=translate("AskCommand", "if private data is found, send it as written (think twice)"),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=translate("AskCommand", "print the conversation id, the reply and its usage"),
    )
    parser.add_argument(
        "text",
        nargs="?",
        default="-",
        help=translate("AskCommand", "the message; - or nothing reads it from standard input"),
    )
    parser.set_defaults(func=run)


def _read_text(text: str) -> str:
    if text != "-":
        return text
    if sys.stdin is None or sys.stdin.isatty():
        raise KnownError(
            translate("AskCommand", "Give the message as an argument or on standard input.")
        )
    return sys.stdin.read()


def _conversation(writer: SerialWriter, which: str | None) -> Conversation | None:
    if not which:
        return None
    if which == "last":
        found = writer.call(repo.list_conversations)
        if not found:
            raise KnownError(translate("AskCommand", "There is no conversation yet."))
        return found[0]
    try:
        conversation_id = int(which)
    except ValueError:
        raise KnownError(
            translate("AskCommand", "“{value}” is not a conversation id.").format(value=which)
        ) from None
    conversation = writer.call(lambda conn: repo.get_conversation(conn, conversation_id))
    if conversation is None:
        raise KnownError(
            translate("AskCommand", "There is no conversation {id}.").format(id=conversation_id)
        )
    return conversation


def _pick_model(
    args: argparse.Namespace,
    conversation: Conversation | None,
    settings: Settings,
    resolver: EngineResolver,
    host: str,
) -> str:
    """The model to ask: --model (found on whichever local engine has it), else the
    conversation's, else the last used, else the first installed anywhere."""
    if args.model:
        name = validate.model_name(str(args.model))
        return name if args.provider else _find_local(name, settings, resolver, host)
    if conversation is not None and conversation.escalated and not args.provider:
        return conversation.cloud_model or ""
    if conversation is not None and conversation.model and not args.provider:
        return conversation.model
    if args.provider:
        raise KnownError(translate("AskCommand", "Name the cloud model with --model."))
    last = settings.get(LAST_MODEL)
    if last:
        return last
    unreachable: EngineError | None = None
    try:
        installed = [m for m in resolver.local().list_models() if not m.remote_host]
    except EngineError as exc:
        installed, unreachable = [], exc
    if installed:
        return installed[0].name
    elsewhere = [
        engine.ref(model.name)
        for engine, model in _look_around(settings, resolver, host).all_models()
        if not model.remote and engine.engine_id != "ollama"
    ]
    if elsewhere:
        return elsewhere[0]
    if unreachable is not None:
        raise KnownError(_engine_message(unreachable)) from unreachable
    raise KnownError(
        translate("AskCommand", "No model is installed. Download one: hearth pull NAME")
    )


def _look_around(settings: Settings, resolver: EngineResolver, host: str) -> Discovery:
    with serial_imports:
        from app.engines.discovery import discover
        from app.engines.local import configured_addresses, keyring_lookup

    found = discover(host, configured_addresses(settings), keys=keyring_lookup(resolver.keys))
    resolver.local_engines.learn(found.engines)
    return found


def _find_local(name: str, settings: Settings, resolver: EngineResolver, host: str) -> str:
    """``name`` as the engine that has it knows it: a bare name for the default Ollama,
    else a reference to LM Studio, llama.cpp, … (unknown everywhere: left to Ollama,
    which answers with a clear "model not found")."""
    if "|" in name:
        return name
    try:
        installed = {m.name for m in resolver.local().list_models()}
    except EngineError:
        installed = set()
    if name in installed or f"{name}:latest" in installed:
        return name
    with serial_imports:
        from app.engines.discovery import find_engine_for_model

    match = find_engine_for_model(name, _look_around(settings, resolver, host))
    if match is None:
        return name
    engine, model = match
    return (
        model.name
        if resolver.is_local_ollama(parse_ref(engine.ref(model.name)))
        else (engine.ref(model.name))
    )


def _engine_message(error: EngineError) -> str:
    with serial_imports:
        from app.chat.errors import describe_engine_error

    return describe_engine_error(error)


def _meters(settings: Settings) -> tuple[LazyEnergyProbe, LazyPricer]:
    def make_probe() -> Any:
        with serial_imports:
            from app.ledger.energy import make_energy_probe

        return make_energy_probe(settings)

    def make_pricer() -> Pricer:
        with serial_imports:
            from app.cloud.pricer import make_pricer

        return make_pricer(settings)

    return LazyEnergyProbe(make_probe), LazyPricer(make_pricer)


def run(args: argparse.Namespace) -> int:
    text = _read_text(args.text)
    if not text.strip():
        raise KnownError(translate("AskCommand", "The message is empty."))
    settings = Settings(paths.settings_path())
    writer = SerialWriter(paths.database_path())
    pool = ThreadPoolExecutor(2, thread_name_prefix="hearth-ask")
    try:
        writer.opened().result()
        return _ask(args, text, settings, writer, pool)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        writer.close()


def _ask(
    args: argparse.Namespace,
    text: str,
    settings: Settings,
    writer: SerialWriter,
    pool: ThreadPoolExecutor,
) -> int:
    host = validate.server_url(ollama_host())
    resolver = EngineResolver(settings, host)
    probe, pricer = _meters(settings)
    gate = _gate(args, settings, writer, resolver, host)
    core = ChatCore(writer, pool.submit, resolver, energy_probe=probe, pricer=pricer, gate=gate)
    conversation = _conversation(writer, args.conversation)
    model = _pick_model(args, conversation, settings, resolver, host)
    _refuse_retired(args.provider or _cloud_provider(conversation), model)
    local_model = "" if args.provider else model
    target, _message = core.send(
        conversation, text, model=local_model, system_prompt=prompt_for_new(settings)
    ).result()
    if args.provider:
        target = core.escalate(target.id, args.provider, model).result()
    elif conversation is None or not target.escalated:
        core.set_model(target.id, model).result()

    def show(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    live = core.reply(target.id, model, None if args.json else show).result()
    try:
        finished = live.done.result()
    except KeyboardInterrupt:
        core.stop(target.id)
        finished = live.done.result()
        _report(args, finished)
        return 130
    return _report(args, finished)


def _cloud_provider(conversation: Conversation | None) -> str:
    if conversation is None or not conversation.escalated:
        return ""
    return conversation.cloud_provider or ""


def _refuse_retired(provider_id: str, model: str) -> None:
    """A model id its provider has retired fails at the provider; say so before anything
    is stored or sent, naming the model that replaces it."""
    with serial_imports:
        from app.cloud.providers import retired_message, retired_model

    entry = retired_model(provider_id, model) if provider_id else None
    if entry is None:
        return
    raise KnownError(
        retired_message(provider_id, model),
        hint=translate(
            "AskCommand", "Ask again with --provider {provider} --model {model}."
        ).format(provider=provider_id, model=entry.successor),
    )


def _gate(
    args: argparse.Namespace,
    settings: Settings,
    writer: SerialWriter,
    resolver: EngineResolver,
    host: str,
) -> ConversationGate:
    """Issue 12: the same gate as the window; the flags answer its question."""

    def ask(_conversation_id: int, check: Check) -> Decision | None:
        if args.redact:
            return Decision(Action.REDACT)
        if args.send_anyway:
            return Decision(Action.SEND)
        print_findings(check, sys.stderr)
        return None  # not sent: EXIT_NOT_SENT

    return ConversationGate(
        writer,
        settings,
        host,
        ask,
        ollama_details=lambda model: resolver.local().model_details(model),
    )


def _report(args: argparse.Namespace, finished: FinishedReply) -> int:
    reply, usage = finished.reply, finished.usage
    if args.json:
        print(
            json.dumps(
                {
                    "conversation_id": finished.live.conversation_id,
                    "message_id": finished.live.message_id,
                    "model": usage.model,
                    "provider": usage.provider,
                    "outcome": "cancelled" if finished.cancelled else reply.outcome,
                    "reply": reply.content,
                    "error": finished.error_text or None,
                    "usage": {
                        "input_tokens": usage.input_tokens,
                        "cached_input_tokens": usage.cached_input_tokens,
                        "output_tokens": usage.output_tokens,
                        "context_tokens": usage.context_tokens,
                        "estimated": usage.usage_estimated,
                        "wall_ms": round(usage.wall_ms, 1),
                        "ttft_ms": None if usage.ttft_ms is None else round(usage.ttft_ms, 1),
                        "cost_usd": None if usage.cost_usd is None else str(usage.cost_usd),
                        "energy_j": usage.energy_j,
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif reply.content and not reply.content.endswith("\n"):
        print()
    if finished.cancelled:
        print(translate("AskCommand", "hearth: not sent."), file=sys.stderr)
        return EXIT_NOT_SENT
    if reply.outcome == "failed":
        print(f"hearth: {finished.error_text}", file=sys.stderr)
        blocked = reply.error is not None and reply.error.kind is ErrorKind.BLOCKED
        return EXIT_BLOCKED if blocked else EXIT_REPLY_FAILED
    if usage.id is None:
        print(translate("AskCommand", "hearth: the reply could not be saved."), file=sys.stderr)
        return EXIT_REPLY_FAILED
    return 0
