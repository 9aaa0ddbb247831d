"""Markdown and HTML exports (Qt-free). The PDF is this HTML laid out by Qt
(app/ui/export/pdf.py)."""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt

from app.core.i18n import translate
from app.export.model import ExportedConversation, ExportedMessage, time_text, usage_line
from app.storage.records import Attachment

ImageSource = Callable[[int, Attachment], str]
"""Where an image is found in the output: (running number, attachment) -> src/path."""


def data_uri(_number: int, attachment: Attachment) -> str:
    return f"data:{attachment.mime};base64," + base64.b64encode(attachment.data).decode("ascii")


def is_image(attachment: Attachment) -> bool:
    return attachment.mime.startswith("image/")


def author(message: ExportedMessage) -> str:
    if message.role == "user":
        return translate("Export", "You")
    if message.role == "system":
        return translate("Export", "System")
    return message.model or translate("Export", "Assistant")


def system_prompt_label() -> str:
    return translate("Export", "System prompt")


def thinking_label() -> str:
    return translate("Export", "Thinking")


def status_note(message: ExportedMessage) -> str:
    if message.status == "stopped":
        return translate("Export", "(stopped)")
    if message.status == "failed":
        return translate("Export", "(failed: {error})").format(error=message.error or "?")
    return ""


# --- Markdown ---------------------------------------------------------------------------


def file_name(number: int, attachment: Attachment) -> str:
    """A safe file name for an image written beside the .md file."""
    stem = re.sub(r"[^\w.-]+", "_", attachment.name or "image").strip("._")[:60] or "image"
    if "." not in stem:
        stem += "." + (attachment.mime.split("/", 1)[-1].split("+")[0] or "bin")
    return f"{number:03d}-{stem}"


def to_markdown(conversation: ExportedConversation, image_src: ImageSource = data_uri) -> str:
    """The conversation as Markdown; images through ``image_src`` (inline data: URIs by
    default, or files beside the .md, see app/export/files.py)."""
    lines = [f"# {_md_line(conversation.title)}", ""]
    meta = [translate("Export", "Started {time}").format(time=time_text(conversation.created_at))]
    if conversation.model:
        meta.append(translate("Export", "Model: {model}").format(model=conversation.model))
    lines += [" · ".join(meta), ""]
    if conversation.system_prompt.strip():
        lines += [f"**{system_prompt_label()}**", ""]
        lines += [_quote(conversation.system_prompt), ""]
    number = 0
    for message in conversation.messages:
        heading = f"## {_md_line(author(message))} · {time_text(message.created_at)}"
        note = status_note(message)
        lines += [heading + (f" {note}" if note else ""), ""]
        usage = usage_line(message.usage)
        if usage:
            lines += [f"*{_md_line(usage)}*", ""]
        if message.thinking.strip():
            lines += [
                f"<details><summary>{html.escape(thinking_label())}</summary>",
                "",
                _quote(message.thinking),
                "",
                "</details>",
                "",
            ]
        lines += [message.content, ""]
        for attachment in message.attachments:
            if is_image(attachment):
                number += 1
                label = _md_line(attachment.name or translate("Export", "image"))
                lines += [f"![{label}]({image_src(number, attachment)})", ""]
    return "\n".join(lines).rstrip() + "\n"


def _md_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines())


# --- HTML -------------------------------------------------------------------------------


def _renderer() -> MarkdownIt:
    # Raw HTML off (a reply must not inject markup) and images off: an exported page
    # opened in a browser must not fetch anything a reply names.
    return (
        MarkdownIt("commonmark", {"html": False})
        .enable(["table", "strikethrough"])
        .disable("image")
    )


STYLE = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #1f2328; }
h1 { font-size: 1.6em; }
.meta, .usage { color: #59636e; font-size: 0.9em; }
.message { border: 1px solid #d1d9e0; border-radius: 6px; padding: 0.6em 1em;
           margin: 1em 0; }
.user { background: #f6f8fa; }
.author { font-weight: bold; }
.thinking { color: #59636e; border-left: 3px solid #d1d9e0; padding-left: 0.8em; }
pre { background: #f6f8fa; padding: 0.6em; white-space: pre-wrap; }
img { max-width: 100%; }
"""


def to_html(conversation: ExportedConversation, image_src: ImageSource = data_uri) -> str:
    """A standalone page: styles inline, images as data: URIs (nothing fetched)."""
    md = _renderer()
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{esc(conversation.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{esc(conversation.title)}</h1>",
    ]
    meta = [translate("Export", "Started {time}").format(time=time_text(conversation.created_at))]
    if conversation.model:
        meta.append(translate("Export", "Model: {model}").format(model=conversation.model))
    parts.append(f'<p class="meta">{esc(" · ".join(meta))}</p>')
    if conversation.system_prompt.strip():
        parts.append(
            f'<div class="message system"><p class="author">'
            f"{esc(system_prompt_label())}</p>"
            f"{md.render(conversation.system_prompt)}</div>"
        )
    number = 0
    for message in conversation.messages:
        note = status_note(message)
        parts.append(f'<div class="message {esc(message.role)}">')
        parts.append(
            f'<p><span class="author">{esc(author(message))}</span> '
            f'<span class="meta">· {esc(time_text(message.created_at))} {esc(note)}</span></p>'
        )
        usage = usage_line(message.usage)
        if usage:
            parts.append(f'<p class="usage">{esc(usage)}</p>')
        if message.thinking.strip():
            parts.append(
                f'<div class="thinking"><p><i>{esc(thinking_label())}</i></p>'
                f"{md.render(message.thinking)}</div>"
            )
        parts.append(md.render(message.content))
        for attachment in message.attachments:
            if is_image(attachment):
                number += 1
                parts.append(
                    f'<p><img src="{esc(image_src(number, attachment))}"'
                    f' alt="{esc(attachment.name)}" width="360"></p>'
                )
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
