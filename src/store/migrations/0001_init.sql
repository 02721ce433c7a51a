-- casebook schema, version 1.
--
-- Every record: a local integer id (joins, FTS rowids), a global UUID v7
-- (identity across copies, for merge and sync), created/updated timestamps in
-- UTC (RFC 3339). Deleting a row leaves a tombstone (trigger below).
-- Dates are TEXT 'YYYY-MM-DD'; moments in the diary are local 'YYYY-MM-DD HH:MM:SS'.

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- lower case, accents removed: matching "Sian" to "Siân"
    name_fold TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'constituent'
        CHECK (kind IN ('constituent','officer','agency','councillor','organisation','other')),
    organisation TEXT,
    department TEXT,
    role TEXT,
    address TEXT,
    postcode TEXT,
    phone TEXT,
    email TEXT,
    preferred_contact TEXT
        CHECK (preferred_contact IN ('phone','email','letter','in_person','text')),
    gender TEXT,
    age_band TEXT
        CHECK (age_band IN ('0-17','18-29','30-44','45-64','65-74','75+','prefer_not_to_say')),
    ethnicity TEXT,
    employment_status TEXT,
    caution TEXT,
    notes TEXT
);
CREATE INDEX contacts_name_fold ON contacts(name_fold);
CREATE INDEX contacts_email ON contacts(lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_phone ON contacts(phone) WHERE phone IS NOT NULL;
CREATE INDEX contacts_kind_name ON contacts(kind, name_fold);

-- The directory of officers and agencies: "who do I speak to?"
CREATE TABLE directory (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    contact_id INTEGER NOT NULL UNIQUE REFERENCES contacts(id) ON DELETE CASCADE,
    handles TEXT NOT NULL DEFAULT '',
    -- comma-separated category names
    categories TEXT NOT NULL DEFAULT ''
);

CREATE TABLE surgeries (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    held_on TEXT NOT NULL,
    venue TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    notes TEXT
);
CREATE INDEX surgeries_held_on ON surgeries(held_on);

-- The last reference number given out in each year: 2026-0042.
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    opened TEXT NOT NULL,
    closed TEXT,
    kind TEXT NOT NULL
        CHECK (kind IN ('direct_query','indirect_query','complaint','service_request','community_issue')),
    category TEXT NOT NULL,
    channel TEXT NOT NULL
        CHECK (channel IN ('phone','email','letter','in_person','surgery','doorstep',
                           'social_media','online_form','campaign','other')),
    location TEXT,
    postcode TEXT,
    -- the location folded for case and spacing, or else the postcode sector:
    -- the "area" of the bigger picture
    area TEXT,
    facts TEXT,
    wants TEXT,
    history TEXT,
    others_involved TEXT,
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open','waiting_council','waiting_constituent','waiting_other','closed')),
    outcome TEXT
        CHECK (outcome IN ('resolved','partly_resolved','not_resolved','withdrawn','referred_elsewhere')),
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
    feedback TEXT,
    promised_by TEXT,
    -- NULL: not asked; 0: no; 1: yes
    consent_to_share INTEGER CHECK (consent_to_share IN (0, 1)),
    surgery_id INTEGER REFERENCES surgeries(id) ON DELETE SET NULL,
    publicise INTEGER NOT NULL DEFAULT 0 CHECK (publicise IN (0, 1))
);
CREATE INDEX cases_status_opened ON cases(status, opened);
CREATE INDEX cases_opened ON cases(opened);
CREATE INDEX cases_closed ON cases(closed) WHERE closed IS NOT NULL;
CREATE INDEX cases_category_area ON cases(category, area, opened);
CREATE INDEX cases_surgery ON cases(surgery_id) WHERE surgery_id IS NOT NULL;

CREATE TABLE case_people (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    role TEXT NOT NULL
        CHECK (role IN ('constituent','on_behalf_of','officer','agency','other')),
    UNIQUE (case_id, contact_id, role)
);
CREATE INDEX case_people_contact ON case_people(contact_id, case_id);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('call_in','call_out','email_in','email_out','letter_in','letter_out',
                        'meeting','surgery_visit','doorstep','social_media','note','action',
                        'feedback_given')),
    at TEXT NOT NULL,
    text TEXT NOT NULL,
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    surgery_id INTEGER REFERENCES surgeries(id) ON DELETE SET NULL
);
CREATE INDEX entries_case_at ON entries(case_id, at);
CREATE INDEX entries_contact_at ON entries(contact_id, at);
CREATE INDEX entries_at ON entries(at);
CREATE INDEX entries_surgery ON entries(surgery_id) WHERE surgery_id IS NOT NULL;

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    to_contact_id INTEGER NOT NULL REFERENCES contacts(id),
    referred_on TEXT NOT NULL,
    council_ref TEXT,
    instruction TEXT NOT NULL CHECK (instruction IN ('reply_copy_me','reply_through_me')),
    note TEXT,
    constituent_copied INTEGER NOT NULL DEFAULT 0 CHECK (constituent_copied IN (0, 1)),
    due_on TEXT NOT NULL,
    reply_on TEXT,
    reply TEXT
);
CREATE INDEX referrals_case ON referrals(case_id);
CREATE INDEX referrals_to ON referrals(to_contact_id);
CREATE INDEX referrals_awaiting ON referrals(due_on) WHERE reply_on IS NULL;

CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    due_on TEXT NOT NULL,
    what TEXT NOT NULL,
    done_on TEXT
);
CREATE INDEX follow_ups_pending ON follow_ups(due_on) WHERE done_on IS NULL;
CREATE INDEX follow_ups_case ON follow_ups(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX follow_ups_contact ON follow_ups(contact_id) WHERE contact_id IS NOT NULL;

-- Deletion leaves a tombstone, so a later merge knows the record was removed
-- rather than never seen. It holds no personal data.
CREATE TABLE tombstones (
    uuid TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    deleted_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER contacts_tombstone AFTER DELETE ON contacts BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'contact', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER directory_tombstone AFTER DELETE ON directory BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'directory', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER surgeries_tombstone AFTER DELETE ON surgeries BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'surgery', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER cases_tombstone AFTER DELETE ON cases BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'case', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER case_people_tombstone AFTER DELETE ON case_people BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'case_person', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER entries_tombstone AFTER DELETE ON entries BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'entry', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER referrals_tombstone AFTER DELETE ON referrals BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'referral', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
CREATE TRIGGER follow_ups_tombstone AFTER DELETE ON follow_ups BEGIN
    INSERT OR REPLACE INTO tombstones VALUES (old.uuid, 'follow_up', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- Full-text search over names, case titles, facts and entry text.
-- Contentless (the text stays only in its own table, so erasure has one copy
-- to remove); rowid = source id * 8 + tag: 1 contact, 2 case, 3 entry, 4 directory.
CREATE VIRTUAL TABLE search USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 1, new.name,
        concat_ws(' ', new.organisation, new.department, new.role, new.postcode, new.email, new.phone));
END;
CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 1;
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 1, new.name,
        concat_ws(' ', new.organisation, new.department, new.role, new.postcode, new.email, new.phone));
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 2,
        concat_ws(' ', new.reference, new.title),
        concat_ws(' ', new.location, new.postcode, new.facts, new.wants, new.history, new.others_involved));
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF reference, title, location, postcode, facts, wants, history, others_involved ON cases BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 2;
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 2,
        concat_ws(' ', new.reference, new.title),
        concat_ws(' ', new.location, new.postcode, new.facts, new.wants, new.history, new.others_involved));
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER entries_search_insert AFTER INSERT ON entries BEGIN
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 3, '', new.text);
END;
CREATE TRIGGER entries_search_update AFTER UPDATE OF text ON entries BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 3;
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 3, '', new.text);
END;
CREATE TRIGGER entries_search_delete AFTER DELETE ON entries BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER directory_search_insert AFTER INSERT ON directory BEGIN
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 4, '',
        concat_ws(' ', new.handles, replace(replace(new.categories, '_', ' '), ',', ' ')));
END;
CREATE TRIGGER directory_search_update AFTER UPDATE ON directory BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 4;
    INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 4, '',
        concat_ws(' ', new.handles, replace(replace(new.categories, '_', ' '), ',', ' ')));
END;
CREATE TRIGGER directory_search_delete AFTER DELETE ON directory BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 4;
END;
