"""The month's figures taken apart, so every count in the report can be traced.

The rollup gives totals; this reads per-half-hour sums (schema step 7) for what the
words need: how many tokens the servers reported and how many
Hearth estimated, local and cloud apart; the cloud streams that were cut and billed by
estimate; the attempts that billed nothing; the local attempts that used no energy;
and the wattages estimated rows were recorded at (not today's setting).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.ledger.store import position

NO_WORK_SOURCE = "no-work"
CONFIGURED_SOURCE = "configured-watts"
MACHINE_SOURCE = "machine-default"
CUT_REASON = "cut"


@dataclass(frozen=True)
class TokenSplit:
    input_reported: int = 0
    input_estimated: int = 0
    output_reported: int = 0
    output_estimated: int = 0


@dataclass(frozen=True)
class Reconciliation:
    local: TokenSplit = field(default_factory=TokenSplit)
    cloud: TokenSplit = field(default_factory=TokenSplit)
    cloud_cut: int = 0
    """Cloud streams cut after text arrived, billed by Hearth's estimate."""
    cloud_estimated: int = 0
    """Cloud replies priced from an estimate (cut, stopped, or no usage report)."""
    cloud_billed_nothing: int = 0
    local_stopped: int = 0
    local_no_work: int = 0
    """Local attempts that failed before the engine produced anything: no energy."""
    recorded_watts: tuple[Decimal, ...] = ()
    """The wattages rows estimated from configured watts were recorded at."""
    unmeasured: int = 0
    """Local rows with no energy figure at all (estimated at today's setting)."""


_SPLIT = """
SELECT is_local, sum(input_reported), sum(input_estimated), sum(output_reported),
    sum(output_estimated), sum(cut), sum(priced_by_estimate), sum(billed_nothing),
    sum(stopped), sum(no_work), sum(no_energy)
FROM ledger_split WHERE (day, slot) >= (?, ?) AND (day, slot) < (?, ?) GROUP BY is_local
"""

_WATTS = """
SELECT DISTINCT watts FROM ledger_watts
WHERE (day, slot) >= (?, ?) AND (day, slot) < (?, ?) ORDER BY 1
"""


def reconcile(conn: sqlite3.Connection, start: datetime, end: datetime) -> Reconciliation:
    """Read from the per-half-hour sums schema step 7 keeps (``ledger_split``,
    ``ledger_watts``): the half hours that start within ``[start, end)``."""
    span = (*position(start), *position(end))
    figures: dict[str, object] = {}
    for row in conn.execute(_SPLIT, span):
        split = TokenSplit(*(int(value or 0) for value in row[1:5]))
        if row[0]:
            figures.update(
                local=split,
                local_stopped=int(row[8] or 0),
                local_no_work=int(row[9] or 0),
                unmeasured=int(row[10] or 0),
            )
        else:
            figures.update(
                cloud=split,
                cloud_cut=int(row[5] or 0),
                cloud_estimated=int(row[6] or 0),
                cloud_billed_nothing=int(row[7] or 0),
            )
    watts = tuple(Decimal(int(row[0])) for row in conn.execute(_WATTS, span))
    return Reconciliation(recorded_watts=watts, **figures)  # type: ignore[arg-type]
