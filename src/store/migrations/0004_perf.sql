-- casebook schema, version 4: indexes for the hot paths at 100k cases.

-- The open cases only (a few thousand of 100k), with what a list line and
-- `due` read, so that the home screen's counts, the open-case list and
-- "needs an update" read this small index rather than visit the wide case
-- rows. Queries say `status <> 'closed'` exactly, which is what lets SQLite
-- use a partial index.
CREATE INDEX cases_open ON cases(opened, status, reference, title)
    WHERE status <> 'closed';

-- "When did the constituent last hear from the councillor?" for every open
-- case (`due`): only the outbound entries, with every column the question
-- reads, walked backwards from a case's latest. The kinds are
-- EntryKind::is_outbound, in the order the query lists them (the query must
-- repeat this list exactly for SQLite to use a partial index).
CREATE INDEX entries_outbound ON entries(case_id, at, contact_id, kind)
    WHERE kind IN ('call_out', 'email_out', 'letter_out', 'feedback_given');

-- The running surgery, looked up by every `casebook log` (an entry logged
-- while a surgery runs belongs to it): found without reading the surgeries.
CREATE INDEX surgeries_running ON surgeries(started_at)
    WHERE started_at IS NOT NULL AND ended_at IS NULL;

-- The foreign key follow_ups.entry_id had no index: a new entry made SQLite
-- plan a scan of the follow-ups, and deleting an entry ran one.
CREATE INDEX follow_ups_entry ON follow_ups(entry_id) WHERE entry_id IS NOT NULL;
