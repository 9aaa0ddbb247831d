"""SQLite storage: versioned schema, one serial writer, plain-dataclass records."""

import logging

# The person is told about storage trouble in words (a dialog, a CLI message); the log
# lines are for the log file the window sets up, not for a CLI's stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())
