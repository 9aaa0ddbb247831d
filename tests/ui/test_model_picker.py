"""The model picker groups every local engine's models under headers, and the first-run
panel offers another local server as a way forward."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.settings import Settings
from app.engines.addresses import EXTRA_ADDRESSES, JAN, LLAMACPP, LMSTUDIO, OLLAMA
from app.engines.found import Discovery, FoundEngine, LocalModel
from app.engines.ollama_service import OllamaState
from app.ui.chat.model_picker import REF_ROLE, ModelPicker
from app.ui.chat.ollama_panel import OllamaPanel

OLLAMA_URL = "http://127.0.0.1:11434"


def fleet() -> Discovery:
    return Discovery(
        [
            FoundEngine(
                OLLAMA,
                OLLAMA_URL,
                (
                    LocalModel("qwen2.5:7b", context_length=4096, loaded=True),
                    LocalModel("llama3.2:latest"),
                    LocalModel(
                        "gpt-oss:120b-cloud", remote=True, remote_host="https://ollama.com:443"
                    ),
                ),
            ),
            FoundEngine(
                LMSTUDIO, "http://127.0.0.1:1234", (LocalModel("qwen2-vl-7b", vision=True),)
            ),
            FoundEngine(
                LLAMACPP, "http://127.0.0.1:8080", (LocalModel("smollm2", 4096, loaded=True),)
            ),
            FoundEngine(JAN, "http://127.0.0.1:1337", (), problem="Jan needs its API key."),
        ]
    )


def test_models_are_grouped_under_engine_headers_that_cannot_be_chosen(qtbot: QtBot) -> None:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_discovery(fleet())
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts[0] == "Ollama"
    assert "LM Studio — 127.0.0.1:1234" in texts
    assert "llama.cpp — 127.0.0.1:8080" in texts
    assert any("Jan needs its API key." in t for t in texts)
    cloud = next(i for i, t in enumerate(texts) if "gpt-oss:120b-cloud" in t)
    assert texts[cloud].startswith("☁")  # marked, in the shared words (app/privacy/egress)
    assert "ollama.com" in picker.model().item(cloud).toolTip()  # type: ignore[attr-defined]
    model = picker.model()
    for row in range(picker.count()):
        item = model.item(row)  # type: ignore[attr-defined]
        is_header = item.data(REF_ROLE) is None
        assert bool(item.flags() & Qt.ItemFlag.ItemIsEnabled) is not is_header
    assert picker.model_refs() == [
        "ollama|http://127.0.0.1:11434|qwen2.5:7b",
        "ollama|http://127.0.0.1:11434|llama3.2:latest",
        "ollama|http://127.0.0.1:11434|gpt-oss:120b-cloud",
        "lmstudio|http://127.0.0.1:1234|qwen2-vl-7b",
        "llamacpp|http://127.0.0.1:8080|smollm2",
    ]
    # The first choosable row is selected, never a header.
    assert picker.current_ref() == "ollama|http://127.0.0.1:11434|qwen2.5:7b"
    assert picker.current_model() == "qwen2.5:7b"


def test_a_choice_survives_a_refresh_and_old_bare_names_still_select(qtbot: QtBot) -> None:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_discovery(fleet())
    assert picker.select_ref("llamacpp|http://127.0.0.1:8080|smollm2")
    picker.set_discovery(fleet())  # refresh
    assert picker.current_ref() == "llamacpp|http://127.0.0.1:8080|smollm2"
    assert picker.select_ref("llama3.2")  # stored by an older Hearth: an Ollama name
    assert picker.current_model() == "llama3.2:latest"
    assert not picker.select_ref("lmstudio|http://127.0.0.1:1234|gone")
    # The model went away: the picker falls back to the first model, not to nothing.
    picker.select_ref("llamacpp|http://127.0.0.1:8080|smollm2")
    picker.set_discovery(Discovery(fleet().engines[:2]))
    assert picker.current_ref() == "ollama|http://127.0.0.1:11434|qwen2.5:7b"


def test_picking_emits_the_reference_and_nothing_found_says_so(qtbot: QtBot) -> None:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    assert picker.itemText(0) == "No local model found" and picker.current_ref() is None
    picker.set_discovery(fleet())
    row = picker.findData("llamacpp|http://127.0.0.1:8080|smollm2", REF_ROLE)
    with qtbot.waitSignal(picker.model_chosen) as signal:
        picker.activated.emit(row)
    assert signal.args == ["llamacpp|http://127.0.0.1:8080|smollm2"]
    picker.set_discovery(Discovery())
    assert picker.current_ref() is None and picker.count() == 1


def test_first_run_panel_offers_another_local_server(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    panel = OllamaPanel(settings=settings)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_state(OllamaState.NOT_INSTALLED, OLLAMA_URL)
    assert panel.address.isVisible() and panel.add_button.isVisible()
    assert panel.steps.isVisible()  # the Ollama way stays offered too
    # A cloud address is refused in plain words, nothing saved.
    panel.address.setText("api.openai.com")
    panel.add_button.click()
    assert panel.address_error.isVisible()
    assert "not on this computer" in panel.address_error.text()
    assert settings.get(EXTRA_ADDRESSES) == ""
    panel.address.setText("127.0.0.1:99999")
    panel.add_button.click()
    assert "port" in panel.address_error.text()
    # A LAN llama-server: saved and announced.
    panel.address.setText("192.168.1.20:8080/v1")
    with qtbot.waitSignal(panel.server_added) as signal:
        panel.add_button.click()
    assert signal.args == ["http://192.168.1.20:8080"]
    assert not panel.address_error.isVisible()
    assert Settings(tmp_path / "settings.json").get(EXTRA_ADDRESSES) == "http://192.168.1.20:8080"
    # With models ready the way forward is the library, not another server.
    panel.show_state(OllamaState.NO_MODELS, OLLAMA_URL)
    assert not panel.address.isVisible()
