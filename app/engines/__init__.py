"""Chat engines: one interface for Ollama, OpenAI-compatible servers and cloud APIs."""
