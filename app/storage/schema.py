"""Numbered schema migrations, applied in order inside a transaction each.

``PRAGMA user_version`` holds the number of the last migration applied. Append new
steps to ``MIGRATIONS``; never edit a step that has shipped.
"""

from __future__ import annotations

from app.storage.schema_0_1_0 import RELEASE_0_1_0

MIGRATIONS: list[str] = [
    *RELEASE_0_1_0,
    # 7 (issue 12, the outbound gate -- app/privacy/store.py reads and writes these):
    # what each message looked like when it left the machine, kept beside the original
    # (redaction changes only what is sent, never the stored words), and a conversation's
    # standing "don't ask again for these items" decisions, by fingerprint (never the
    # value). New tables only: nothing earlier is rewritten.
    """
    CREATE TABLE outbound_sent (
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,
        destination TEXT NOT NULL,
        original_sha TEXT NOT NULL,
        sent_content TEXT NOT NULL,
        images_kept TEXT NOT NULL DEFAULT '[]',
        redacted TEXT NOT NULL DEFAULT '[]',
        images_held_back INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, item, destination)
    );
    CREATE INDEX outbound_sent_message ON outbound_sent(message_id);

    CREATE TABLE outbound_allowances (
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('redact_and_send', 'send_anyway')),
        created_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, fingerprint)
    ) WITHOUT ROWID;
    """,
]

# 8 (ledger issue 14; added beside 7 in the same round): a cloud cost carries its
# currency. A model listed in yuan
# (DeepSeek, Qwen…) is billed in yuan, so it is stored in yuan: converting to dollars to
# store and back to show would change the amount at a rate nobody chose. ``cost_usd``
# keeps US-dollar costs (every row written before this step is one); ``cost_amount`` +
# ``cost_currency`` hold a cost in any other currency, and ``ledger_cost`` sums those per
# UTC half hour × provider × model × currency (pico-units, exact like cost_pusd). The
# rollup still counts such a row as "unpriced" (its cost_usd is NULL); the report takes
# ledger_cost's reply count off that. Rows already stored are untouched. ledger_split and
# ledger_watts (backfilled from the rows already there) hold what the report's words
# name, so it need not read the month's replies. Also the facts
# view again, counting Apple Silicon's IOReport counters ('apple-ioreport') as measured
# energy like NVIDIA's (no earlier release wrote that source, so no summed row changes).
MIGRATIONS.append(
    """
    DROP VIEW ledger_usage_facts;
    CREATE VIEW ledger_usage_facts AS
    SELECT
        u.*,
        substr(u.ts, 1, 10) AS day,
        CAST(substr(u.ts, 12, 2) AS INTEGER) * 2 + (substr(u.ts, 15, 2) >= '30') AS slot,
        u.outcome <> 'failed' AS billable,
        CASE WHEN u.outcome = 'failed' THEN 0 ELSE
            (u.context_tokens > 32000) + (u.context_tokens > 100000)
            + (u.context_tokens > 128000) + (u.context_tokens > 199999)
            + (u.context_tokens > 200000) + (u.context_tokens > 256000)
            + (u.context_tokens > 272000) + (u.context_tokens > 512000)
            + (u.context_tokens > 524288) END AS band,
        CASE WHEN u.outcome = 'failed' THEN 0 ELSE min(u.context_tokens, coalesce((
            SELECT p.context_tokens + p.output_tokens_estimate FROM usage p
            WHERE p.conversation_id = u.conversation_id AND p.id < u.id
              AND julianday(u.ts) - julianday(p.ts) <= 300.001 / 86400
            ORDER BY p.id DESC LIMIT 1), 0)) END AS cacheable,
        CASE WHEN u.cost_usd IS NULL THEN 0
             ELSE CAST(round(CAST(u.cost_usd AS REAL) * 1e12) AS INTEGER) END AS cost_pusd,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source IN ('nvml-energy', 'nvml-power', 'apple-ioreport') AS is_measured,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source NOT IN ('nvml-energy', 'nvml-power', 'apple-ioreport')
            AS is_configured,
        u.is_local AND u.energy_j IS NULL AS is_unmeasured
    FROM usage u;


    ALTER TABLE usage ADD COLUMN cost_amount TEXT;
    ALTER TABLE usage ADD COLUMN cost_currency TEXT NOT NULL DEFAULT 'USD';

    CREATE TABLE ledger_cost (
        day TEXT NOT NULL,
        slot INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount_pico INTEGER NOT NULL,
        replies INTEGER NOT NULL,
        PRIMARY KEY (day, slot, provider, model, currency)
    ) WITHOUT ROWID;

    CREATE TRIGGER ledger_cost_on_usage AFTER INSERT ON usage
    WHEN NEW.cost_amount IS NOT NULL AND NEW.cost_currency <> 'USD' BEGIN
        INSERT INTO ledger_cost VALUES (
            substr(NEW.ts, 1, 10),
            CAST(substr(NEW.ts, 12, 2) AS INTEGER) * 2 + (substr(NEW.ts, 15, 2) >= '30'),
            NEW.provider, NEW.model, NEW.cost_currency,
            CAST(round(CAST(NEW.cost_amount AS REAL) * 1e12) AS INTEGER), 1)
        ON CONFLICT (day, slot, provider, model, currency) DO UPDATE SET
            amount_pico = amount_pico + excluded.amount_pico,
            replies = replies + 1;
    END;

    -- What the report's words name, kept per half hour like the rollup so a month is a few
    -- thousand rows to read, not its replies: tokens as reported vs estimated, cloud
    -- streams cut and billed by estimate, attempts that billed nothing, local attempts
    -- that used no energy, and the wattages estimated energy was recorded at.
    CREATE TABLE ledger_split (
        day TEXT NOT NULL,
        slot INTEGER NOT NULL,
        is_local INTEGER NOT NULL,
        input_reported INTEGER NOT NULL,
        input_estimated INTEGER NOT NULL,
        output_reported INTEGER NOT NULL,
        output_estimated INTEGER NOT NULL,
        cut INTEGER NOT NULL,
        priced_by_estimate INTEGER NOT NULL,
        billed_nothing INTEGER NOT NULL,
        stopped INTEGER NOT NULL,
        no_work INTEGER NOT NULL,
        no_energy INTEGER NOT NULL,
        PRIMARY KEY (day, slot, is_local)
    ) WITHOUT ROWID;

    CREATE VIEW ledger_split_facts AS
    SELECT
        substr(u.ts, 1, 10) AS day,
        CAST(substr(u.ts, 12, 2) AS INTEGER) * 2 + (substr(u.ts, 15, 2) >= '30') AS slot,
        u.is_local AS is_local,
        CASE WHEN u.outcome <> 'failed' AND u.input_tokens IS NOT NULL
            AND NOT u.usage_estimated AND u.context_tokens = u.input_tokens
                + coalesce(u.cached_input_tokens, 0) + coalesce(u.cache_write_tokens, 0)
            THEN u.context_tokens ELSE 0 END AS input_reported,
        CASE WHEN u.outcome <> 'failed' AND NOT (u.input_tokens IS NOT NULL
            AND NOT u.usage_estimated AND u.context_tokens = u.input_tokens
                + coalesce(u.cached_input_tokens, 0) + coalesce(u.cache_write_tokens, 0))
            THEN u.context_tokens ELSE 0 END AS input_estimated,
        CASE WHEN u.outcome <> 'failed' AND u.output_tokens IS NOT NULL
            AND NOT u.usage_estimated THEN u.output_tokens_estimate ELSE 0 END
            AS output_reported,
        CASE WHEN u.outcome <> 'failed' AND NOT (u.output_tokens IS NOT NULL
            AND NOT u.usage_estimated) THEN u.output_tokens_estimate ELSE 0 END
            AS output_estimated,
        NOT u.is_local AND coalesce(u.done_reason, '') = 'cut' AS cut,
        NOT u.is_local AND u.outcome <> 'failed' AND u.usage_estimated AS priced_by_estimate,
        NOT u.is_local AND u.outcome = 'failed' AS billed_nothing,
        u.is_local AND u.outcome = 'stopped' AS stopped,
        u.is_local AND u.energy_source = 'no-work' AS no_work,
        u.is_local AND u.energy_j IS NULL AS no_energy,
        u.id AS id
    FROM usage u;

    CREATE TRIGGER ledger_split_on_usage AFTER INSERT ON usage BEGIN
        INSERT INTO ledger_split
        SELECT day, slot, is_local, input_reported, input_estimated, output_reported,
            output_estimated, cut, priced_by_estimate, billed_nothing, stopped, no_work,
            no_energy
        FROM ledger_split_facts WHERE id = NEW.id
        ON CONFLICT (day, slot, is_local) DO UPDATE SET
            input_reported = input_reported + excluded.input_reported,
            input_estimated = input_estimated + excluded.input_estimated,
            output_reported = output_reported + excluded.output_reported,
            output_estimated = output_estimated + excluded.output_estimated,
            cut = cut + excluded.cut,
            priced_by_estimate = priced_by_estimate + excluded.priced_by_estimate,
            billed_nothing = billed_nothing + excluded.billed_nothing,
            stopped = stopped + excluded.stopped,
            no_work = no_work + excluded.no_work,
            no_energy = no_energy + excluded.no_energy;
    END;

    INSERT INTO ledger_split
    SELECT day, slot, is_local, sum(input_reported), sum(input_estimated),
        sum(output_reported), sum(output_estimated), sum(cut), sum(priced_by_estimate),
        sum(billed_nothing), sum(stopped), sum(no_work), sum(no_energy)
    FROM ledger_split_facts GROUP BY day, slot, is_local;

    CREATE TABLE ledger_watts (
        day TEXT NOT NULL,
        slot INTEGER NOT NULL,
        watts INTEGER NOT NULL,
        replies INTEGER NOT NULL,
        PRIMARY KEY (day, slot, watts)
    ) WITHOUT ROWID;

    CREATE TRIGGER ledger_watts_on_usage AFTER INSERT ON usage
    WHEN NEW.is_local AND NEW.energy_source IN ('configured-watts', 'machine-default')
        AND NEW.wall_ms > 0 AND NEW.energy_j > 0 BEGIN
        INSERT INTO ledger_watts VALUES (
            substr(NEW.ts, 1, 10),
            CAST(substr(NEW.ts, 12, 2) AS INTEGER) * 2 + (substr(NEW.ts, 15, 2) >= '30'),
            CAST(round(NEW.energy_j * 1000.0 / NEW.wall_ms) AS INTEGER), 1)
        ON CONFLICT (day, slot, watts) DO UPDATE SET replies = replies + 1;
    END;

    INSERT INTO ledger_watts
    SELECT substr(ts, 1, 10),
        CAST(substr(ts, 12, 2) AS INTEGER) * 2 + (substr(ts, 15, 2) >= '30'),
        CAST(round(energy_j * 1000.0 / wall_ms) AS INTEGER), count(*)
    FROM usage
    WHERE is_local AND energy_source IN ('configured-watts', 'machine-default')
        AND wall_ms > 0 AND energy_j > 0
    GROUP BY 1, 2, 3
    """
)

# (issue 11) Which process is writing each reply still streaming: the window's start-up
# recovery marks replies left 'streaming' by a crash as stopped, and without this it also
# marked — and charged a second usage row for — a reply a running `hearth ask` (another
# process on the same data dir) was still writing. The row goes when the reply leaves
# 'streaming', by trigger, so every path that finishes or stops a reply keeps it right.
MIGRATIONS.append(
    """
    CREATE TABLE live_replies (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        process_started REAL NOT NULL
    );

    CREATE TRIGGER live_replies_done AFTER UPDATE OF status ON messages
    WHEN NEW.status <> 'streaming' BEGIN
        DELETE FROM live_replies WHERE message_id = NEW.id;
    END;
    """
)

# (issue 16, per-conversation drafts -- app/chat/drafts.py reads and writes these): the
# unsent text of each conversation and its pending images and documents, so a restart
# loses nothing typed. conversation_id 0 is the new conversation not started yet, so the
# column cannot reference conversations; a trigger drops a deleted conversation's draft.
# New tables only.
MIGRATIONS.append(
    """
    CREATE TABLE drafts (
        conversation_id INTEGER PRIMARY KEY,
        text TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE draft_items (
        conversation_id INTEGER NOT NULL REFERENCES drafts(conversation_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'document')),
        mime TEXT NOT NULL,
        name TEXT NOT NULL,
        data BLOB NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (conversation_id, position)
    );
    CREATE TRIGGER drafts_of_deleted_conversation AFTER DELETE ON conversations BEGIN
        DELETE FROM drafts WHERE conversation_id = OLD.id;
    END;
    """
)

# Issues 15/16 (per-conversation model options; app/chat/options.py reads and writes it):
# temperature, top_p, seed and the context (Ollama's num_ctx) the person set for one
# conversation, and which "filling up" warnings it has already shown (once each). A new
# table: a conversation without a row -- every one from an earlier release -- runs with
# the engine's defaults, exactly as before.
MIGRATIONS.append(
    """
    CREATE TABLE conversation_options (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        temperature REAL,
        top_p REAL,
        seed INTEGER,
        num_ctx INTEGER,
        context_warnings TEXT NOT NULL DEFAULT ''
    )
    """
)

# (issue 16, thinking -- app/chat/thinking.py): a reply's reasoning, kept beside its
# answer (never mixed into ``content``, which is what is sent back to the model), how
# long the model thought (ms, NULL when not measured: older rows, imports), and a
# conversation's Think choice (NULL: the model's own default; 'on' / 'off', or a level
# 'low' / 'medium' / 'high' for gpt-oss). Columns only: every earlier row reads as
# "no thinking, model default".
MIGRATIONS.append(
    """
    ALTER TABLE messages ADD COLUMN thinking TEXT NOT NULL DEFAULT '';
    ALTER TABLE messages ADD COLUMN thinking_ms INTEGER;
    ALTER TABLE conversations ADD COLUMN think TEXT
    """
)

# Search and import (issue 16; app/search/ reads these, app/export/ writes the last).
# Full-text indexes over message text and conversation titles with FTS5's trigram
# tokenizer (SQLite >= 3.34), which finds any substring of three or more characters, so
# Chinese, which has no spaces between words, is found as well as English. Both are
# "external content" indexes: the text is stored once, in messages/conversations, and
# the triggers keep the index in step. Every message is indexed, a reply still streaming
# too: its checkpoints re-index it (tests/bench/bench_search.py measures what that adds),
# and a reply a crash cut off is found before anything marks it stopped. Soft-deleted
# conversations stay indexed (undo must find them again) and are left out when
# searching. Backfilled here from what is already stored.
# message_usage_imported keeps the usage of replies that came in through "Import": shown
# and exported again, but never counted in this machine's ledger (they were counted,
# if at all, where they happened).
MIGRATIONS.append(
    """
    CREATE VIRTUAL TABLE message_fts USING fts5(
        content, content='messages', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER message_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO message_fts (rowid, content) VALUES (NEW.id, NEW.content);
    END;
    CREATE TRIGGER message_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO message_fts (message_fts, rowid, content)
        VALUES ('delete', OLD.id, OLD.content);
    END;
    CREATE TRIGGER message_fts_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO message_fts (message_fts, rowid, content)
        VALUES ('delete', OLD.id, OLD.content);
        INSERT INTO message_fts (rowid, content) VALUES (NEW.id, NEW.content);
    END;
    INSERT INTO message_fts (message_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE title_fts USING fts5(
        title, content='conversations', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER title_fts_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO title_fts (rowid, title) VALUES (NEW.id, NEW.title);
    END;
    CREATE TRIGGER title_fts_delete AFTER DELETE ON conversations BEGIN
        INSERT INTO title_fts (title_fts, rowid, title) VALUES ('delete', OLD.id, OLD.title);
    END;
    CREATE TRIGGER title_fts_update AFTER UPDATE OF title ON conversations BEGIN
        INSERT INTO title_fts (title_fts, rowid, title) VALUES ('delete', OLD.id, OLD.title);
        INSERT INTO title_fts (rowid, title) VALUES (NEW.id, NEW.title);
    END;
    INSERT INTO title_fts (title_fts) VALUES ('rebuild');

    CREATE TABLE message_usage_imported (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        usage TEXT NOT NULL
    );
    """
)

# Issue 16, edit and branches (app/storage/tree.py reads and keeps these): a conversation
# is a tree. ``messages.parent_id`` is the message a message follows (0: none, the first
# of a branch); an edited question and a regenerated reply are siblings of the one they
# redo, so nothing written is lost. ``conversations.active_leaf`` is the last message of
# the branch on screen: opening walks up from it through the primary key, a page at a
# time, however large the tree. ``message_choice`` remembers, where a branch forks, which
# child was last chosen (without a row: the newest). Earlier conversations are linear:
# each message follows the one before it, and the newest is the leaf. A message inserted
# without a parent (older code, imports) follows the active leaf, as it always did.
MIGRATIONS.append(
    """
    ALTER TABLE messages ADD COLUMN parent_id INTEGER;
    ALTER TABLE conversations ADD COLUMN active_leaf INTEGER;

    UPDATE messages SET parent_id = coalesce((
        SELECT max(p.id) FROM messages p
        WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id), 0);
    UPDATE conversations SET active_leaf = (
        SELECT max(m.id) FROM messages m WHERE m.conversation_id = conversations.id);
    CREATE INDEX messages_parent ON messages(parent_id, conversation_id);

    CREATE TABLE message_choice (
        parent_id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL
    );

    CREATE TRIGGER messages_follow_leaf AFTER INSERT ON messages BEGIN
        UPDATE messages SET parent_id = coalesce((
            SELECT c.active_leaf FROM conversations c
            JOIN messages leaf ON leaf.id = c.active_leaf AND leaf.conversation_id = c.id
            WHERE c.id = NEW.conversation_id AND c.active_leaf < NEW.id), 0)
        WHERE id = NEW.id AND NEW.parent_id IS NULL;
        UPDATE conversations SET active_leaf = NEW.id WHERE id = NEW.conversation_id;
    END;
    """
)

# (issue 16, a reply's details): each page of messages reads its replies' usage rows by
# message id; without an index that scans the conversation's whole usage history.
MIGRATIONS.append("CREATE INDEX IF NOT EXISTS usage_message ON usage(message_id)")

SCHEMA_VERSION = len(MIGRATIONS)
