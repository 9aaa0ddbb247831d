"""Local fake servers that speak the real wire formats over real HTTP (127.0.0.1 only)."""
