"""The fake Ollama's lines are byte for byte what Go's json.Marshal writes."""

from __future__ import annotations

import json
import re

import pytest

from tests.fakes.ollama_handler import OllamaHandler, _msg, go_json
from tests.fakes.ollama_server import FakeModel

PIECES = ["Hello", " 中文，你好", "<b> & </b>", 'say "hi"\n\ttab', "line\u2028sep", "🌏"]


@pytest.mark.parametrize("piece", PIECES)
def test_a_text_line_is_the_encoded_chunk(piece: str) -> None:
    model = FakeModel("llama3.2:latest")
    fast = OllamaHandler._text_line(model, piece)
    slow = go_json(OllamaHandler._chunk(model, _msg(piece)))
    stamp = re.compile(rb'"created_at":"[^"]+"')
    assert stamp.sub(b"", fast) == stamp.sub(b"", slow)
    assert json.loads(fast)["message"]["content"] == piece


def test_go_escapes_html_and_keeps_chinese_as_utf8() -> None:
    assert go_json({"a": "<x> & 中"}) == '{"a":"\\u003cx\\u003e \\u0026 中"}'.encode()
    assert go_json({"a": "\ud800"}) == '{"a":"\ufffd"}'.encode()
