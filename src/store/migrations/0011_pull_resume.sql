-- casebook schema, version 11: where an interrupted pull stopped (SPEC
-- section 9).
--
-- A pull is applied in slices, each its own transaction, so that a big
-- first sync never holds the write lock for long. The hub sends records
-- parents first (by kind, then version, then UUID), so the version cursor
-- can only move once the whole pull is in; meanwhile each slice records the
-- hub version the pull reads up to and the last record it applied. A pull
-- cut off between slices starts again after that record: nothing applied
-- twice, nothing skipped. NULL: no pull in progress. Not a synced table.

ALTER TABLE sync_clock ADD COLUMN pull_top INTEGER;
ALTER TABLE sync_clock ADD COLUMN pull_kind TEXT;
ALTER TABLE sync_clock ADD COLUMN pull_version INTEGER;
ALTER TABLE sync_clock ADD COLUMN pull_uuid TEXT;
