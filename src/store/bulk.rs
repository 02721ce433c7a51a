//! Writing many records at once (the demo generator, benchmarks): the usual
//! insert functions, inside one transaction per batch, with a larger page
//! cache while it runs. Also the few whole-file checks its tests rely on.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{Store, cases, contacts, directory, entries, followups, referrals, surgeries};
use crate::Result;
use crate::domain::{
    Case, CasePerson, Contact, DirectoryEntry, Entry, FollowUp, Id, Referral, Role, Surgery,
};

/// Page cache while a batch is written (negative: KiB). Indexes and the
/// full-text index are updated row by row: keeping their pages in memory
/// is what makes large batches fast.
const BULK_CACHE_KIB: i64 = 64 * 1024;

/// One batch of writes: everything in it is saved together, or nothing.
pub struct Bulk<'a> {
    tx: &'a Connection,
    categories: &'a [String],
}

impl Bulk<'_> {
    pub fn contact(&self, c: &Contact) -> Result<Id<Contact>> {
        contacts::insert(self.tx, c)
    }

    pub fn directory(&self, d: &DirectoryEntry) -> Result<Id<DirectoryEntry>> {
        directory::upsert(self.tx, d)
    }

    pub fn surgery(&self, s: &Surgery) -> Result<Id<Surgery>> {
        surgeries::insert(self.tx, s)
    }

    /// A case, checked against the batch's categories. An empty reference is
    /// given the next one of its year.
    pub fn case(&self, c: &Case) -> Result<Id<Case>> {
        cases::insert(self.tx, c, self.categories)
    }

    pub fn person(&self, case: Id<Case>, contact: Id<Contact>, role: Role) -> Result<()> {
        cases::add_person(
            self.tx,
            CasePerson {
                case,
                contact,
                role,
            },
        )
    }

    pub fn entry(&self, e: &Entry) -> Result<Id<Entry>> {
        entries::insert(self.tx, e)
    }

    pub fn referral(&self, r: &Referral) -> Result<Id<Referral>> {
        referrals::insert(self.tx, r)
    }

    pub fn follow_up(&self, f: &FollowUp) -> Result<Id<FollowUp>> {
        followups::insert(self.tx, f)
    }
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
        let result = self.write(|tx| f(&Bulk { tx, categories }));
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
