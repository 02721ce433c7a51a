-- casebook schema, version 13: an email's own fields travel through the hub
-- (SPEC section 9; docs/sync.md).
--
-- `entry_mail` (schema 8) becomes a synced kind, `entry_mail`, with a UUID
-- and stamps of its own and a reference to its entry, so that another
-- device knows the message was taken in (its inbox will not take it in
-- again) and every device's export holds the sender and subject. It is
-- written with its entry and, like the entry, never conflicts; an erasure
-- blanks its fields and that blanking travels as an ordinary change. The
-- digest of the Message-ID stays after an erasure, as schema 8 explains.
--
-- The digest is no longer UNIQUE: two devices that took in the same message
-- while both were offline each made an entry of it, and both entries (and
-- their mail rows) must reach every device for the diaries to agree. The
-- inbox still takes a message in only once per diary: it looks the digest
-- up first (the index below).

CREATE TABLE entry_mail_13 (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    entry_id INTEGER NOT NULL UNIQUE REFERENCES entries(id) ON DELETE CASCADE,
    message_key TEXT,
    sender TEXT,
    recipients TEXT,
    cc TEXT,
    subject TEXT
);
-- A random (version 4) UUID for each existing row, and its entry's stamps.
INSERT INTO entry_mail_13 (uuid, created_at, updated_at, entry_id, message_key, sender,
        recipients, cc, subject)
    SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
            || substr(lower(hex(randomblob(2))), 2) || '-'
            || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
            || '-' || lower(hex(randomblob(6))),
        e.created_at, e.updated_at, m.entry_id, m.message_key, m.sender, m.recipients, m.cc,
        m.subject
    FROM entry_mail m JOIN entries e ON e.id = m.entry_id
    ORDER BY m.entry_id;
DROP TABLE entry_mail;
ALTER TABLE entry_mail_13 RENAME TO entry_mail;
CREATE INDEX entry_mail_key ON entry_mail(message_key);

CREATE TRIGGER entry_mail_sync_insert AFTER INSERT ON entry_mail WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'entry_mail', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER entry_mail_sync_update AFTER UPDATE ON entry_mail WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'entry_mail', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.entry_id IS NOT old.entry_id THEN 'entry_id' END, CASE WHEN new.message_key IS NOT old.message_key THEN 'message_key' END, CASE WHEN new.sender IS NOT old.sender THEN 'sender' END, CASE WHEN new.recipients IS NOT old.recipients THEN 'recipients' END, CASE WHEN new.cc IS NOT old.cc THEN 'cc' END, CASE WHEN new.subject IS NOT old.subject THEN 'subject' END), hlc FROM sync_clock;
END;
CREATE TRIGGER entry_mail_sync_delete AFTER DELETE ON entry_mail WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'entry_mail', old.uuid, 'delete', hlc FROM sync_clock;
END;

-- A diary that joined a hub before this schema queues its mail rows once.
INSERT INTO sync_outbox (kind, uuid, op, hlc)
    SELECT 'entry_mail', uuid, 'insert', (SELECT hlc FROM sync_clock) FROM entry_mail
    WHERE (SELECT device FROM sync_clock) IS NOT NULL ORDER BY id;
