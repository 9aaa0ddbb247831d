"""Imports made late, on whichever thread first needs them, one at a time.

Heavy libraries (ollama, httpx, pydantic, genai-prices, the cloud SDKs) are imported
where they are first used, on worker threads, to keep start-up quick. Two threads doing
such first imports at once can meet in pydantic's circular imports: Python's import
locks then hand one of them a half-initialised module ("cannot import name ..."), seen
here once at start-up. Every import inside a function goes through ``serial_imports``;
a test checks it.
"""

from __future__ import annotations

import threading

serial_imports = threading.RLock()
"""Held around every function-level import (``with serial_imports:``)."""
