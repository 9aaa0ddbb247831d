"""The chat: message list, composer, model picker and streaming."""
