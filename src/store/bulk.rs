//! Writing many records at once (the demo generator, benchmarks), and the few
//! whole-file checks its tests rely on.
//!
//! A batch hands out the ids its records will have and queues them; at the
//! end it writes them table by table, through the usual insert functions, in
//! one transaction.
//!
//! The full-text index is the cost: FTS5 writes a new index segment at every
//! statement savepoint, and each trigger-fired insert is one, so row by row
//! it leaves a segment per row to merge (80% of the time of a large batch).
//! A batch therefore lifts the search triggers for its duration and indexes
//! its rows afterwards with one `INSERT … SELECT` per table, derived from the
//! triggers' own text (so the index stays exactly what the triggers make),
//! then puts the triggers back — all inside the batch's transaction.

use std::cell::RefCell;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Store, cases, contacts, directory, entries, followups, referrals, surgeries};
use crate::domain::{
    Case, CasePerson, Contact, DirectoryEntry, Entry, FollowUp, Id, Referral, Role, Surgery,
};
use crate::error::Msg;
use crate::{Error, Result};

/// Page cache while a batch is written (negative: KiB): the indexes being
/// extended stay in memory.
pub(super) const BULK_CACHE_KIB: i64 = 64 * 1024;

/// FTS5 also writes a segment whenever its buffer of new terms passes this
/// size (its default is 1 MiB); a batch's worth in memory means few segments.
const BULK_FTS_HASH: i64 = 128 * 1024 * 1024;
const DEFAULT_FTS_HASH: i64 = 1024 * 1024;

/// One batch of writes: everything in it is saved together, or nothing.
/// Ids returned are the ids the records get when the batch is written.
pub struct Bulk<'a> {
    tx: &'a Connection,
    categories: &'a [String],
    queue: RefCell<Queue>,
}

#[derive(Default)]
struct Queue {
    next: NextIds,
    contacts: Vec<Contact>,
    directory: Vec<DirectoryEntry>,
    surgeries: Vec<Surgery>,
    cases: Vec<Case>,
    people: Vec<CasePerson>,
    entries: Vec<Entry>,
    referrals: Vec<Referral>,
    follow_ups: Vec<FollowUp>,
}

/// The next row id of each table.
#[derive(Default, Clone, Copy)]
pub(super) struct NextIds {
    contact: i64,
    surgery: i64,
    case: i64,
    entry: i64,
    directory: i64,
}

impl Bulk<'_> {
    fn queue(&self) -> std::cell::RefMut<'_, Queue> {
        self.queue.borrow_mut()
    }

    pub fn contact(&self, c: &Contact) -> Result<Id<Contact>> {
        c.validate()?;
        let mut q = self.queue();
        q.contacts.push(c.clone());
        q.next.contact += 1;
        Ok(Id::new(q.next.contact - 1))
    }

    pub fn directory(&self, d: &DirectoryEntry) -> Result<()> {
        self.queue().directory.push(d.clone());
        Ok(())
    }

    pub fn surgery(&self, s: &Surgery) -> Result<Id<Surgery>> {
        let mut q = self.queue();
        q.surgeries.push(s.clone());
        q.next.surgery += 1;
        Ok(Id::new(q.next.surgery - 1))
    }

    /// A case, checked against the batch's categories. An empty reference is
    /// given the next one of its year.
    pub fn case(&self, c: &Case) -> Result<Id<Case>> {
        c.validate(self.categories)?;
        let mut q = self.queue();
        q.cases.push(c.clone());
        q.next.case += 1;
        Ok(Id::new(q.next.case - 1))
    }

    pub fn person(&self, case: Id<Case>, contact: Id<Contact>, role: Role) -> Result<()> {
        self.queue().people.push(CasePerson {
            case,
            contact,
            role,
        });
        Ok(())
    }

    pub fn entry(&self, e: &Entry) -> Result<Id<Entry>> {
        e.validate()?;
        let mut q = self.queue();
        q.entries.push(e.clone());
        q.next.entry += 1;
        Ok(Id::new(q.next.entry - 1))
    }

    pub fn referral(&self, r: &Referral) -> Result<()> {
        self.queue().referrals.push(r.clone());
        Ok(())
    }

    pub fn follow_up(&self, f: &FollowUp) -> Result<()> {
        f.validate()?;
        self.queue().follow_ups.push(f.clone());
        Ok(())
    }

    /// Writes the queue, parents before children, checking that every row
    /// got the id that was handed out for it.
    fn flush(self) -> Result<()> {
        let q = self.queue.into_inner();
        let tx = self.tx;
        let expect = |what: &str, got: i64, want: i64| -> Result<()> {
            if got == want {
                Ok(())
            } else {
                Err(Error::System(
                    Msg::new("error-bulk-raced")
                        .msg("what", Msg::record(what))
                        .num("got", got)
                        .num("want", want),
                ))
            }
        };
        let first = first_ids(tx)?;
        let deferred = DeferredIndex::begin(tx)?;
        for (i, c) in q.contacts.iter().enumerate() {
            expect(
                "contact",
                contacts::insert(tx, c)?.raw(),
                first.contact + i as i64,
            )?;
        }
        for d in &q.directory {
            directory::upsert(tx, d)?;
        }
        for (i, s) in q.surgeries.iter().enumerate() {
            expect(
                "surgery",
                surgeries::insert(tx, s)?.raw(),
                first.surgery + i as i64,
            )?;
        }
        for (i, c) in q.cases.iter().enumerate() {
            expect(
                "case",
                cases::insert(tx, c, self.categories)?.raw(),
                first.case + i as i64,
            )?;
        }
        for p in q.people {
            cases::add_person(tx, p)?;
        }
        for (i, e) in q.entries.iter().enumerate() {
            expect(
                "entry",
                entries::insert(tx, e)?.raw(),
                first.entry + i as i64,
            )?;
        }
        for r in &q.referrals {
            referrals::insert(tx, r)?;
        }
        for f in &q.follow_ups {
            followups::insert(tx, f)?;
        }
        deferred.finish(tx, &first)
    }
}

fn fts_hash_size(conn: &Connection, bytes: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO search(search, rank) VALUES ('hashsize', ?1)",
        [bytes],
    )?;
    Ok(())
}

/// The search triggers lifted for a batch: (table, trigger SQL, the
/// `INSERT … SELECT` doing its work for many rows).
pub(super) struct DeferredIndex(Vec<(String, String, String)>);

impl DeferredIndex {
    pub(super) fn begin(tx: &Connection) -> Result<DeferredIndex> {
        let mut stmt = tx.prepare(
            "SELECT name, tbl_name, sql FROM sqlite_master \
             WHERE type = 'trigger' AND name LIKE '%search_insert' ORDER BY name",
        )?;
        let triggers = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(String, String, String)>>>()?;
        let mut lifted = Vec::new();
        for (name, table, sql) in triggers {
            // A trigger of another shape keeps working row by row.
            if let Some(batch) = batch_insert(&table, &sql) {
                tx.execute(&format!("DROP TRIGGER \"{name}\""), [])?;
                lifted.push((table, sql, batch));
            }
        }
        Ok(DeferredIndex(lifted))
    }

    /// Indexes the rows written since `first` and restores the triggers.
    fn finish(self, tx: &Connection, first: &NextIds) -> Result<()> {
        for (table, trigger, batch) in self.0 {
            tx.execute(&batch, [first.of(&table)])?;
            tx.execute(&trigger, [])?;
        }
        Ok(())
    }

    /// [`DeferredIndex::finish`] for writes that may also have indexed some
    /// of their new rows themselves (an update trigger, still in place,
    /// fires when a pulled slice changes a row it has just inserted): only
    /// rows the index does not hold yet are indexed.
    pub(super) fn finish_missing(self, tx: &Connection, first: &NextIds) -> Result<()> {
        for (table, trigger, batch) in self.0 {
            let missing = unindexed_only(&batch).ok_or_else(|| {
                Error::System(Msg::new("error-bulk-index").text("table", table.as_str()))
            })?;
            tx.execute(&missing, [first.of(&table)])?;
            tx.execute(&trigger, [])?;
        }
        Ok(())
    }
}

impl NextIds {
    /// The first new id of a table whose insert trigger was lifted.
    fn of(&self, table: &str) -> i64 {
        match table {
            "contacts" => self.contact,
            "cases" => self.case,
            "entries" => self.entry,
            "surgeries" => self.surgery,
            "directory" => self.directory,
            _ => 0,
        }
    }
}

/// A batch insert (from [`batch_insert`]) that skips rows already in the
/// index: its first value is the row's index rowid.
fn unindexed_only(batch: &str) -> Option<String> {
    let select = batch.find(" SELECT ")? + " SELECT ".len();
    let from = batch.find(" FROM \"")?;
    let rowid = batch.get(select..from)?.split(',').next()?.trim();
    let order = batch.rfind(" ORDER BY ")?;
    Some(format!(
        "{} AND NOT EXISTS (SELECT 1 FROM search WHERE rowid = {rowid}){}",
        batch.get(..order)?,
        batch.get(order..)?
    ))
}

/// `CREATE TRIGGER … AFTER INSERT ON t BEGIN INSERT INTO search(cols)
/// VALUES (exprs of new.x); END` → `INSERT INTO search(cols) SELECT exprs
/// FROM t AS new WHERE new.id >= ?1 ORDER BY new.id`.
fn batch_insert(table: &str, trigger: &str) -> Option<String> {
    let upper = trigger.to_ascii_uppercase();
    if !upper.contains("AFTER INSERT") {
        return None;
    }
    let begin = upper.find("BEGIN")? + "BEGIN".len();
    let end = upper.rfind("END")?;
    let body = trigger.get(begin..end)?.trim().strip_suffix(';')?.trim();
    // One statement only.
    if body.contains(';') || !body.to_ascii_uppercase().starts_with("INSERT INTO SEARCH") {
        return None;
    }
    let values = body.to_ascii_uppercase().find("VALUES")?;
    let head = body.get(..values)?.trim_end();
    let list = body.get(values + "VALUES".len()..)?.trim();
    let exprs = list.strip_prefix('(')?.strip_suffix(')')?;
    Some(format!(
        "{head} SELECT {exprs} FROM \"{table}\" AS new WHERE new.id >= ?1 ORDER BY new.id"
    ))
}

/// The ids the next rows of each table will get.
pub(super) fn first_ids(tx: &Connection) -> Result<NextIds> {
    let next = |table: &str| -> Result<i64> {
        Ok(tx.query_row(
            &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
            [],
            |r| r.get(0),
        )?)
    };
    Ok(NextIds {
        contact: next("contacts")?,
        surgery: next("surgeries")?,
        case: next("cases")?,
        entry: next("entries")?,
        directory: next("directory")?,
    })
}

/// Where a case is, for checking the bigger picture from outside the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseArea {
    pub reference: String,
    pub category: String,
    /// The grouping key of SPEC section 6 (folded location, or postcode sector).
    pub area: Option<String>,
    pub opened: NaiveDate,
}

impl Store {
    /// Runs `f` as one batch (one IMMEDIATE transaction) of writes.
    pub fn bulk<T>(
        &mut self,
        categories: &[String],
        f: impl FnOnce(&Bulk<'_>) -> Result<T>,
    ) -> Result<T> {
        let before: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn()
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        self.conn().set_prepared_statement_cache_capacity(32);
        // FTS5 reads its settings as a transaction starts: set them before.
        fts_hash_size(self.conn(), BULK_FTS_HASH)?;
        let result = self.write(|tx| {
            let bulk = Bulk {
                tx,
                categories,
                queue: RefCell::new(Queue {
                    next: first_ids(tx)?,
                    ..Default::default()
                }),
            };
            let value = f(&bulk)?;
            bulk.flush()?;
            Ok(value)
        });
        fts_hash_size(self.conn(), DEFAULT_FTS_HASH)?;
        self.conn().pragma_update(None, "cache_size", before)?;
        result
    }

    /// Moves each year's reference counter past the highest `YYYY-NNNN`
    /// reference in the file, after cases were written with their own
    /// references, so the next new case gets the next number.
    pub fn sync_reference_counters(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO reference_counters (year, last) \
                 SELECT CAST(substr(reference, 1, 4) AS INTEGER), max(CAST(substr(reference, 6) AS INTEGER)) \
                 FROM cases WHERE reference GLOB '[0-9][0-9][0-9][0-9]-[0-9]*' GROUP BY 1 \
                 ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)",
                [],
            )?;
            Ok(())
        })
    }

    /// Rows whose foreign keys point at nothing (`PRAGMA foreign_key_check`):
    /// zero in a healthy file.
    pub fn foreign_key_violations(&self) -> Result<u64> {
        let mut stmt = self.conn().prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        let mut n = 0;
        while rows.next()?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    /// Every case's reference, category, area and opened date, oldest first.
    pub fn case_areas(&self) -> Result<Vec<CaseArea>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT reference, category, area, opened FROM cases ORDER BY opened, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(CaseArea {
                reference: r.get(0)?,
                category: r.get(1)?,
                area: r.get(2)?,
                opened: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
