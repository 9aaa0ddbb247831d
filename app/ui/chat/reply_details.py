"""A reply's detail line: model, time, tokens, speed, time to first token, and what it
cost (cloud) or saved (local), in a subtle line under the reply, with every figure and
where it came from in its hover.

The figures come from the reply's usage row, read with its page of messages (one query
per page, ``repo.usage_for_page``) or handed over when a live reply finishes. Pricing a
local reply's saving runs the ledger's own code (``app.chat.reply_details``), which
imports genai-prices and prices at the reply's own time: that runs on the render lane,
never on the GUI thread, and the line appears when it is done (a frame or two).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.chat.reply_details import ReplyDetails
from app.core.lazy import serial_imports
from app.ledger.money import MINOR_DIGITS
from app.ledger.settings import LedgerConfig
from app.storage.records import UsageRecord
from app.ui.chat.render_lane import RenderLane
from app.ui.format import money

MAX_DIGITS = 6  # smaller amounts show as zero
ConfigSource = Callable[[], LedgerConfig]
_config_source: ConfigSource = LedgerConfig


def use_ledger_config(source: ConfigSource) -> None:
    """Where the person's currency and baseline come from (their settings; read on the
    render lane, so it must be thread-safe — ``Settings`` is)."""
    global _config_source  # noqa: PLW0603 - one person's settings per process
    _config_source = source


@lru_cache(maxsize=512)
def _priced(record: UsageRecord, config: LedgerConfig) -> ReplyDetails:
    with serial_imports:
        from app.chat.reply_details import reply_details

    return reply_details(record, config)


def details_of(record: UsageRecord) -> ReplyDetails:
    """Runs on the render lane. Cached: a view made again when the list scrolls back
    does not price its reply again."""
    return _priced(record, _config_source())


def amount_text(amount: Decimal, currency: str) -> str:
    """Locale-formatted money. An amount below one unit keeps two significant digits
    (one reply often costs or saves a fraction of a cent, which is not zero)."""
    digits = MINOR_DIGITS.get(currency, 2)
    if 0 < abs(amount) < 1:
        digits = min(MAX_DIGITS, max(digits, 1 - abs(amount).adjusted()))
    return money(amount, currency, digits)


def _local_time(moment: datetime) -> str:
    when = QDateTime.fromMSecsSinceEpoch(int(moment.astimezone(UTC).timestamp() * 1000))
    when = when.toLocalTime()
    locale = QLocale()
    if when.date() == QDateTime.currentDateTime().date():
        return locale.toString(when.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(when, QLocale.FormatType.ShortFormat)


class ReplyDetailsLine(QLabel):
    """The line under a reply. Hidden while it streams and when nothing was recorded."""

    def __init__(self, parent: QWidget, lane: RenderLane) -> None:
        super().__init__(parent)
        self.setObjectName("reply_details")
        self._lane = lane
        self._shown_for: object = None
        self.details: ReplyDetails | None = None
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        self.setFont(font)
        palette = self.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
        )
        self.setPalette(palette)
        self.hide()

    def show_for(self, status: str, usage: UsageRecord | None) -> None:
        """Show what ``usage`` records for a reply now in ``status``."""
        key = (status, usage)
        if key == self._shown_for:
            return
        self._shown_for = key
        self.details = None
        if status == "streaming":
            self.hide()
            return
        if usage is None or (usage.id is None and usage.wall_ms == 0):
            if status == "stopped":
                # Only a reply cut off when Hearth closed or crashed is stopped with no
                # usage: a reply the person stopped records its usage.
                self.setText(self.tr("Interrupted: Hearth closed before the reply ended"))
                self.setToolTip(
                    self.tr("Nothing was recorded for this reply: no tokens, time or cost.")
                )
                self.show()
            else:
                self.hide()  # failed before it was sent: the error says why
            return
        self._lane.render(lambda: details_of(usage), lambda d: self._priced(key, d), self)

    def _priced(self, key: object, details: ReplyDetails) -> None:
        if key != self._shown_for:
            return  # a newer state was shown meanwhile
        self.details = details
        self.setText(self.line(details))
        self.setToolTip(self.hover(details))
        self.show()

    # --- words ----------------------------------------------------------------------------

    def _outcome(self, details: ReplyDetails) -> str:
        return {"stopped": self.tr("Stopped"), "failed": self.tr("Failed")}.get(details.outcome, "")

    def _tokens(self, count: int, estimated: bool) -> str:
        text = QLocale().toString(count)
        return "≈" + text if estimated else text

    def _money(self, details: ReplyDetails) -> str:
        if details.amount is None:
            return self.tr("price unknown")
        amount = amount_text(details.amount, details.currency)
        if details.money_kind == "cost":
            return self.tr("cost {amount}").format(amount=amount)
        if details.amount < 0:
            return self.tr("{amount} more than the cloud").format(
                amount=amount_text(-details.amount, details.currency)
            )
        return self.tr("saved {amount}").format(amount=amount)

    def _seconds(self, seconds: float) -> str:
        """0.35 s reads better as 350 ms; 12.4 s as seconds."""
        locale = QLocale()
        if seconds < 1:
            return self.tr("{ms} ms").format(ms=locale.toString(round(seconds * 1000)))
        return self.tr("{seconds} s").format(seconds=locale.toString(seconds, "f", 1))

    def line(self, details: ReplyDetails) -> str:
        locale = QLocale()
        parts = [self._outcome(details), details.model, _local_time(details.finished_at)]
        parts.append(
            self.tr("{input} → {output} tokens").format(
                input=self._tokens(details.input_tokens, details.input_estimated),
                output=self._tokens(details.output_tokens, details.output_estimated),
            )
        )
        if details.tokens_per_s is not None:
            parts.append(
                self.tr("{rate} tokens/s").format(
                    rate=locale.toString(details.tokens_per_s, "f", 1)
                )
            )
        if details.ttft_s is not None:
            parts.append(self.tr("first token {time}").format(time=self._seconds(details.ttft_s)))
        parts.append(self._money(details))
        return " · ".join(part for part in parts if part) + "  ⓘ"

    def hover(self, details: ReplyDetails) -> str:
        locale = QLocale()
        where = self.tr("on this computer") if details.is_local else self.tr("cloud")
        estimated = self.tr("estimated")
        rows = [
            (self.tr("Model"), f"{details.model} ({where})"),
            (self.tr("Finished"), _local_time(details.finished_at)),
            (
                self.tr("Tokens in"),
                self._tokens(details.input_tokens, details.input_estimated)
                + (f" ({estimated})" if details.input_estimated else ""),
            ),
        ]
        if not details.input_estimated and details.context_tokens != details.input_tokens:
            rows.append(
                (self.tr("Whole context (estimated)"), self._tokens(details.context_tokens, True))
            )
        rows += [
            (
                self.tr("Tokens out"),
                self._tokens(details.output_tokens, details.output_estimated)
                + (f" ({estimated})" if details.output_estimated else ""),
            ),
        ]
        if details.tokens_per_s is not None:
            rows.append(
                (
                    self.tr("Speed"),
                    self.tr("{rate} tokens/s").format(
                        rate=locale.toString(details.tokens_per_s, "f", 1)
                    ),
                )
            )
        if details.ttft_s is not None:
            rows.append((self.tr("First token after"), self._seconds(details.ttft_s)))
        rows.append(
            (
                self.tr("Total time"),
                self.tr("{seconds} s").format(seconds=locale.toString(details.wall_s, "f", 1)),
            )
        )
        if details.money_kind == "cost":
            rows.append(
                (
                    self.tr("Cost"),
                    self.tr("unknown")
                    if details.amount is None
                    else amount_text(details.amount, details.currency),
                )
            )
        elif details.amount is not None:
            if details.baseline is not None:
                rows.append(
                    (
                        self.tr("The cloud would have charged"),
                        amount_text(details.baseline, details.currency),
                    )
                )
            if details.electricity is not None:
                electricity = amount_text(details.electricity, details.currency)
                if details.energy_estimated:
                    electricity += f" ({estimated})"
                rows.append((self.tr("Electricity"), electricity))
            rows.append((self.tr("Saved"), amount_text(details.amount, details.currency)))
        outcome = self._outcome(details)
        if outcome:
            rows.insert(0, (self.tr("Outcome"), outcome))
        cells = "".join(
            f"<tr><td>{html.escape(name)}&nbsp;&nbsp;</td><td>{html.escape(value)}</td></tr>"
            for name, value in rows
        )
        note = f"<p>{html.escape(details.provenance)}</p>" if details.provenance else ""
        return f"<table>{cells}</table>{note}"
