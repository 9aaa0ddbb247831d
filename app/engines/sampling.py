"""What an OpenAI-compatible or Anthropic engine sends for ``ChatRequest.options``.

Below the chat layer (engines import nothing above them, see tests/unit/test_layering.py);
:mod:`app.chat.options` explains the names and where each rule comes from.
"""

from __future__ import annotations

from collections.abc import Mapping

ANTHROPIC_TEMPERATURE_MAX = 1.0
"""The Messages API's temperature range is 0-1 (OpenAI's is 0-2)."""


def sampling_params(
    options: Mapping[str, object] | None, *, anthropic: bool = False
) -> dict[str, int | float]:
    """The request fields an OpenAI-compatible or Anthropic engine sends for
    ``ChatRequest.options``. Names those servers do not take (``num_ctx``: they fix
    their context themselves) are left out."""
    given = dict(options or {})
    params: dict[str, int | float] = {}
    temperature, top_p, seed = given.get("temperature"), given.get("top_p"), given.get("seed")
    if isinstance(temperature, int | float) and not isinstance(temperature, bool):
        params["temperature"] = (
            min(float(temperature), ANTHROPIC_TEMPERATURE_MAX) if anthropic else temperature
        )
    if (
        isinstance(top_p, int | float)
        and not isinstance(top_p, bool)
        and not (anthropic and "temperature" in params)
    ):
        params["top_p"] = top_p
    if not anthropic and isinstance(seed, int) and not isinstance(seed, bool):
        params["seed"] = seed
    return params
