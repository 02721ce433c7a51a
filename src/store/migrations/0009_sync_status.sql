-- casebook schema, version 9: the sync status as facts (SPEC section 9).
--
-- `sync_clock.synced_at` (schema 7) says when the last sync succeeded; a
-- failed one is remembered too, with why, until the next success, so the
-- header and `casebook sync --status` can say "offline — 14 changes
-- waiting" after a sync run from cron failed. Not a synced table.

ALTER TABLE sync_clock ADD COLUMN failed_at TEXT;
ALTER TABLE sync_clock ADD COLUMN failure TEXT
    CHECK (failure IN ('unreachable', 'refused', 'upgrade', 'bad_url', 'hub', 'diary'));
