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
