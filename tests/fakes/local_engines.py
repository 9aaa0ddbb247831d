"""Fakes of the local OpenAI-compatible engines, over real local HTTP.

Each answers its own native endpoints the way the real server does (from its docs and
source, read 2026-12-01) and chats through :class:`FakeOpenAI`'s exact SSE stream:

- **LM Studio**: ``GET /api/v0/models`` (lmstudio-ai/docs 1_developer/2_rest/endpoints.mdx:
  ``type`` llm/vlm/embeddings, ``state`` loaded/not-loaded, ``max_context_length``; a
  loaded model also has ``loaded_context_length``); ``/v1/models`` with ``owned_by:
  "organization_owner"``. Quirk kept: an unknown path is answered **200** with
  ``{"error": "Unexpected endpoint or method. (GET /path)"}``.
- **Jan**: every request needs ``Authorization: Bearer <key>`` (jan.ai/docs/local-api);
  without it, 401.
- **vLLM**: ``/v1/models`` rows are vLLM's ``ModelCard`` (``owned_by: "vllm"``, ``root``,
  ``parent: null``, ``max_model_len``, ``permission``); unknown paths get FastAPI's
  ``{"detail": "Not Found"}`` 404.
- **text-generation-webui**: ``/v1/internal/model/info`` → ``model_name`` (the string
  ``"None"`` when nothing is loaded) and ``lora_names``; ``/v1/models`` lists only the
  loaded model; FastAPI 404s.
- **llama.cpp** (for tests without the real binary): ``/health``, ``/props``
  (``default_generation_settings.n_ctx``, ``model_alias``, ``modalities``), and the 404
  body llama-server sends for Ollama's ``/api/*`` paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.fakes.openai_server import CREATED, FakeOpenAI
from tests.fakes.sse_server import RecordedRequest, _Handler


@dataclass
class LMStudioModel:
    id: str
    type: str = "llm"
    state: str = "not-loaded"
    max_context_length: int = 131072
    loaded_context_length: int = 4096
    arch: str = "llama"
    quantization: str = "Q4_K_M"

    def row(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": self.id,
            "object": "model",
            "type": self.type,
            "publisher": "lmstudio-community",
            "arch": self.arch,
            "compatibility_type": "gguf",
            "quantization": self.quantization,
            "state": self.state,
            "max_context_length": self.max_context_length,
        }
        if self.state == "loaded":
            row["loaded_context_length"] = self.loaded_context_length
        return row


class FakeLMStudio(FakeOpenAI):
    def __init__(self, models: list[LMStudioModel] | None = None) -> None:
        self.lm_models = models or [
            LMStudioModel("qwen2.5-7b-instruct", state="loaded", loaded_context_length=8192),
            LMStudioModel("qwen2-vl-7b-instruct", type="vlm", max_context_length=32768),
            LMStudioModel("text-embedding-nomic-embed-text-v1.5", type="embeddings"),
        ]
        super().__init__(models=[m.id for m in self.lm_models])

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        path = request.path.split("?", 1)[0].rstrip("/")
        if request.method == "GET" and path == "/api/v0/models":
            handler.send_json(200, {"object": "list", "data": [m.row() for m in self.lm_models]})
        elif request.method == "GET" and path == "/v1/models":
            data = [
                {"id": m.id, "object": "model", "owned_by": "organization_owner"}
                for m in self.lm_models
            ]
            handler.send_json(200, {"data": data, "object": "list"})
        elif path.startswith("/v1/"):
            super().handle(handler, request)
        else:
            handler.send_json(
                200, {"error": f"Unexpected endpoint or method. ({request.method} {path})"}
            )


class FakeJan(FakeOpenAI):
    def __init__(self, api_key: str = "secret-key-123", models: list[str] | None = None) -> None:
        super().__init__(api_key=api_key, models=models or ["jan-v3-4b-base-instruct"])


class FakeVLLM(FakeOpenAI):
    def __init__(self, model: str = "Qwen/Qwen2.5-7B-Instruct", max_model_len: int = 32768) -> None:
        super().__init__(models=[model])
        self.max_model_len = max_model_len

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        path = request.path.split("?", 1)[0].rstrip("/")
        if request.method == "GET" and path == "/v1/models":
            data = [
                {
                    "id": m,
                    "object": "model",
                    "created": CREATED,
                    "owned_by": "vllm",
                    "root": m,
                    "parent": None,
                    "max_model_len": self.max_model_len,
                    "permission": [
                        {
                            "id": "modelperm-fake",
                            "object": "model_permission",
                            "created": CREATED,
                            "allow_create_engine": False,
                            "allow_sampling": True,
                            "allow_logprobs": True,
                            "allow_search_indices": False,
                            "allow_view": True,
                            "allow_fine_tuning": False,
                            "organization": "*",
                            "group": None,
                            "is_blocking": False,
                        }
                    ],
                }
                for m in self.models
            ]
            handler.send_json(200, {"object": "list", "data": data})
        elif path.startswith("/v1/"):
            super().handle(handler, request)
        else:
            handler.send_json(404, {"detail": "Not Found"})


class FakeTextGen(FakeOpenAI):
    def __init__(self, loaded: str | None = "Qwen2.5-7B-Instruct-Q4_K_M.gguf") -> None:
        super().__init__(models=[loaded] if loaded else [])
        self.loaded = loaded

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        path = request.path.split("?", 1)[0].rstrip("/")
        if request.method == "GET" and path == "/v1/internal/model/info":
            handler.send_json(
                200, {"model_name": self.loaded or "None", "lora_names": [], "loader": "llama.cpp"}
            )
        elif request.method == "GET" and path == "/v1/models":
            data = [
                {"id": m, "object": "model", "created": 0, "owned_by": "user"} for m in self.models
            ]
            handler.send_json(200, {"object": "list", "data": data})
        elif path.startswith("/v1/"):
            super().handle(handler, request)
        else:
            handler.send_json(404, {"detail": "Not Found"})


class FakeLlamaCpp(FakeOpenAI):
    def __init__(self, alias: str = "smollm2", n_ctx: int = 4096, vision: bool = False) -> None:
        super().__init__(models=[alias])
        self.alias = alias
        self.n_ctx = n_ctx
        self.vision = vision

    def handle(self, handler: _Handler, request: RecordedRequest) -> None:
        path = request.path.split("?", 1)[0].rstrip("/")
        if request.method == "GET" and path == "/health":
            handler.send_json(200, {"status": "ok"})
        elif request.method == "GET" and path == "/props":
            handler.send_json(
                200,
                {
                    "default_generation_settings": {"n_ctx": self.n_ctx, "params": {}},
                    "total_slots": 1,
                    "model_alias": self.alias,
                    "model_path": f"/models/{self.alias}.gguf",
                    "modalities": {"vision": self.vision, "audio": False},
                    "build_info": "b11434-fake",
                },
            )
        elif request.method == "GET" and path == "/v1/models":
            data = [
                {"id": self.alias, "object": "model", "created": CREATED, "owned_by": "llamacpp"}
            ]
            handler.send_json(200, {"object": "list", "data": data})
        elif path.startswith("/v1/"):
            super().handle(handler, request)
        else:
            handler.send_json(
                404,
                {"error": {"code": 404, "message": "File Not Found", "type": "not_found_error"}},
            )
