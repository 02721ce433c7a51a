-- casebook schema, version 7: change capture for the shared hub (SPEC section 9).
--
-- Every local write to a synced table records, in the same transaction, which
-- record changed, which fields, and a hybrid logical clock (HLC) reading: the
-- outbox that `casebook sync` pushes. Nothing is captured until the diary is
-- first joined to a hub (`sync_clock.capture`), so a diary that never syncs
-- keeps no outbox; the first sync enqueues the whole diary once. A pull turns
-- capture off inside its own transaction, so applied changes are not echoed.

-- One row: the device, the clock and the pull cursor.
CREATE TABLE sync_clock (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    -- 1 once joined to a hub; 0 before, and while a pull applies changes
    capture INTEGER NOT NULL DEFAULT 0 CHECK (capture IN (0, 1)),
    -- this diary's device id (a UUID), set when first joined
    device TEXT,
    -- the last HLC reading: milliseconds since 1970 times 65536, plus a counter
    hlc INTEGER NOT NULL DEFAULT 0,
    -- the hub version this diary has pulled up to
    cursor INTEGER NOT NULL DEFAULT 0,
    -- when the last sync finished (UTC, RFC 3339), for "synced 2 min ago"
    synced_at TEXT
);
INSERT INTO sync_clock (only) VALUES (1);

-- Local changes not yet acknowledged by the hub, oldest first.
CREATE TABLE sync_outbox (
    -- AUTOINCREMENT: an id is never reused after the rows before it are
    -- acknowledged and deleted, because the last id pushed is the push's
    -- mutation id and the hub ignores one it has seen
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    uuid TEXT NOT NULL,
    -- insert, update, delete, erase
    op TEXT NOT NULL,
    -- comma-separated column names an update changed (NULL: every column)
    fields TEXT,
    hlc INTEGER NOT NULL
);
-- A pull looks up each pulled record's own unsent changes.
CREATE INDEX sync_outbox_record ON sync_outbox(kind, uuid);

-- A field changed here and on another device since they last agreed: both
-- values kept until the councillor chooses. Values are JSON.
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    uuid TEXT NOT NULL,
    field TEXT NOT NULL,
    local_value TEXT,
    remote_value TEXT,
    -- which value the clocks chose meanwhile: 'local' or 'remote'
    kept TEXT NOT NULL CHECK (kept IN ('local', 'remote')),
    found_at TEXT NOT NULL,
    UNIQUE (kind, uuid, field)
);

CREATE TRIGGER surgeries_sync_insert AFTER INSERT ON surgeries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'surgery', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER surgeries_sync_update AFTER UPDATE ON surgeries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'surgery', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.held_on IS NOT old.held_on THEN 'held_on' END, CASE WHEN new.venue IS NOT old.venue THEN 'venue' END, CASE WHEN new.started_at IS NOT old.started_at THEN 'started_at' END, CASE WHEN new.ended_at IS NOT old.ended_at THEN 'ended_at' END, CASE WHEN new.notes IS NOT old.notes THEN 'notes' END), hlc FROM sync_clock;
END;
CREATE TRIGGER surgeries_sync_delete AFTER DELETE ON surgeries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'surgery', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER contacts_sync_insert AFTER INSERT ON contacts WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'contact', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER contacts_sync_update AFTER UPDATE ON contacts WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'contact', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.name IS NOT old.name THEN 'name' END, CASE WHEN new.name_fold IS NOT old.name_fold THEN 'name_fold' END, CASE WHEN new.kind IS NOT old.kind THEN 'kind' END, CASE WHEN new.organisation IS NOT old.organisation THEN 'organisation' END, CASE WHEN new.department IS NOT old.department THEN 'department' END, CASE WHEN new.role IS NOT old.role THEN 'role' END, CASE WHEN new.address IS NOT old.address THEN 'address' END, CASE WHEN new.postcode IS NOT old.postcode THEN 'postcode' END, CASE WHEN new.phone IS NOT old.phone THEN 'phone' END, CASE WHEN new.email IS NOT old.email THEN 'email' END, CASE WHEN new.preferred_contact IS NOT old.preferred_contact THEN 'preferred_contact' END, CASE WHEN new.gender IS NOT old.gender THEN 'gender' END, CASE WHEN new.age_band IS NOT old.age_band THEN 'age_band' END, CASE WHEN new.ethnicity IS NOT old.ethnicity THEN 'ethnicity' END, CASE WHEN new.employment_status IS NOT old.employment_status THEN 'employment_status' END, CASE WHEN new.caution IS NOT old.caution THEN 'caution' END, CASE WHEN new.notes IS NOT old.notes THEN 'notes' END, CASE WHEN new.language IS NOT old.language THEN 'language' END), hlc FROM sync_clock;
END;
CREATE TRIGGER contacts_sync_delete AFTER DELETE ON contacts WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'contact', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER directory_sync_insert AFTER INSERT ON directory WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'directory', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER directory_sync_update AFTER UPDATE ON directory WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'directory', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.contact_id IS NOT old.contact_id THEN 'contact_id' END, CASE WHEN new.handles IS NOT old.handles THEN 'handles' END, CASE WHEN new.categories IS NOT old.categories THEN 'categories' END), hlc FROM sync_clock;
END;
CREATE TRIGGER directory_sync_delete AFTER DELETE ON directory WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'directory', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER cases_sync_insert AFTER INSERT ON cases WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'case', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER cases_sync_update AFTER UPDATE ON cases WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'case', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.reference IS NOT old.reference THEN 'reference' END, CASE WHEN new.title IS NOT old.title THEN 'title' END, CASE WHEN new.opened IS NOT old.opened THEN 'opened' END, CASE WHEN new.closed IS NOT old.closed THEN 'closed' END, CASE WHEN new.kind IS NOT old.kind THEN 'kind' END, CASE WHEN new.category IS NOT old.category THEN 'category' END, CASE WHEN new.channel IS NOT old.channel THEN 'channel' END, CASE WHEN new.location IS NOT old.location THEN 'location' END, CASE WHEN new.postcode IS NOT old.postcode THEN 'postcode' END, CASE WHEN new.area IS NOT old.area THEN 'area' END, CASE WHEN new.facts IS NOT old.facts THEN 'facts' END, CASE WHEN new.wants IS NOT old.wants THEN 'wants' END, CASE WHEN new.history IS NOT old.history THEN 'history' END, CASE WHEN new.others_involved IS NOT old.others_involved THEN 'others_involved' END, CASE WHEN new.status IS NOT old.status THEN 'status' END, CASE WHEN new.outcome IS NOT old.outcome THEN 'outcome' END, CASE WHEN new.satisfaction IS NOT old.satisfaction THEN 'satisfaction' END, CASE WHEN new.feedback IS NOT old.feedback THEN 'feedback' END, CASE WHEN new.promised_by IS NOT old.promised_by THEN 'promised_by' END, CASE WHEN new.consent_to_share IS NOT old.consent_to_share THEN 'consent_to_share' END, CASE WHEN new.surgery_id IS NOT old.surgery_id THEN 'surgery_id' END, CASE WHEN new.publicise IS NOT old.publicise THEN 'publicise' END, CASE WHEN new.contacted_on IS NOT old.contacted_on THEN 'contacted_on' END, CASE WHEN new.consent_on IS NOT old.consent_on THEN 'consent_on' END, CASE WHEN new.outcome_note IS NOT old.outcome_note THEN 'outcome_note' END, CASE WHEN new.shared IS NOT old.shared THEN 'shared' END), hlc FROM sync_clock;
END;
CREATE TRIGGER cases_sync_delete AFTER DELETE ON cases WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'case', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER case_people_sync_insert AFTER INSERT ON case_people WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'case_person', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER case_people_sync_update AFTER UPDATE ON case_people WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'case_person', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.case_id IS NOT old.case_id THEN 'case_id' END, CASE WHEN new.contact_id IS NOT old.contact_id THEN 'contact_id' END, CASE WHEN new.role IS NOT old.role THEN 'role' END), hlc FROM sync_clock;
END;
CREATE TRIGGER case_people_sync_delete AFTER DELETE ON case_people WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'case_person', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER entries_sync_insert AFTER INSERT ON entries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'entry', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER entries_sync_update AFTER UPDATE ON entries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'entry', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.case_id IS NOT old.case_id THEN 'case_id' END, CASE WHEN new.contact_id IS NOT old.contact_id THEN 'contact_id' END, CASE WHEN new.kind IS NOT old.kind THEN 'kind' END, CASE WHEN new.at IS NOT old.at THEN 'at' END, CASE WHEN new.text IS NOT old.text THEN 'text' END, CASE WHEN new.confidential IS NOT old.confidential THEN 'confidential' END, CASE WHEN new.surgery_id IS NOT old.surgery_id THEN 'surgery_id' END), hlc FROM sync_clock;
END;
CREATE TRIGGER entries_sync_delete AFTER DELETE ON entries WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'entry', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER referrals_sync_insert AFTER INSERT ON referrals WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'referral', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER referrals_sync_update AFTER UPDATE ON referrals WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'referral', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.case_id IS NOT old.case_id THEN 'case_id' END, CASE WHEN new.to_contact_id IS NOT old.to_contact_id THEN 'to_contact_id' END, CASE WHEN new.referred_on IS NOT old.referred_on THEN 'referred_on' END, CASE WHEN new.council_ref IS NOT old.council_ref THEN 'council_ref' END, CASE WHEN new.instruction IS NOT old.instruction THEN 'instruction' END, CASE WHEN new.note IS NOT old.note THEN 'note' END, CASE WHEN new.constituent_copied IS NOT old.constituent_copied THEN 'constituent_copied' END, CASE WHEN new.due_on IS NOT old.due_on THEN 'due_on' END, CASE WHEN new.reply_on IS NOT old.reply_on THEN 'reply_on' END, CASE WHEN new.reply IS NOT old.reply THEN 'reply' END), hlc FROM sync_clock;
END;
CREATE TRIGGER referrals_sync_delete AFTER DELETE ON referrals WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'referral', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER follow_ups_sync_insert AFTER INSERT ON follow_ups WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'follow_up', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER follow_ups_sync_update AFTER UPDATE ON follow_ups WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'follow_up', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.case_id IS NOT old.case_id THEN 'case_id' END, CASE WHEN new.contact_id IS NOT old.contact_id THEN 'contact_id' END, CASE WHEN new.entry_id IS NOT old.entry_id THEN 'entry_id' END, CASE WHEN new.due_on IS NOT old.due_on THEN 'due_on' END, CASE WHEN new.what IS NOT old.what THEN 'what' END, CASE WHEN new.done_on IS NOT old.done_on THEN 'done_on' END), hlc FROM sync_clock;
END;
CREATE TRIGGER follow_ups_sync_delete AFTER DELETE ON follow_ups WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'follow_up', old.uuid, 'delete', hlc FROM sync_clock;
END;

CREATE TRIGGER sar_requests_sync_insert AFTER INSERT ON sar_requests WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'sar_request', new.uuid, 'insert', hlc FROM sync_clock;
END;
CREATE TRIGGER sar_requests_sync_update AFTER UPDATE ON sar_requests WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, fields, hlc) SELECT 'sar_request', new.uuid, 'update',
        concat_ws(',', CASE WHEN new.created_at IS NOT old.created_at THEN 'created_at' END, CASE WHEN new.updated_at IS NOT old.updated_at THEN 'updated_at' END, CASE WHEN new.contact_id IS NOT old.contact_id THEN 'contact_id' END, CASE WHEN new.requested_on IS NOT old.requested_on THEN 'requested_on' END, CASE WHEN new.respond_by IS NOT old.respond_by THEN 'respond_by' END, CASE WHEN new.answered_on IS NOT old.answered_on THEN 'answered_on' END), hlc FROM sync_clock;
END;
CREATE TRIGGER sar_requests_sync_delete AFTER DELETE ON sar_requests WHEN (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT 'sar_request', old.uuid, 'delete', hlc FROM sync_clock;
END;

-- An erasure (the audit log's 'erase') travels too, so that the hub and every
-- device refuse later edits that would bring the person's data back.
CREATE TRIGGER audit_sync_erase AFTER INSERT ON audit
WHEN new.action = 'erase' AND (SELECT capture FROM sync_clock) = 1 BEGIN
    UPDATE sync_clock SET hlc = max(CAST(unixepoch('subsec') * 1000 AS INTEGER) * 65536, (SELECT hlc FROM sync_clock) + 1);
    INSERT INTO sync_outbox (kind, uuid, op, hlc) SELECT new.kind, new.uuid, 'erase', hlc FROM sync_clock;
END;
