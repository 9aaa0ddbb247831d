"""A fake Ollama registry (registry.ollama.ai's OCI distribution API) over local HTTP.

``GET /v2/<namespace>/<name>/manifests/<tag>`` answers an image manifest as the real
registry does (``schemaVersion`` 2, Docker v2 media type, a ``config`` blob and
``layers`` with ``mediaType``, ``digest`` and ``size``); an unknown name or tag answers
404 with the distribution spec's error body ``{"errors": [{"code": "MANIFEST_UNKNOWN",
...}]}``.
"""

from __future__ import annotations

import hashlib
import re

from tests.fakes.sse_server import FakeServer, RecordedRequest, _Handler

_PATH = re.compile(r"^/v2/(?P<ns>[^/]+)/(?P<name>[^/]+)/manifests/(?P<tag>[^/]+)$")
_MEDIA = {
    "model": "application/vnd.ollama.image.model",
    "template": "application/vnd.ollama.image.template",
    "license": "application/vnd.ollama.image.license",
    "params": "application/vnd.ollama.image.params",
    "projector": "application/vnd.ollama.image.projector",
}


def _digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


class FakeRegistry(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.manifests: dict[str, list[tuple[str, int]]] = {}
        """``library/qwen3:8b`` → (layer kind, size) in the order the registry lists them."""

    def add(self, name: str, layers: list[tuple[str, int]]) -> None:
        path, _, tag = name.partition(":")
        key = path if "/" in path else f"library/{path}"
        self.manifests[f"{key}:{tag or 'latest'}"] = layers

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        match = _PATH.match(request.path.split("?", 1)[0])
        key = f"{match['ns']}/{match['name']}:{match['tag']}" if match else ""
        layers = self.manifests.get(key)
        if request.method != "GET" or layers is None:
            handler.send_json(
                404,
                {
                    "errors": [
                        {
                            "code": "MANIFEST_UNKNOWN",
                            "message": "manifest unknown",
                            "detail": {"Tag": match["tag"] if match else ""},
                        }
                    ]
                },
            )
            return
        handler.send_json(
            200,
            {
                "schemaVersion": 2,
                "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                "config": {
                    "mediaType": "application/vnd.docker.container.image.v1+json",
                    "digest": _digest(key + "config"),
                    "size": 487,
                },
                "layers": [
                    {"mediaType": _MEDIA[kind], "digest": _digest(f"{key}{kind}"), "size": size}
                    for kind, size in layers
                ],
            },
            {"Docker-Content-Digest": _digest(key)},
        )
