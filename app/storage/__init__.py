"""SQLite storage: versioned schema, one serial writer, plain-dataclass records."""
