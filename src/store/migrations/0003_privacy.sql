-- casebook schema, version 2: data protection.
--
-- The audit log: an append-only record of what happened to which record and
-- when. It holds NO personal data (record kind, UUID, action, time), so it
-- survives an erasure untouched and can be shown to anyone who asks.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    -- contact, case, case_person, entry, referral, follow_up, surgery, directory, diary
    kind TEXT NOT NULL,
    uuid TEXT,
    -- create, update, delete, erase, export, sar, handover
    action TEXT NOT NULL
);
CREATE INDEX audit_uuid ON audit(uuid, action);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Subject access requests: when asked, when the answer is due (one calendar
-- month), when answered. Shown on the contact's page while outstanding.
CREATE TABLE sar_requests (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    requested_on TEXT NOT NULL,
    respond_by TEXT NOT NULL,
    answered_on TEXT
);
CREATE INDEX sar_requests_contact ON sar_requests(contact_id) WHERE answered_on IS NULL;

-- Triggers: nothing that writes the main tables can bypass the log.
CREATE TRIGGER contacts_audit_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'contact', new.uuid, 'create');
END;
CREATE TRIGGER contacts_audit_update AFTER UPDATE ON contacts BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'contact', new.uuid, 'update');
END;
CREATE TRIGGER contacts_audit_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'contact', old.uuid, 'delete');
END;

CREATE TRIGGER cases_audit_insert AFTER INSERT ON cases BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'case', new.uuid, 'create');
END;
CREATE TRIGGER cases_audit_update AFTER UPDATE ON cases BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'case', new.uuid, 'update');
END;
CREATE TRIGGER cases_audit_delete AFTER DELETE ON cases BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'case', old.uuid, 'delete');
END;

CREATE TRIGGER case_people_audit_insert AFTER INSERT ON case_people BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'case_person', new.uuid, 'create');
END;
CREATE TRIGGER case_people_audit_delete AFTER DELETE ON case_people BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'case_person', old.uuid, 'delete');
END;

CREATE TRIGGER entries_audit_insert AFTER INSERT ON entries BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'entry', new.uuid, 'create');
END;
CREATE TRIGGER entries_audit_update AFTER UPDATE ON entries BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'entry', new.uuid, 'update');
END;
CREATE TRIGGER entries_audit_delete AFTER DELETE ON entries BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'entry', old.uuid, 'delete');
END;

CREATE TRIGGER referrals_audit_insert AFTER INSERT ON referrals BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'referral', new.uuid, 'create');
END;
CREATE TRIGGER referrals_audit_update AFTER UPDATE ON referrals BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'referral', new.uuid, 'update');
END;
CREATE TRIGGER referrals_audit_delete AFTER DELETE ON referrals BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'referral', old.uuid, 'delete');
END;

CREATE TRIGGER follow_ups_audit_insert AFTER INSERT ON follow_ups BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'follow_up', new.uuid, 'create');
END;
CREATE TRIGGER follow_ups_audit_update AFTER UPDATE ON follow_ups BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'follow_up', new.uuid, 'update');
END;
CREATE TRIGGER follow_ups_audit_delete AFTER DELETE ON follow_ups BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'follow_up', old.uuid, 'delete');
END;

CREATE TRIGGER surgeries_audit_insert AFTER INSERT ON surgeries BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'surgery', new.uuid, 'create');
END;
CREATE TRIGGER surgeries_audit_update AFTER UPDATE ON surgeries BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'surgery', new.uuid, 'update');
END;
CREATE TRIGGER surgeries_audit_delete AFTER DELETE ON surgeries BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'surgery', old.uuid, 'delete');
END;

CREATE TRIGGER directory_audit_insert AFTER INSERT ON directory BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'directory', new.uuid, 'create');
END;
CREATE TRIGGER directory_audit_update AFTER UPDATE ON directory BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'directory', new.uuid, 'update');
END;
CREATE TRIGGER directory_audit_delete AFTER DELETE ON directory BEGIN
    INSERT INTO audit (at, kind, uuid, action) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'directory', old.uuid, 'delete');
END;
