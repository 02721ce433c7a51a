-- casebook schema, version 8: correspondence (SPEC section 10).
--
-- An email taken in (or drafted) is a diary entry like any other: its body is
-- the entry's text, so search, confidentiality and erasure already reach it.
-- What only an email has lives beside it, one row per entry.

CREATE TABLE entry_mail (
    entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    -- SHA-256 (hex) of the message's Message-ID, or of the whole message when
    -- it has none: taking the same message in twice does nothing. A digest,
    -- not the ID itself, because some mail programs put the sender's address
    -- in it; so it can stay after an erasure and a re-import still does nothing.
    message_key TEXT UNIQUE,
    sender TEXT,
    -- comma-separated addresses, as the message gave them
    recipients TEXT,
    cc TEXT,
    subject TEXT
);

-- A letter or email made from a template stays a draft until the councillor
-- says it was sent; only outgoing correspondence can be a draft.
ALTER TABLE entries ADD COLUMN draft INTEGER NOT NULL DEFAULT 0
    CHECK (draft IN (0, 1) AND (draft = 0 OR kind IN ('email_out', 'letter_out')));

-- Attachments live inside the diary, so they are encrypted, backed up,
-- exported and erased with it (erasure deletes the rows; the scrub's VACUUM
-- with secure_delete makes the bytes leave the file).
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    filename TEXT NOT NULL CHECK (length(filename) > 0),
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    -- SHA-256 (hex) of the bytes: a saved copy can be checked against it
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX attachments_entry ON attachments(entry_id);

CREATE TRIGGER attachments_tombstone AFTER DELETE ON attachments BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'attachment', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER attachments_audit_insert AFTER INSERT ON attachments BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'attachment', new.uuid, 'create');
END;
CREATE TRIGGER attachments_audit_delete AFTER DELETE ON attachments BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'attachment', old.uuid, 'delete');
END;

-- The draft marker travels to the councillor's other devices like every
-- other column of an entry (schema 7's capture trigger, now with it).
DROP TRIGGER entries_sync_update;
CREATE TRIGGER entries_sync_update AFTER UPDATE ON entries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'entry', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.case_id IS NOT old.case_id THEN 'case_id' END, CASE WHEN new.contact_id IS NOT old.contact_id THEN 'contact_id' END, CASE WHEN new.kind IS NOT old.kind THEN 'kind' END, CASE WHEN new.at IS NOT old.at THEN 'at' END, CASE WHEN new.text IS NOT old.text THEN 'text' END, CASE WHEN new.confidential IS NOT old.confidential THEN 'confidential' END, CASE WHEN new.surgery_id IS NOT old.surgery_id THEN 'surgery_id' END, CASE WHEN new.draft IS NOT old.draft THEN 'draft' END), hlc FROM sync_clock;
END;
