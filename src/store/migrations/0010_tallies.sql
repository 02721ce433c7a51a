-- casebook schema, version 10: what the home screen and `due` count is
-- kept, not counted (issue 16).
--
-- "12 overdue, 3 late replies, 40 need an update, 700 open" was counted on
-- every start of the UI and every `casebook due` by reading index ranges,
-- and the late replies by looking up the case of every referral awaiting a
-- reply: over a thousand pages at 100k cases, each one decrypted and
-- HMAC-checked in an encrypted diary. Now:
--
-- * `tallies` holds totals, one row each, kept by the triggers below; a
--   count "due by today" is the total less those not due yet (a short range
--   of the same index: what was scheduled or touched lately, however old
--   and large the diary);
-- * `awaited_replies` holds the referrals awaiting a reply on a case not
--   closed, by due date: the late ones are one short range of its index.
--
-- Derived from the records like `keep_informed`: not synced, not exported;
-- every device keeps its own from its own rows (a sync pull, an import, an
-- erasure write the records, and the triggers follow), a restored backup
-- brings its own, and `casebook check` compares each with a recount.
CREATE TABLE tallies (
    what TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;

-- follow_ups_pending:  follow-ups not done (`follow_ups_pending`'s rows)
-- keep_informed:       cases in `keep_informed` that have a constituent
--                      (`keep_informed_quiet`'s rows)
-- cases:<status>:      cases of each status
INSERT INTO tallies (what, n) VALUES
    ('follow_ups_pending', (SELECT count(*) FROM follow_ups WHERE done_on IS NULL)),
    ('keep_informed', (SELECT count(*) FROM keep_informed WHERE constituent_id IS NOT NULL)),
    ('cases:open', (SELECT count(*) FROM cases WHERE status = 'open')),
    ('cases:waiting_council', (SELECT count(*) FROM cases WHERE status = 'waiting_council')),
    ('cases:waiting_constituent', (SELECT count(*) FROM cases WHERE status = 'waiting_constituent')),
    ('cases:waiting_other', (SELECT count(*) FROM cases WHERE status = 'waiting_other')),
    ('cases:closed', (SELECT count(*) FROM cases WHERE status = 'closed'));

-- Follow-ups.
CREATE TRIGGER tallies_follow_up_insert AFTER INSERT ON follow_ups
WHEN NEW.done_on IS NULL BEGIN
    UPDATE tallies SET n = n + 1 WHERE what = 'follow_ups_pending';
END;
CREATE TRIGGER tallies_follow_up_update AFTER UPDATE OF done_on ON follow_ups
WHEN (OLD.done_on IS NULL) <> (NEW.done_on IS NULL) BEGIN
    UPDATE tallies SET n = n + (NEW.done_on IS NULL) - (OLD.done_on IS NULL)
    WHERE what = 'follow_ups_pending';
END;
CREATE TRIGGER tallies_follow_up_delete AFTER DELETE ON follow_ups
WHEN OLD.done_on IS NULL BEGIN
    UPDATE tallies SET n = n - 1 WHERE what = 'follow_ups_pending';
END;

-- Cases: the count of each status.
CREATE TRIGGER tallies_case_insert AFTER INSERT ON cases BEGIN
    UPDATE tallies SET n = n + 1 WHERE what = 'cases:' || NEW.status;
END;
CREATE TRIGGER tallies_case_update AFTER UPDATE OF status ON cases
WHEN OLD.status <> NEW.status BEGIN
    UPDATE tallies SET n = n - 1 WHERE what = 'cases:' || OLD.status;
    UPDATE tallies SET n = n + 1 WHERE what = 'cases:' || NEW.status;
END;
CREATE TRIGGER tallies_case_delete AFTER DELETE ON cases BEGIN
    UPDATE tallies SET n = n - 1 WHERE what = 'cases:' || OLD.status;
END;

-- Cases needing an update are counted among `keep_informed`'s rows (which
-- its own triggers keep; a deleted case's row goes by ON DELETE CASCADE,
-- which fires the delete trigger here).
CREATE TRIGGER tallies_keep_informed_insert AFTER INSERT ON keep_informed
WHEN NEW.constituent_id IS NOT NULL BEGIN
    UPDATE tallies SET n = n + 1 WHERE what = 'keep_informed';
END;
CREATE TRIGGER tallies_keep_informed_update AFTER UPDATE OF constituent_id ON keep_informed
WHEN (OLD.constituent_id IS NULL) <> (NEW.constituent_id IS NULL) BEGIN
    UPDATE tallies SET n = n + (NEW.constituent_id IS NOT NULL) - (OLD.constituent_id IS NOT NULL)
    WHERE what = 'keep_informed';
END;
CREATE TRIGGER tallies_keep_informed_delete AFTER DELETE ON keep_informed
WHEN OLD.constituent_id IS NOT NULL BEGIN
    UPDATE tallies SET n = n - 1 WHERE what = 'keep_informed';
END;

-- Replies awaited: a referral with no reply on a case not closed, by the
-- day its reply is due. The late ones were found by walking every
-- referral awaiting a reply and looking up its case's status, a row of the
-- wide `cases` table each (at 100k cases most of the pages `due` read).
-- Kept here, "late on `today`" is one range of `awaited_replies_due`, and
-- its list joins the referral and case of only the rows it shows.
CREATE TABLE awaited_replies (
    -- No foreign key: the triggers keep it (as `keep_informed`).
    referral_id INTEGER PRIMARY KEY,
    due_on TEXT NOT NULL
);
CREATE INDEX awaited_replies_due ON awaited_replies(due_on);

INSERT INTO awaited_replies (referral_id, due_on)
SELECT r.id, r.due_on FROM referrals r JOIN cases c ON c.id = r.case_id
WHERE r.reply_on IS NULL AND c.status <> 'closed';

CREATE TRIGGER awaited_replies_referral_insert AFTER INSERT ON referrals
WHEN NEW.reply_on IS NULL BEGIN
    INSERT INTO awaited_replies (referral_id, due_on)
    SELECT NEW.id, NEW.due_on
    WHERE EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.status <> 'closed');
END;
CREATE TRIGGER awaited_replies_referral_update
AFTER UPDATE OF id, case_id, due_on, reply_on ON referrals BEGIN
    DELETE FROM awaited_replies WHERE referral_id = OLD.id;
    INSERT INTO awaited_replies (referral_id, due_on)
    SELECT NEW.id, NEW.due_on
    WHERE NEW.reply_on IS NULL
      AND EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.status <> 'closed');
END;
CREATE TRIGGER awaited_replies_referral_delete AFTER DELETE ON referrals BEGIN
    DELETE FROM awaited_replies WHERE referral_id = OLD.id;
END;
-- A case that closes takes its referrals off; one that reopens (or arrives
-- after its referrals, as nothing but a foreign key forbids) puts back those
-- still awaiting a reply. A deleted case's referrals go by ON DELETE
-- CASCADE, which fires the referrals' delete trigger above.
CREATE TRIGGER awaited_replies_case_insert AFTER INSERT ON cases
WHEN NEW.status <> 'closed' BEGIN
    INSERT OR IGNORE INTO awaited_replies (referral_id, due_on)
    SELECT r.id, r.due_on FROM referrals r WHERE r.case_id = NEW.id AND r.reply_on IS NULL;
END;
CREATE TRIGGER awaited_replies_case_update AFTER UPDATE OF status ON cases
WHEN (OLD.status = 'closed') <> (NEW.status = 'closed') BEGIN
    DELETE FROM awaited_replies
    WHERE NEW.status = 'closed'
      AND referral_id IN (SELECT r.id FROM referrals r WHERE r.case_id = NEW.id);
    INSERT OR IGNORE INTO awaited_replies (referral_id, due_on)
    SELECT r.id, r.due_on FROM referrals r
    WHERE NEW.status <> 'closed' AND r.case_id = NEW.id AND r.reply_on IS NULL;
END;

-- The bigger picture on the home screen reads the cases opened in recent
-- weeks from one range of an index, `cases_recent_areas` (schema 5); but it
-- also shows the place as typed (location, else postcode), which only the
-- table held: one row of the wide `cases` table per recent case (the largest
-- part of the first frame). This index holds it too, so the scan reads the
-- index alone; it takes the older one's place.
CREATE INDEX cases_recent_places ON cases(opened, category, area, reference, location, postcode)
    WHERE area IS NOT NULL;
DROP INDEX cases_recent_areas;
