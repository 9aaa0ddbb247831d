"""A reply's thinking: the trace a reasoning model streams before its answer, and the
Think choice -- which models take one, and what it becomes on the wire.

Qt-free: ``LiveReply`` carries a :class:`ThinkingTrace` (the reply's thread pushes, the
window's frame drains), and the chat panel asks :func:`think_support` whether to show
its Think control and :func:`wire_think` what to send.

What each provider takes (looked up 2026-12-01):

- **Ollama** ``"think": true|false`` on /api/chat for models whose /api/show
  ``capabilities`` include ``"thinking"``; gpt-oss takes ``"low"|"medium"|"high"``
  instead and ignores a bool (docs/capabilities/thinking.mdx). Without ``think`` a
  thinking model thinks (server/routes.go: ``req.Think`` defaults to true when the model
  has the capability), and ``think: true`` to a model without it is a 400 ("… does not
  support thinking"), so nothing is sent for such a model. Ollama's own app shows a level
  menu for gpt-oss (default medium) and an on/off button otherwise
  (app/ui/app/src/components/ChatForm.tsx, ThinkButton.tsx; ollama/ollama fb30760).
- **DeepSeek** ``{"thinking": {"type": "enabled"|"disabled"}}`` in the Chat Completions
  body (``extra_body`` in the OpenAI SDK); thinking is on by default
  (https://api-docs.deepseek.com/guides/thinking_mode).
- **Zhipu GLM** (``zhipu``, ``zai``) ``{"thinking": {"type": "enabled"|"disabled"}}``
  for GLM-4.5 and later, on by default (https://docs.bigmodel.cn/cn/guide/models/text/glm-4.5.md).
- **Volcano Ark** (``ark``) the same ``thinking.type`` for Doubao Seed models (also
  ``auto``; Hearth offers on/off), as the Ark docs' mirrors describe
  (https://www.ucloud-global.com/en/docs/modelverse/modelverse/text_api/doubao).
- **Qwen on DashScope** (``qwen``) ``"enable_thinking": true|false`` in the body of its
  OpenAI-compatible mode for the hybrid models (qwen3, qwen-plus/flash/turbo); off by
  default for the commercial ones, and the 2507 ``-instruct`` / ``-thinking`` models have
  one mode only, so they get no control
  (https://www.alibabacloud.com/help/ja/model-studio/glm; qwen.readthedocs.io quickstart).
- **OpenAI** reasoning models (o1, o3, o4-mini, gpt-5…) ``"reasoning_effort":
  "low"|"medium"|"high"`` (Chat Completions; medium by default). Their reasoning is not
  streamed, so only the answer shows; the effort still bills as output.
- **Anthropic** extended thinking ``{"type": "enabled", "budget_tokens": N}`` with N at
  least 1,024 and below ``max_tokens`` (anthropic SDK 2.15 ``ThinkingConfigEnabledParam``;
  Hearth's budget is ``app.engines.anthropic_engine.THINKING_BUDGET``);
  ``{"type": "disabled"}`` turns it off. Off unless asked for.

Billing: every one of these counts the thinking as output tokens. Ollama's
``eval_count``, OpenAI's and DeepSeek's ``completion_tokens`` (``reasoning_tokens`` is
a part of it, in ``completion_tokens_details``) and Anthropic's ``output_tokens`` (the
full thinking is billed, even where a summary is shown) all include it; so the ledger
keeps a reported count as it is, and an estimate (no usage reported, a stopped or
interrupted reply) counts the thinking's text with the answer's.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

ThinkMode = Literal["none", "toggle", "levels"]
LEVELS = ("low", "medium", "high")
CHOICES = ("on", "off", *LEVELS)


@dataclass(frozen=True)
class ThinkSupport:
    mode: ThinkMode
    default: str = ""
    """The choice the model makes when none is sent: 'on', 'off' or a level."""

    def effective(self, choice: str | None) -> str:
        """The choice as this model can take it: the person's, fitted to the mode."""
        if self.mode == "levels":
            if choice in LEVELS:
                return choice
            # gpt-oss cannot stop thinking: "off" is as little as it goes.
            return "low" if choice == "off" else self.default
        if self.mode == "toggle":
            if choice in LEVELS:
                return "on"
            return choice if choice in ("on", "off") else self.default
        return ""


NO_THINKING = ThinkSupport("none")


def _base_name(model: str) -> str:
    """``gpt-oss`` from ``gpt-oss:20b``, ``library/gpt-oss:120b-cloud``, ``hf.co/x/gpt-oss``."""
    return model.rsplit("/", 1)[-1].split(":", 1)[0].lower()


def _glm_can_think(name: str) -> bool:
    """GLM-4.5 and later (glm-4.5, glm-4.6, glm-4.7, glm-5, glm-5.1, their -air/-flash…)."""
    match = re.match(r"glm-(\d+)(?:\.(\d+))?", name)
    if match is None:
        return False
    major, minor = int(match.group(1)), int(match.group(2) or 0)
    return (major, minor) >= (4, 5)


def _qwen_is_hybrid(name: str) -> bool:
    if "-instruct" in name or "-thinking" in name or name.startswith(("qwq", "qvq")):
        return False
    return name.startswith(("qwen3", "qwen-plus", "qwen-flash", "qwen-turbo"))


def _openai_reasons(name: str) -> bool:
    return name.startswith(("o1", "o3", "o4", "gpt-5")) and "chat" not in name


_ON, _OFF, _LEVELS = (
    ThinkSupport("toggle", "on"),
    ThinkSupport("toggle", "off"),
    ThinkSupport("levels", "medium"),
)
# provider -> (which of its models take a Think choice, and how)
_CLOUD_RULES: dict[str, tuple[Callable[[str], bool], ThinkSupport]] = {
    "deepseek": (lambda _name: True, _ON),
    "zhipu": (_glm_can_think, _ON),
    "zai": (_glm_can_think, _ON),
    "ark": (lambda name: name.startswith("doubao-seed"), _ON),
    "qwen": (_qwen_is_hybrid, _OFF),
    "openai": (_openai_reasons, _LEVELS),
    "anthropic": (lambda _name: True, _OFF),
}


def think_support(provider: str, model: str, capabilities: Iterable[str] = ()) -> ThinkSupport:
    """Whether (and how) ``model`` at ``provider`` takes a Think choice."""
    if provider == "ollama":
        if "thinking" not in set(capabilities):
            return NO_THINKING
        return _LEVELS if _base_name(model).startswith("gpt-oss") else _ON
    takes, support = _CLOUD_RULES.get(provider, (lambda _name: False, NO_THINKING))
    return support if takes(_base_name(model)) else NO_THINKING


def wire_think(support: ThinkSupport, choice: str | None) -> bool | str | None:
    """What goes in ``ChatRequest.think``: a bool, a level, or None (send nothing)."""
    if choice is None and support.default == "off":
        return None  # off already, unasked: send nothing a model might not know
    effective = support.effective(choice)
    if support.mode == "levels":
        return effective
    if support.mode == "toggle":
        return effective == "on"
    return None


class ThinkingTrace:
    """The thinking of one reply in flight. The reply's thread pushes pieces; one reader
    (the window's frame) drains them. It thought from its first piece until the first
    piece of the answer (or the reply's end)."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._drained = 0
        self._lock = threading.Lock()
        self._started: float | None = None
        self._ended: float | None = None
        self._end_told = False

    def push(self, piece: str) -> None:
        with self._lock:
            if self._started is None:
                self._started = time.monotonic()
            self._parts.append(piece)

    def answer_began(self) -> None:
        """The answer's text arrived (called per piece of it: kept to one comparison)."""
        if self._ended is None and self._started is not None:
            self._ended = time.monotonic()

    end = answer_began
    """The reply ended: thinking that was still going ends with it."""

    @property
    def started(self) -> bool:
        return self._started is not None

    @property
    def ended(self) -> bool:
        return self._ended is not None

    @property
    def text(self) -> str:
        with self._lock:
            return "".join(self._parts)

    @property
    def ms(self) -> int | None:
        """How long it thought (so far, while it still does); None when it did not."""
        started = self._started
        if started is None:
            return None
        return round(((self._ended or time.monotonic()) - started) * 1000)

    def drain(self) -> tuple[str, int | None]:
        """Thinking since the last drain; with the duration once, when it has ended."""
        with self._lock:
            parts = self._parts[self._drained :]
            self._drained = len(self._parts)
            told = self._ended is not None and not self._end_told
            self._end_told = self._end_told or told
        return "".join(parts), self.ms if told else None

    def snapshot(self) -> tuple[str, int | None]:
        """All of it, counted as drained (a view showing it afresh, then draining); the
        duration when it has ended."""
        with self._lock:
            self._drained = len(self._parts)
            self._end_told = self._ended is not None
            text = "".join(self._parts)
        return text, self.ms if self._ended is not None else None
