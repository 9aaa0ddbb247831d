"""Numbered schema migrations, applied in order inside a transaction each.

``PRAGMA user_version`` holds the number of the last migration applied. Append new
steps to ``MIGRATIONS``; never edit a step that has shipped.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: conversations, messages, attachments and the per-reply usage record.
    """
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        system_prompt TEXT NOT NULL DEFAULT '',
        cloud_provider TEXT,
        cloud_model TEXT,
        deleted_at TEXT
    );
    CREATE INDEX conversations_updated ON conversations(updated_at);

    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        engine TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'ok'
            CHECK (status IN ('ok', 'streaming', 'stopped', 'failed')),
        error TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX messages_conversation ON messages(conversation_id, id);

    CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        data BLOB NOT NULL
    );
    CREATE INDEX attachments_message ON attachments(message_id);

    CREATE TABLE usage (
        id INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        conversation_id INTEGER,
        message_id INTEGER,
        engine TEXT NOT NULL,
        provider TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL,
        is_local INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'stopped', 'failed')),
        input_tokens INTEGER,
        cached_input_tokens INTEGER,
        cache_write_tokens INTEGER,
        output_tokens INTEGER,
        context_tokens INTEGER NOT NULL,
        output_tokens_estimate INTEGER NOT NULL,
        usage_estimated INTEGER NOT NULL DEFAULT 0,
        load_duration_ns INTEGER,
        prompt_eval_duration_ns INTEGER,
        eval_duration_ns INTEGER,
        total_duration_ns INTEGER,
        done_reason TEXT,
        ttft_ms REAL,
        wall_ms REAL NOT NULL,
        cost_usd TEXT,
        price_source TEXT NOT NULL DEFAULT '',
        energy_j REAL,
        energy_source TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX usage_ts ON usage(ts);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
