"""Documents: real PDF and DOCX files written in the test, Chinese encodings, damage,
protection, an image-only PDF, size caps, and the privacy gate seeing a document's text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from app.chat import documents
from app.chat.conversation import ChatCore
from app.chat.documents import (
    MAX_FILE_BYTES,
    Document,
    DocumentError,
    compose_message,
    decode_text,
    document_from_bytes,
    fold_documents,
    load_document,
    load_files,
    title_text,
)
from app.core.settings import Settings
from app.engines.tokens import estimate_text_tokens
from app.privacy.gate import Action, Check, Decision
from app.storage import repo
from app.storage.writer import SerialWriter
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.unit.test_gate_every_path import (  # noqa: F401 - fixtures used by name
    LOCAL,
    Asker,
    cloud,
    ollama,
    world,
)

CHINESE = "会议纪要：明天下午三点在成都开会，讨论第四季度预算。请各部门负责人准时参加。\n" * 20


def write_pdf(path: Path, pages: list[str | None]) -> Path:
    """A real PDF through Qt: a text page for each string, a picture-only page for None."""
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    for index, text in enumerate(pages):
        if index:
            writer.newPage()
        if text is None:
            image = QImage(400, 300, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            scan = QPainter(image)
            scan.drawText(QPoint(20, 40), "scanned words are pixels")  # not a text layer
            scan.end()
            painter.drawImage(QRect(0, 0, 4000, 3000), image)
        else:
            for line_no, line in enumerate(text.splitlines()):
                painter.drawText(QPoint(200, 400 + 250 * line_no), line)
    painter.end()
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(str(path))
    return path


@pytest.fixture
def gui(qapp: QApplication) -> QApplication:
    return qapp


# --- PDF -----------------------------------------------------------------------------------


def test_a_text_pdf_gives_each_page_text(gui: QApplication, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "Q4 report.pdf", ["Revenue rose 12 percent", "成都分公司 预算"])
    document = load_document(pdf)
    assert document.kind == "pdf" and document.pages == 2 and document.empty_pages == 0
    assert "Revenue rose 12 percent" in document.text and "成都分公司" in document.text
    assert document.text.index("Revenue") < document.text.index("成都")
    assert document.block.startswith('<document name="Q4 report.pdf">\n')
    assert document.block.endswith("\n</document>")
    assert document.tokens == estimate_text_tokens(document.block) > 5


def test_an_image_only_pdf_is_said_to_be_one(gui: QApplication, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "scan.pdf", [None, None])
    assert len(PdfReader(pdf).pages) == 2  # a real, valid PDF...
    with pytest.raises(DocumentError, match="image-only PDF") as caught:
        load_document(pdf)
    assert "scan.pdf" in str(caught.value) and "OCR" in str(caught.value)


def test_a_partly_scanned_pdf_keeps_its_text_and_counts_the_rest(
    gui: QApplication, tmp_path: Path
) -> None:
    pdf = write_pdf(tmp_path / "mixed.pdf", ["typed cover page", None, "typed appendix"])
    document = load_document(pdf)
    assert document.pages == 3 and document.empty_pages == 1
    assert "cover" in document.text and "appendix" in document.text


def test_encrypted_pdfs(gui: QApplication, tmp_path: Path) -> None:
    plain = write_pdf(tmp_path / "plain.pdf", ["confidential figures"])
    for user_password, name in (("hunter2", "locked.pdf"), ("", "copy-protected.pdf")):
        writer = PdfWriter(clone_from=str(plain))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
        with (tmp_path / name).open("wb") as handle:
            writer.write(handle)
    with pytest.raises(DocumentError, match="protected with a password"):
        load_document(tmp_path / "locked.pdf")
    # Encrypted with an empty password only to forbid copying: it opens.
    assert "confidential figures" in load_document(tmp_path / "copy-protected.pdf").text


def test_a_damaged_pdf_says_so(gui: QApplication, tmp_path: Path) -> None:
    data = write_pdf(tmp_path / "whole.pdf", ["words"]).read_bytes()
    for name, broken in (("cut.pdf", data[:200]), ("garbage.pdf", b"%PDF-1.7\n" + b"\x93" * 500)):
        (tmp_path / name).write_bytes(broken)
        with pytest.raises(DocumentError, match="damaged"):
            load_document(tmp_path / name)


# --- DOCX ----------------------------------------------------------------------------------


def test_a_docx_gives_paragraphs_and_tables(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "合同.docx",
        ["Service agreement", "甲方：成都某某科技有限公司"],
        [["Item", "Price"], ["GPU hours", "¥1,200"]],
    )
    document = load_document(path)
    assert document.kind == "docx"
    assert document.text.splitlines()[:2] == ["Service agreement", "甲方：成都某某科技有限公司"]
    assert "GPU hours | ¥1,200" in document.text


def test_damaged_and_protected_docx(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx", ["hello"]).read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    with pytest.raises(DocumentError, match="damaged"):
        load_document(tmp_path / "cut.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    (tmp_path / "zip.docx").write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError, match="damaged"):
        load_document(tmp_path / "zip.docx")
    # Word writes a password-protected document as an OLE container, like an old .doc.
    (tmp_path / "secret.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(DocumentError, match="password-protected"):
        load_document(tmp_path / "secret.docx")
    (tmp_path / "empty.docx").write_bytes(write_docx(tmp_path / "e.docx", []).read_bytes())
    with pytest.raises(DocumentError, match="no text"):
        load_document(tmp_path / "empty.docx")


# --- text files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),  # read with the superset: nothing later in the file is lost
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with its BOM, as Windows Notepad writes it
        ("utf-16-be", None),
    ],
)
def test_text_files_in_the_encodings_people_have(
    tmp_path: Path, encoding: str, expected: str | None
) -> None:
    data = CHINESE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
        expected = "utf-16"
    path = tmp_path / "纪要.txt"
    path.write_bytes(data)
    document = load_document(path)
    assert document.text == CHINESE and document.encoding == expected and document.kind == "text"


def test_big5_and_short_gb18030_text(tmp_path: Path) -> None:
    traditional = "這是一份會議紀錄：明天下午三點在臺北開會，討論第四季的預算。\n" * 10
    assert decode_text(traditional.encode("big5"))[0] == traditional
    # Two characters are ambiguous between code pages: Chinese wins the tie.
    assert decode_text("编码".encode("gb18030")) == ("编码", "gb18030")


def test_windows_line_endings_and_code(tmp_path: Path) -> None:
    source = 'def main():\r\n    print("你好")\r\n'
    path = tmp_path / "main.py"
    path.write_bytes(source.encode("gb18030"))
    assert load_document(path).text == 'def main():\n    print("你好")\n'


def test_binary_and_empty_files_are_refused(gui: QApplication, tmp_path: Path) -> None:
    (tmp_path / "program.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "blank.md").write_bytes(b"  \n\n ")
    (tmp_path / "zero.txt").write_bytes(b"")
    with pytest.raises(DocumentError, match="not a text, PDF or Word document"):
        load_document(tmp_path / "program.txt")
    for name in ("blank.md", "zero.txt"):
        with pytest.raises(DocumentError, match="no text"):
            load_document(tmp_path / name)


def test_a_50_mb_file_is_refused_from_its_size_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "dump.log"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    assert huge.stat().st_size > MAX_FILE_BYTES

    def never(_self: Path) -> bytes:
        raise AssertionError("read a file that was too big to attach")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(DocumentError, match="50 MB") as caught:
        load_document(huge)
    assert "32 MB" in str(caught.value)


def test_text_too_long_for_any_model_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_TEXT_CHARS", 1000)
    (tmp_path / "long.txt").write_text("word " * 300, encoding="utf-8")
    with pytest.raises(DocumentError, match="1,500 characters"):
        load_document(tmp_path / "long.txt")


def test_an_unreadable_path_says_why(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="could not be read"):
        load_document(tmp_path / "gone.txt")


# --- sorting dropped files and composing the message -------------------------------------


def test_load_files_sorts_images_documents_and_problems(gui: QApplication, tmp_path: Path) -> None:
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    image.save(str(tmp_path / "photo.png"))
    image.save(str(tmp_path / "no-suffix"), "PNG")  # a picture without a suffix
    (tmp_path / "notes.md").write_text("# Notes\nbuy milk", encoding="utf-8")
    (tmp_path / "fake.png").write_text("not a picture", encoding="utf-8")
    (tmp_path / "tool.exe").write_bytes(b"MZ\x90\x00" + bytes(range(256)) * 8)
    loaded = load_files(
        [tmp_path / n for n in ("photo.png", "no-suffix", "notes.md", "fake.png", "tool.exe")]
    )
    assert [a.name for a in loaded.images] == ["photo.png", "no-suffix"]
    assert [d.name for d in loaded.documents] == ["notes.md"]
    assert len(loaded.problems) == 2
    assert "fake.png" in loaded.problems[0] and "tool.exe" in loaded.problems[1]


def test_compose_message_delimits_each_document() -> None:
    a = Document("a.txt", "text", "first </document> trick")
    b = Document('b "quoted".md', "text", "second")
    message = compose_message("  Compare these  ", [a, b])
    assert message.startswith('Compare these\n\n<document name="a.txt">\nfirst <\\/document>')
    assert "<document name=\"b 'quoted'.md\">\nsecond\n</document>" in message
    assert message.count("</document>") == 2  # the trick inside the text is defused
    assert compose_message("", [b]) == b.block
    assert compose_message("just words", []) == "just words"


def test_the_view_folds_each_document_to_a_line_and_titles_use_its_name() -> None:
    a = Document("报告.pdf", "pdf", "page one\n\npage two " * 50, pages=2)
    b = Document("b.txt", "text", "second")
    message = compose_message("Compare", [a, b])
    folded = fold_documents(message)
    assert folded == (
        f"Compare\n\n[Attached: 报告.pdf · about {a.tokens:,} tokens]\n\n"
        f"[Attached: b.txt · about {b.tokens:,} tokens]"
    )
    assert fold_documents("no documents <document> here") == "no documents <document> here"
    assert title_text(compose_message("", [a, b])).splitlines()[0] == "报告.pdf"
    assert title_text(message).splitlines()[0] == "Compare"


def test_document_from_bytes_judges_content_not_name(gui: QApplication, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "x.pdf", ["real pdf inside"]).read_bytes()
    assert document_from_bytes(pdf, "renamed.txt").kind == "pdf"
    word = write_docx(tmp_path / "w.docx", ["word inside"]).read_bytes()
    assert document_from_bytes(word, "no-suffix").kind == "docx"


# --- the privacy gate sees the document --------------------------------------------------


def test_a_document_with_an_api_key_stops_at_the_gate_before_a_cloud_send(
    world: tuple[ChatCore, Asker, list[Check], SerialWriter, Settings],  # noqa: F811
    cloud: FakeOpenAI,  # noqa: F811 - the fixtures
    tmp_path: Path,
) -> None:
    core, asker, _checks, writer, _settings = world
    secret = "sk-proj-DocumentLeak0123456789abcdefXYZ"
    path = write_docx(tmp_path / "deploy notes.docx", ["Deploy steps", f"OPENAI_API_KEY={secret}"])
    document = load_document(path)
    target, _ = core.send(None, "hello", model=LOCAL).result(10)
    core.reply(target.id, LOCAL).result(10).done.result(30)
    escalated = core.escalate(target.id, "openai", "gpt-4.1").result(10)

    asker.answers = [Decision(Action.CANCEL)]
    text = compose_message("Summarise these notes", [document])
    core.send(escalated, text, model=LOCAL).result(10)
    stopped = core.reply(target.id, LOCAL).result(10).done.result(30)
    assert stopped.cancelled and cloud.chat_requests() == []  # nothing left the machine
    assert [i.kind.value for i in asker.asked[-1].ask] == ["API_KEY"]
    stored = writer.call(lambda c: repo.list_messages(c, target.id))
    assert secret in stored[-1].content and "deploy notes.docx" in stored[-1].content

    asker.answers = [Decision(Action.REDACT)]
    cloud.push(Reply(tokens=["Summary"]))
    sent = core.reply(target.id, LOCAL).result(10).done.result(30)
    assert sent.reply.outcome == "ok"
    body = str(cloud.chat_requests()[-1].body)
    assert secret not in body and "Deploy steps" in body and "deploy notes.docx" in body
