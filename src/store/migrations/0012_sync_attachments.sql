-- casebook schema, version 12: attachments through the hub, device names in
-- the conflicts room, and what a pull cut off has already applied (SPEC
-- section 9; docs/sync.md).

-- Attachments become a synced kind. Their description (file name, type,
-- size, SHA-256, entry) travels like any record; their bytes travel apart,
-- one file per hub call, so a big file never holds a push or a pull open.
-- An attachment is never edited, only added and deleted (an erasure deletes
-- it), but an update is captured all the same so that nothing is missed.
CREATE TRIGGER attachments_sync_insert AFTER INSERT ON attachments WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'attachment', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER attachments_sync_update AFTER UPDATE ON attachments WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'attachment', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.entry_id IS NOT old.entry_id THEN 'entry_id' END, CASE WHEN new.filename IS NOT old.filename THEN 'filename' END, CASE WHEN new.content_type IS NOT old.content_type THEN 'content_type' END, CASE WHEN new.size IS NOT old.size THEN 'size' END, CASE WHEN new.sha256 IS NOT old.sha256 THEN 'sha256' END), hlc FROM sync_clock;
END;
CREATE TRIGGER attachments_sync_delete AFTER DELETE ON attachments WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'attachment', old.uuid, 'delete', hlc FROM sync_clock;
END;

-- A diary that joined a hub before this schema queues its attachments once.
INSERT INTO sync_outbox (kind, uuid, op, hlc)
    SELECT 'attachment', uuid, 'insert', (SELECT hlc FROM sync_clock) FROM attachments
    WHERE (SELECT device FROM sync_clock) IS NOT NULL ORDER BY id;

-- Attachments pulled from the hub whose bytes are not here yet: the
-- description (JSON of the hub's record) waits until the bytes come, at
-- this sync or a later one, and only then becomes a row of `attachments`.
-- Not a synced table.
CREATE TABLE sync_attachments_due (
    uuid TEXT PRIMARY KEY,
    record TEXT NOT NULL
);

-- The hub's devices this diary has heard of: the device id in a clock stamp
-- and the name whoever runs the hub gave it, for the conflicts room. Asked
-- for once per sync. Not a synced table.
CREATE TABLE sync_devices (
    device TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
-- The device whose value a conflict holds.
ALTER TABLE sync_conflicts ADD COLUMN remote_device TEXT;

-- While a pull is cut off and not yet resumed to its end, the hub version
-- of each record it applied: "since they last agreed" for that record is
-- then this version, not the cursor, so an edit made here on top of a
-- pulled value is not a conflict with it. Emptied when a pull completes
-- (the cursor then covers every version in it). Diary entries never
-- conflict and are not noted. Not a synced table.
CREATE TABLE sync_seen (
    kind TEXT NOT NULL,
    uuid TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (kind, uuid)
) WITHOUT ROWID;
