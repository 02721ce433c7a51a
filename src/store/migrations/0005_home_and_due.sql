-- casebook schema, version 5: the home screen and `due` read only what they
-- show, however large the diary.
--
-- Part 1: "who needs an update?" answered from one index.
--
-- `due` and the home screen list open cases whose constituent has heard
-- nothing from the councillor for N days. Worked out on every read, that
-- visited every open case (thousands at 100k cases) and walked its entries.
-- Instead each open case keeps, in `keep_informed`, the moment of its last
-- update to the constituent, kept in step by the triggers below; the
-- question becomes one range of the index `keep_informed_quiet`.
--
-- A table of its own rather than a column on `cases`: writing the case row
-- would fire the case audit trigger on every call logged, and a derived
-- value does not belong in the record that is exported.

-- An update that reached the constituent: a call, email, letter or feedback
-- out (EntryKind::is_outbound, listed exactly as the partial index
-- `entries_outbound` lists them, so that index serves this view), to the
-- constituent or the person acting for them, or to nobody named.
CREATE VIEW constituent_updates AS
SELECT e.case_id, e.at FROM entries e
WHERE e.kind IN ('call_out', 'email_out', 'letter_out', 'feedback_given')
  AND (e.contact_id IS NULL OR EXISTS (
      SELECT 1 FROM case_people q
      WHERE q.case_id = e.case_id AND q.contact_id = e.contact_id
        AND q.role IN ('constituent', 'on_behalf_of')));

-- What a case's row in `keep_informed` holds, worked out from the records:
-- its last update, and the constituent a reminder names (its first; NULL
-- while it has none, and then there is nobody to update). Every trigger
-- below reads this one definition for the case it touches.
CREATE VIEW keep_informed_source AS
SELECT c.id AS case_id,
       (SELECT max(u.at) FROM constituent_updates u WHERE u.case_id = c.id) AS last_update,
       (SELECT p.contact_id FROM case_people p
        WHERE p.case_id = c.id AND p.role = 'constituent' ORDER BY p.id LIMIT 1) AS constituent_id
FROM cases c;

-- One row for each case neither closed nor erased (an erased case has
-- nobody left to update; the audit log marks it). `quiet_since` is the day
-- the silence began: the last update, or the opened date if there was none
-- (or if the last update is older than the case, as an import can make it).
CREATE TABLE keep_informed (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    opened TEXT NOT NULL,
    last_update TEXT,
    -- No foreign key: the triggers keep it, and one would make every new
    -- or deleted contact look through this table.
    constituent_id INTEGER,
    quiet_since TEXT GENERATED ALWAYS AS
        (max(opened, coalesce(substr(last_update, 1, 10), opened))) STORED
);
CREATE INDEX keep_informed_quiet ON keep_informed(quiet_since)
    WHERE constituent_id IS NOT NULL;

INSERT INTO keep_informed (case_id, opened, last_update, constituent_id)
SELECT c.id, c.opened, f.last_update, f.constituent_id
FROM cases c JOIN keep_informed_source f ON f.case_id = c.id
WHERE c.status <> 'closed'
  AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.uuid = c.uuid AND a.action = 'erase');

-- A case joins the table while it is not closed, and leaves when it closes
-- or is erased.
CREATE TRIGGER keep_informed_case_insert AFTER INSERT ON cases
WHEN NEW.status <> 'closed' BEGIN
    INSERT INTO keep_informed (case_id, opened, last_update, constituent_id)
    SELECT NEW.id, NEW.opened, f.last_update, f.constituent_id
    FROM keep_informed_source f WHERE f.case_id = NEW.id;
END;
CREATE TRIGGER keep_informed_case_update AFTER UPDATE OF status, opened ON cases BEGIN
    DELETE FROM keep_informed WHERE case_id = NEW.id;
    INSERT INTO keep_informed (case_id, opened, last_update, constituent_id)
    SELECT NEW.id, NEW.opened, f.last_update, f.constituent_id
    FROM keep_informed_source f WHERE f.case_id = NEW.id
      AND NEW.status <> 'closed'
      AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.uuid = NEW.uuid AND a.action = 'erase');
END;
CREATE TRIGGER keep_informed_case_erased AFTER INSERT ON audit
WHEN NEW.kind = 'case' AND NEW.action = 'erase' BEGIN
    DELETE FROM keep_informed WHERE case_id = (SELECT id FROM cases WHERE uuid = NEW.uuid);
END;

-- Anything else that can change a row: a case's outbound entries, and who
-- is on the case. Each refreshes the row of the case (or both cases, when
-- an entry or person moves) from `keep_informed_source`.
CREATE TRIGGER keep_informed_entry_insert AFTER INSERT ON entries
WHEN NEW.case_id IS NOT NULL
 AND NEW.kind IN ('call_out', 'email_out', 'letter_out', 'feedback_given') BEGIN
    UPDATE keep_informed SET (last_update, constituent_id) =
        (SELECT f.last_update, f.constituent_id FROM keep_informed_source f
         WHERE f.case_id = keep_informed.case_id)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER keep_informed_entry_update AFTER UPDATE OF case_id, contact_id, kind, at ON entries
WHEN OLD.kind IN ('call_out', 'email_out', 'letter_out', 'feedback_given')
  OR NEW.kind IN ('call_out', 'email_out', 'letter_out', 'feedback_given') BEGIN
    UPDATE keep_informed SET (last_update, constituent_id) =
        (SELECT f.last_update, f.constituent_id FROM keep_informed_source f
         WHERE f.case_id = keep_informed.case_id)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER keep_informed_entry_delete AFTER DELETE ON entries
WHEN OLD.case_id IS NOT NULL
 AND OLD.kind IN ('call_out', 'email_out', 'letter_out', 'feedback_given') BEGIN
    UPDATE keep_informed SET (last_update, constituent_id) =
        (SELECT f.last_update, f.constituent_id FROM keep_informed_source f
         WHERE f.case_id = keep_informed.case_id)
    WHERE case_id = OLD.case_id;
END;
CREATE TRIGGER keep_informed_people_insert AFTER INSERT ON case_people BEGIN
    UPDATE keep_informed SET (last_update, constituent_id) =
        (SELECT f.last_update, f.constituent_id FROM keep_informed_source f
         WHERE f.case_id = keep_informed.case_id)
    WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER keep_informed_people_update AFTER UPDATE OF case_id, contact_id, role ON case_people BEGIN
    UPDATE keep_informed SET (last_update, constituent_id) =
        (SELECT f.last_update, f.constituent_id FROM keep_informed_source f
         WHERE f.case_id = keep_informed.case_id)
    WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER keep_informed_people_delete AFTER DELETE ON case_people BEGIN
    UPDATE keep_informed SET (last_update, constituent_id) =
        (SELECT f.last_update, f.constituent_id FROM keep_informed_source f
         WHERE f.case_id = keep_informed.case_id)
    WHERE case_id = OLD.case_id;
END;

-- Part 2: the home screen's bigger-picture alerts look for clusters among
-- the cases opened in the last few weeks. Ordered by category and area, the
-- old query read the whole of `cases_category_area`; this index gives the
-- recent cases as one range of dates, with the reference each alert shows.
CREATE INDEX cases_recent_areas ON cases(opened, category, area, reference)
    WHERE area IS NOT NULL;

-- Part 3: the review's "who contacted me" reads each person's kind and
-- demographic bands; this index holds just those, so the review reads a
-- few MB of index rather than the whole contacts table (100 -> 82 ms for a
-- year at 100k cases).
CREATE INDEX contacts_demographics
    ON contacts(kind, gender, age_band, ethnicity, employment_status);
