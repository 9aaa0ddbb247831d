"""``hearth pull NAME``: download a model with a progress bar in the terminal.

Ctrl+C stops cleanly (exit 130) and says that pulling again continues where it
stopped; a failed download exits 1 with the server's reason. Unfinished downloads are
recorded in Hearth's database, so the app offers to resume them too.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from app.core import paths, validate
from app.core.i18n import translate
from app.core.settings import Settings
from app.core.sizes import format_bytes
from app.engines.hosts import ollama_host
from app.hardware import disk_free_bytes, ollama_models_dir
from app.library import pending
from app.library.catalog import load_catalog, normalize_pull_name
from app.library.pull import (
    DEFAULT_STALL_SECONDS,
    PullCancelledError,
    PullError,
    PullJob,
    PullProgress,
    check_disk_space,
    is_local_host,
)
from app.library.sources import DOWNLOAD_SOURCE, SOURCES, pull_name, source_label
from app.storage.writer import SerialWriter

BAR_WIDTH = 30


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "pull",
        help=translate("PullCommand", "download a model into Ollama"),
        description=translate(
            "PullCommand",
            "Download a model by name: qwen2.5:7b, user/model, hf.co/user/repo, or "
            "host:port/namespace/model:tag for a mirror.",
        ),
    )
    parser.add_argument("name", help=translate("PullCommand", "the model to download"))
    parser.add_argument("--host", default=None, help=translate("PullCommand", "Ollama server URL"))
    parser.add_argument(
        "--insecure",
        action="store_true",
        help=translate("PullCommand", "allow a registry without HTTPS (a local mirror)"),
    )
    parser.add_argument(
        "--source",
        choices=SOURCES,
        default=None,
        help=translate(
            "PullCommand",
            "for a catalog model: download from the Ollama library, ModelScope or Hugging "
            "Face (default: the setting in Hearth)",
        ),
    )
    parser.add_argument(
        "--stall-seconds",
        type=float,
        default=DEFAULT_STALL_SECONDS,
        help=translate("PullCommand", "retry when no progress is made for this long"),
    )
    parser.set_defaults(func=run)


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def progress_line(progress: PullProgress) -> str:
    filled = round(progress.fraction * BAR_WIDTH)
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    speed = (
        f"{format_bytes(round(progress.bytes_per_second))}/s" if progress.bytes_per_second else "--"
    )
    return (
        f"[{bar}] {progress.fraction:4.0%}  {format_bytes(progress.completed_bytes)} / "
        f"{format_bytes(progress.total_bytes)}  {speed}  "
        f"{translate('PullCommand', 'ETA')} {duration_text(progress.eta_seconds)}  "
        f"{progress.status}"
    )


class TerminalBar:
    """Redraws one line on a terminal; prints a line per 10 % when piped to a file."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._last_draw = 0.0
        self._last_decile = -1
        self._width = 0

    def __call__(self, progress: PullProgress) -> None:
        now = time.monotonic()
        if self.tty:
            if now - self._last_draw < 0.1 and not progress.done:
                return
            self._last_draw = now
            text = progress_line(progress)
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
        else:
            decile = int(progress.fraction * 10)
            if decile == self._last_decile and not progress.done and not progress.retrying_in:
                return
            self._last_decile = decile
            self.stream.write(progress_line(progress) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self._width:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    # A pasted "ollama pull NAME" is understood first, then the name itself is checked.
    name = validate.model_name(normalize_pull_name(args.name))
    host = validate.server_url(
        ollama_host(args.host), what="--host" if args.host else "OLLAMA_HOST"
    )
    model = load_catalog().find(name)
    expected = model.download_bytes if model else None
    source = args.source or Settings(paths.settings_path()).get(DOWNLOAD_SOURCE)
    if model is not None and source != "ollama":
        mirrored = pull_name(model, source)
        if mirrored == model.tag:
            print(
                translate(
                    "PullCommand", "{source} has no copy of {name}; using the Ollama library."
                ).format(source=source_label(source), name=name),
                file=sys.stderr,
            )
        name = mirrored
    if is_local_host(host):
        check_disk_space(name, expected, disk_free_bytes(ollama_models_dir()))
    writer = SerialWriter(paths.database_path())
    bar = TerminalBar(sys.stdout)
    job = PullJob(
        host,
        name,
        expected_bytes=expected,
        stall_seconds=args.stall_seconds,
        insecure=args.insecure,
    )
    try:
        writer.call(lambda c: pending.remember(c, name, 0, expected or 0))
        print(
            translate("PullCommand", "Downloading {name} from {host}").format(name=name, host=host)
        )
        try:
            job.run(bar)
        except KeyboardInterrupt:
            job.cancel()
            raise PullCancelledError(name) from None
        finally:
            bar.finish()
    except PullCancelledError:
        _record(writer, job, name, translate("PullCommand", "stopped"))
        print(
            translate(
                "PullCommand",
                "Stopped. Run “hearth pull {name}” again to continue where it stopped.",
            ).format(name=name),
            file=sys.stderr,
        )
        return 130
    except PullError as exc:
        _record(writer, job, name, exc.message)
        raise
    else:
        writer.call(lambda c: pending.forget(c, name))
        print(translate("PullCommand", "{name} is ready.").format(name=name))
        return 0
    finally:
        writer.close()


def _record(writer: SerialWriter, job: PullJob, name: str, reason: str) -> None:
    last = job.last_progress
    done, total = (last.completed_bytes, last.total_bytes) if last else (0, 0)
    writer.call(lambda c: pending.remember(c, name, done, total, reason))
