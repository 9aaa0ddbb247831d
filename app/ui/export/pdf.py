"""The PDF export: the HTML export laid out by QTextDocument onto a QPdfWriter (QtGui
only: works on a worker thread and under the offscreen platform, no WebEngine).

Images are handed to the document as named resources rather than data: URIs, and the
document never loads anything else. Chinese needs a CJK font on the system (Noto Sans
CJK on Linux: ``fonts-noto-cjk``); Qt's font fallback picks it for the characters the
main font lacks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from app.export.files import cannot_write
from app.export.model import ExportedConversation
from app.export.text import to_html
from app.storage.records import Attachment
from app.ui.pdf_pages import print_a4

PDF_HTML_STYLE = """
<style>
body { color: #1f2328; }
.meta, .usage { color: #59636e; }
.author { font-weight: bold; }
.thinking { color: #59636e; }
pre { background-color: #f6f8fa; }
</style>
"""


def write_pdf(conversation: ExportedConversation, out: Path) -> Path:
    """Write ``conversation`` as an A4 PDF at ``out``."""
    images: dict[str, QImage] = {}

    def resource(number: int, attachment: Attachment) -> str:
        name = f"hearth-export-image:{number}"
        image = QImage.fromData(attachment.data)
        if not image.isNull() and image.width() > 1600:
            image = image.scaledToWidth(1600)
        images[name] = image
        return name

    page = to_html(conversation, resource)
    document = QTextDocument()
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # QTextDocument's CSS is a subset: the page's <style> is replaced by one it reads.
    head, _, rest = page.partition("<style>")
    _, _, body = rest.partition("</style>")
    document.setHtml(head + PDF_HTML_STYLE + body)
    print_a4(document, out, conversation.title)
    try:
        if out.stat().st_size == 0:
            raise OSError(0, "empty file")
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    return out
