"""A provider refusing a model id it has retired: the error names the model that
replaces it (``app.cloud.providers.RETIRED_MODELS``), so the chat can say so and offer it.

Applied where a cloud reply's error reaches the chat (``app.chat.service``): the engines
below know the wire, not which ids a provider has retired.
"""

from __future__ import annotations

from app.cloud.providers import retired_message, retired_model
from app.engines.base import EngineError, ErrorKind

_NO_SUCH_MODEL = ("not exist", "not found", "does not", "unknown", "invalid")


def name_successor(error: EngineError, provider_id: str, model: str) -> EngineError:
    """``error`` naming the successor when ``model`` is retired and the provider said it
    does not know it; any other error unchanged.

    DeepSeek answers a retired or unknown id with HTTP 400 ``{"error": {"message": "Model
    Not Exist", "type": "invalid_request_error", "param": null, "code":
    "invalid_request_error"}}`` (as its users report it, e.g. deepwn/addi#13), not 404, so
    a 400 that says "model … not exist" counts too; other 400s (a bad parameter) do not."""
    entry = retired_model(provider_id, model)
    if entry is None or error.kind not in (ErrorKind.NOT_FOUND, ErrorKind.BAD_REQUEST):
        return error
    words = error.detail.lower()
    says_no_such_model = "model" in words and any(p in words for p in _NO_SUCH_MODEL)
    if error.kind is ErrorKind.BAD_REQUEST and not says_no_such_model:
        return error
    return EngineError(
        ErrorKind.NOT_FOUND,
        retired_message(provider_id, model),
        status=error.status,
        successor=entry.successor,
    )
