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
    # 2: the savings ledger's rollup, kept by a trigger so every writer keeps it right.
    # One row per UTC half hour × local/cloud × provider × model: prices change at UTC
    # dates and DeepSeek-style off-peak windows start on half hours, so a row never mixes
    # two prices. ctx_min/ctx_max tell whether a row straddles a long-context price tier.
    # Cloud cost is summed in integer pico-dollars so the sum stays exact.
    """
    CREATE INDEX usage_conversation ON usage(conversation_id, id);

    CREATE TABLE ledger_rollup (
        day TEXT NOT NULL,
        slot INTEGER NOT NULL,
        is_local INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        replies INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        context_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cacheable_tokens INTEGER NOT NULL,
        ctx_min INTEGER,
        ctx_max INTEGER,
        output_estimated INTEGER NOT NULL,
        usage_estimated INTEGER NOT NULL,
        cost_pusd INTEGER NOT NULL,
        unpriced INTEGER NOT NULL,
        energy_measured_j REAL NOT NULL,
        measured INTEGER NOT NULL,
        energy_configured_j REAL NOT NULL,
        configured INTEGER NOT NULL,
        unmeasured_wall_ms REAL NOT NULL,
        unmeasured INTEGER NOT NULL,
        PRIMARY KEY (day, slot, is_local, provider, model)
    ) WITHOUT ROWID;

    CREATE VIEW ledger_usage_facts AS
    SELECT
        u.*,
        substr(u.ts, 1, 10) AS day,
        CAST(substr(u.ts, 12, 2) AS INTEGER) * 2 + (substr(u.ts, 15, 2) >= '30') AS slot,
        u.outcome <> 'failed' AS billable,
        CASE WHEN u.outcome = 'failed' THEN 0 ELSE min(u.context_tokens, coalesce((
            SELECT p.context_tokens + p.output_tokens_estimate FROM usage p
            WHERE p.conversation_id = u.conversation_id AND p.id < u.id
              AND julianday(u.ts) - julianday(p.ts) <= 5.0 / 1440
            ORDER BY p.id DESC LIMIT 1), 0)) END AS cacheable,
        CASE WHEN u.cost_usd IS NULL THEN 0
             ELSE CAST(round(CAST(u.cost_usd AS REAL) * 1e12) AS INTEGER) END AS cost_pusd,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source IN ('nvml-energy', 'nvml-power') AS is_measured,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source NOT IN ('nvml-energy', 'nvml-power') AS is_configured,
        u.is_local AND u.energy_j IS NULL AS is_unmeasured
    FROM usage u;

    CREATE TRIGGER ledger_rollup_on_usage AFTER INSERT ON usage BEGIN
        INSERT INTO ledger_rollup
        SELECT f.day, f.slot, f.is_local, f.provider, f.model, 1, 1 - f.billable,
            f.billable * f.context_tokens, f.billable * f.output_tokens_estimate,
            f.cacheable,
            CASE WHEN f.billable THEN f.context_tokens END,
            CASE WHEN f.billable THEN f.context_tokens END,
            f.billable AND f.output_tokens IS NULL, f.usage_estimated,
            f.cost_pusd, NOT f.is_local AND f.cost_usd IS NULL,
            CASE WHEN f.is_measured THEN f.energy_j ELSE 0 END, f.is_measured,
            CASE WHEN f.is_configured THEN f.energy_j ELSE 0 END, f.is_configured,
            CASE WHEN f.is_unmeasured THEN f.wall_ms ELSE 0 END, f.is_unmeasured
        FROM ledger_usage_facts f WHERE f.id = NEW.id
        ON CONFLICT (day, slot, is_local, provider, model) DO UPDATE SET
            replies = replies + excluded.replies,
            failed = failed + excluded.failed,
            context_tokens = context_tokens + excluded.context_tokens,
            output_tokens = output_tokens + excluded.output_tokens,
            cacheable_tokens = cacheable_tokens + excluded.cacheable_tokens,
            ctx_min = min(coalesce(ctx_min, excluded.ctx_min), coalesce(excluded.ctx_min, ctx_min)),
            ctx_max = max(coalesce(ctx_max, excluded.ctx_max), coalesce(excluded.ctx_max, ctx_max)),
            output_estimated = output_estimated + excluded.output_estimated,
            usage_estimated = usage_estimated + excluded.usage_estimated,
            cost_pusd = cost_pusd + excluded.cost_pusd,
            unpriced = unpriced + excluded.unpriced,
            energy_measured_j = energy_measured_j + excluded.energy_measured_j,
            measured = measured + excluded.measured,
            energy_configured_j = energy_configured_j + excluded.energy_configured_j,
            configured = configured + excluded.configured,
            unmeasured_wall_ms = unmeasured_wall_ms + excluded.unmeasured_wall_ms,
            unmeasured = unmeasured + excluded.unmeasured;
    END;

    INSERT INTO ledger_rollup
    SELECT f.day, f.slot, f.is_local, f.provider, f.model, count(*), sum(1 - f.billable),
        sum(f.billable * f.context_tokens), sum(f.billable * f.output_tokens_estimate),
        sum(f.cacheable),
        min(CASE WHEN f.billable THEN f.context_tokens END),
        max(CASE WHEN f.billable THEN f.context_tokens END),
        sum(f.billable AND f.output_tokens IS NULL), sum(f.usage_estimated),
        sum(f.cost_pusd), sum(NOT f.is_local AND f.cost_usd IS NULL),
        total(CASE WHEN f.is_measured THEN f.energy_j ELSE 0 END), sum(f.is_measured),
        total(CASE WHEN f.is_configured THEN f.energy_j ELSE 0 END), sum(f.is_configured),
        total(CASE WHEN f.is_unmeasured THEN f.wall_ms ELSE 0 END), sum(f.is_unmeasured)
    FROM ledger_usage_facts f
    GROUP BY f.day, f.slot, f.is_local, f.provider, f.model
    """,
    # 3: model downloads that have not finished, so they can be resumed after a restart.
    """
    CREATE TABLE pending_pulls (
        name TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_bytes INTEGER NOT NULL DEFAULT 0,
        total_bytes INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT ''
    )
    """,
    # 4: the ledger rollup again, now also keyed by context-size band: the bands' edges are
    # every long-context price threshold genai-prices knows, so no row mixes two price
    # tiers and the report does not have to price requests one by one.
    """
    DROP TRIGGER ledger_rollup_on_usage;
    DROP VIEW ledger_usage_facts;
    DROP TABLE ledger_rollup;

    CREATE TABLE ledger_rollup (
        day TEXT NOT NULL,
        slot INTEGER NOT NULL,
        is_local INTEGER NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        band INTEGER NOT NULL,
        replies INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        context_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cacheable_tokens INTEGER NOT NULL,
        ctx_min INTEGER,
        ctx_max INTEGER,
        output_estimated INTEGER NOT NULL,
        usage_estimated INTEGER NOT NULL,
        cost_pusd INTEGER NOT NULL,
        unpriced INTEGER NOT NULL,
        energy_measured_j REAL NOT NULL,
        measured INTEGER NOT NULL,
        energy_configured_j REAL NOT NULL,
        configured INTEGER NOT NULL,
        unmeasured_wall_ms REAL NOT NULL,
        unmeasured INTEGER NOT NULL,
        PRIMARY KEY (day, slot, is_local, provider, model, band)
    ) WITHOUT ROWID;

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
              AND julianday(u.ts) - julianday(p.ts) <= 5.0 / 1440
            ORDER BY p.id DESC LIMIT 1), 0)) END AS cacheable,
        CASE WHEN u.cost_usd IS NULL THEN 0
             ELSE CAST(round(CAST(u.cost_usd AS REAL) * 1e12) AS INTEGER) END AS cost_pusd,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source IN ('nvml-energy', 'nvml-power') AS is_measured,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source NOT IN ('nvml-energy', 'nvml-power') AS is_configured,
        u.is_local AND u.energy_j IS NULL AS is_unmeasured
    FROM usage u;

    CREATE TRIGGER ledger_rollup_on_usage AFTER INSERT ON usage BEGIN
        INSERT INTO ledger_rollup
        SELECT f.day, f.slot, f.is_local, f.provider, f.model, f.band, 1, 1 - f.billable,
            f.billable * f.context_tokens, f.billable * f.output_tokens_estimate,
            f.cacheable,
            CASE WHEN f.billable THEN f.context_tokens END,
            CASE WHEN f.billable THEN f.context_tokens END,
            f.billable AND f.output_tokens IS NULL, f.usage_estimated,
            f.cost_pusd, NOT f.is_local AND f.cost_usd IS NULL,
            CASE WHEN f.is_measured THEN f.energy_j ELSE 0 END, f.is_measured,
            CASE WHEN f.is_configured THEN f.energy_j ELSE 0 END, f.is_configured,
            CASE WHEN f.is_unmeasured THEN f.wall_ms ELSE 0 END, f.is_unmeasured
        FROM ledger_usage_facts f WHERE f.id = NEW.id
        ON CONFLICT (day, slot, is_local, provider, model, band) DO UPDATE SET
            replies = replies + excluded.replies,
            failed = failed + excluded.failed,
            context_tokens = context_tokens + excluded.context_tokens,
            output_tokens = output_tokens + excluded.output_tokens,
            cacheable_tokens = cacheable_tokens + excluded.cacheable_tokens,
            ctx_min = min(coalesce(ctx_min, excluded.ctx_min), coalesce(excluded.ctx_min, ctx_min)),
            ctx_max = max(coalesce(ctx_max, excluded.ctx_max), coalesce(excluded.ctx_max, ctx_max)),
            output_estimated = output_estimated + excluded.output_estimated,
            usage_estimated = usage_estimated + excluded.usage_estimated,
            cost_pusd = cost_pusd + excluded.cost_pusd,
            unpriced = unpriced + excluded.unpriced,
            energy_measured_j = energy_measured_j + excluded.energy_measured_j,
            measured = measured + excluded.measured,
            energy_configured_j = energy_configured_j + excluded.energy_configured_j,
            configured = configured + excluded.configured,
            unmeasured_wall_ms = unmeasured_wall_ms + excluded.unmeasured_wall_ms,
            unmeasured = unmeasured + excluded.unmeasured;
    END;

    INSERT INTO ledger_rollup
    SELECT f.day, f.slot, f.is_local, f.provider, f.model, f.band, count(*), sum(1 - f.billable),
        sum(f.billable * f.context_tokens), sum(f.billable * f.output_tokens_estimate),
        sum(f.cacheable),
        min(CASE WHEN f.billable THEN f.context_tokens END),
        max(CASE WHEN f.billable THEN f.context_tokens END),
        sum(f.billable AND f.output_tokens IS NULL), sum(f.usage_estimated),
        sum(f.cost_pusd), sum(NOT f.is_local AND f.cost_usd IS NULL),
        total(CASE WHEN f.is_measured THEN f.energy_j ELSE 0 END), sum(f.is_measured),
        total(CASE WHEN f.is_configured THEN f.energy_j ELSE 0 END), sum(f.is_configured),
        total(CASE WHEN f.is_unmeasured THEN f.wall_ms ELSE 0 END), sum(f.is_unmeasured)
    FROM ledger_usage_facts f
    GROUP BY f.day, f.slot, f.is_local, f.provider, f.model, f.band
    """,
    # 5: per-day ledger sums, so the savings history before a month (cumulative saved,
    # payback) is a few hundred rows to read, not the half-hourly rollup of years.
    """
    CREATE TABLE ledger_daily (
        day TEXT NOT NULL,
        is_local INTEGER NOT NULL,
        band INTEGER NOT NULL,
        replies INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        context_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cacheable_tokens INTEGER NOT NULL,
        ctx_min INTEGER,
        ctx_max INTEGER,
        output_estimated INTEGER NOT NULL,
        usage_estimated INTEGER NOT NULL,
        cost_pusd INTEGER NOT NULL,
        unpriced INTEGER NOT NULL,
        energy_measured_j REAL NOT NULL,
        measured INTEGER NOT NULL,
        energy_configured_j REAL NOT NULL,
        configured INTEGER NOT NULL,
        unmeasured_wall_ms REAL NOT NULL,
        unmeasured INTEGER NOT NULL,
        PRIMARY KEY (day, is_local, band)
    ) WITHOUT ROWID;

    CREATE TRIGGER ledger_daily_on_usage AFTER INSERT ON usage BEGIN
        INSERT INTO ledger_daily
        SELECT r.day, r.is_local, r.band, 1, r.failed, r.context_tokens, r.output_tokens,
            r.cacheable_tokens, r.ctx_min, r.ctx_max, r.output_estimated, r.usage_estimated,
            r.cost_pusd, r.unpriced, r.energy_measured_j, r.measured, r.energy_configured_j,
            r.configured, r.unmeasured_wall_ms, r.unmeasured
        FROM (
            SELECT f.day, f.is_local, f.band, 1 - f.billable AS failed,
                f.billable * f.context_tokens AS context_tokens,
                f.billable * f.output_tokens_estimate AS output_tokens,
                f.cacheable AS cacheable_tokens,
                CASE WHEN f.billable THEN f.context_tokens END AS ctx_min,
                CASE WHEN f.billable THEN f.context_tokens END AS ctx_max,
                f.billable AND f.output_tokens IS NULL AS output_estimated,
                f.usage_estimated, f.cost_pusd,
                NOT f.is_local AND f.cost_usd IS NULL AS unpriced,
                CASE WHEN f.is_measured THEN f.energy_j ELSE 0 END AS energy_measured_j,
                f.is_measured AS measured,
                CASE WHEN f.is_configured THEN f.energy_j ELSE 0 END AS energy_configured_j,
                f.is_configured AS configured,
                CASE WHEN f.is_unmeasured THEN f.wall_ms ELSE 0 END AS unmeasured_wall_ms,
                f.is_unmeasured AS unmeasured
            FROM ledger_usage_facts f WHERE f.id = NEW.id
        ) r WHERE true
        ON CONFLICT (day, is_local, band) DO UPDATE SET
            replies = replies + excluded.replies,
            failed = failed + excluded.failed,
            context_tokens = context_tokens + excluded.context_tokens,
            output_tokens = output_tokens + excluded.output_tokens,
            cacheable_tokens = cacheable_tokens + excluded.cacheable_tokens,
            ctx_min = min(coalesce(ctx_min, excluded.ctx_min), coalesce(excluded.ctx_min, ctx_min)),
            ctx_max = max(coalesce(ctx_max, excluded.ctx_max), coalesce(excluded.ctx_max, ctx_max)),
            output_estimated = output_estimated + excluded.output_estimated,
            usage_estimated = usage_estimated + excluded.usage_estimated,
            cost_pusd = cost_pusd + excluded.cost_pusd,
            unpriced = unpriced + excluded.unpriced,
            energy_measured_j = energy_measured_j + excluded.energy_measured_j,
            measured = measured + excluded.measured,
            energy_configured_j = energy_configured_j + excluded.energy_configured_j,
            configured = configured + excluded.configured,
            unmeasured_wall_ms = unmeasured_wall_ms + excluded.unmeasured_wall_ms,
            unmeasured = unmeasured + excluded.unmeasured;
    END;

    INSERT INTO ledger_daily
    SELECT day, is_local, band, sum(replies), sum(failed), sum(context_tokens),
        sum(output_tokens), sum(cacheable_tokens), min(ctx_min), max(ctx_max),
        sum(output_estimated), sum(usage_estimated), sum(cost_pusd), sum(unpriced),
        total(energy_measured_j), sum(measured), total(energy_configured_j), sum(configured),
        total(unmeasured_wall_ms), sum(unmeasured)
    FROM ledger_rollup GROUP BY day, is_local, band
    """,
    # 6: billable local tokens per half hour (no model, no cloud rows): what an off-peak
    # baseline (prices by time of day) needs to price years of history without reading
    # the much wider per-model rollup. Also the facts view again: julianday() rounding
    # judged about half of all gaps of exactly five minutes longer than five minutes, so
    # the cache window now allows a millisecond (rows already summed keep their values).
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
            AND u.energy_source IN ('nvml-energy', 'nvml-power') AS is_measured,
        u.is_local AND u.energy_j IS NOT NULL
            AND u.energy_source NOT IN ('nvml-energy', 'nvml-power') AS is_configured,
        u.is_local AND u.energy_j IS NULL AS is_unmeasured
    FROM usage u;

    CREATE TABLE ledger_local_slots (
        day TEXT NOT NULL,
        slot INTEGER NOT NULL,
        band INTEGER NOT NULL,
        replies INTEGER NOT NULL,
        context_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cacheable_tokens INTEGER NOT NULL,
        ctx_min INTEGER NOT NULL,
        ctx_max INTEGER NOT NULL,
        PRIMARY KEY (day, slot, band)
    ) WITHOUT ROWID;

    CREATE TRIGGER ledger_local_slots_on_usage AFTER INSERT ON usage
    WHEN NEW.is_local AND NEW.outcome <> 'failed' BEGIN
        INSERT INTO ledger_local_slots
        SELECT f.day, f.slot, f.band, 1, f.context_tokens, f.output_tokens_estimate,
            f.cacheable, f.context_tokens, f.context_tokens
        FROM ledger_usage_facts f WHERE f.id = NEW.id
        ON CONFLICT (day, slot, band) DO UPDATE SET
            replies = replies + excluded.replies,
            context_tokens = context_tokens + excluded.context_tokens,
            output_tokens = output_tokens + excluded.output_tokens,
            cacheable_tokens = cacheable_tokens + excluded.cacheable_tokens,
            ctx_min = min(ctx_min, excluded.ctx_min),
            ctx_max = max(ctx_max, excluded.ctx_max);
    END;

    INSERT INTO ledger_local_slots
    SELECT day, slot, band, sum(replies - failed), sum(context_tokens), sum(output_tokens),
        sum(cacheable_tokens), min(ctx_min), max(ctx_max)
    FROM ledger_rollup WHERE is_local AND replies > failed GROUP BY day, slot, band
    """,
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

SCHEMA_VERSION = len(MIGRATIONS)
