"""The person's time zone, so months and days in the report start at their midnight."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_timezone() -> tzinfo:
    """``TZ`` if set, else the zone /etc/localtime points at, else today's fixed offset."""
    names = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    for name in names:
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")
