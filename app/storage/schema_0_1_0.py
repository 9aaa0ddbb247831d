"""Schema migrations 1-6: what Hearth 0.1.0 shipped. Never edit these: data dirs written by
that release hold exactly this (tests/fixtures/release-0.1.0 is one).
"""

from __future__ import annotations

RELEASE_0_1_0: list[str] = [
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
]
