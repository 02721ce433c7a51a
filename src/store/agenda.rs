//! What needs doing: the follow-up agenda, late referral replies, and cases
//! whose constituent has not heard from the councillor for a while (the
//! workbook's "keep them up to date with progress").
//!
//! Every query here runs from an index, so the cost follows the number of
//! rows shown, not the size of the diary.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Row, params};
use uuid::Uuid;

use super::Store;
use super::rows::{Stamp, UuidText};
use crate::Result;
use crate::dates::shift;
use crate::domain::{Case, Contact, FollowUp, Id, Referral};

/// A case as a reminder shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRef {
    pub id: Id<Case>,
    pub reference: String,
    pub title: String,
}

/// A person as a reminder shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRef {
    pub id: Id<Contact>,
    pub name: String,
    /// The person carries a personal-safety caution.
    pub caution: bool,
}

/// One pending follow-up, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpItem {
    pub id: Id<FollowUp>,
    pub uuid: Uuid,
    pub due_on: NaiveDate,
    pub what: String,
    pub case: Option<CaseRef>,
    /// Who it is about: the follow-up's contact, or else the case's first
    /// constituent.
    pub contact: Option<ContactRef>,
    /// It came from a confidential diary entry: show `what` masked until
    /// revealed.
    pub confidential: bool,
    pub updated_at: DateTime<Utc>,
}

/// Some of the follow-ups of one agenda group, and how many there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaGroup {
    pub items: Vec<FollowUpItem>,
    pub total: u64,
}

/// Pending follow-ups grouped by when they are due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    pub today: NaiveDate,
    /// Due before today.
    pub overdue: AgendaGroup,
    /// Due today.
    pub due_today: AgendaGroup,
    /// Due in the next seven days (tomorrow to today + 7).
    pub this_week: AgendaGroup,
    /// Due after that.
    pub later: AgendaGroup,
}

/// How far to put a follow-up off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snooze {
    Day,
    Week,
}

/// A referral whose reply is late.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateReferral {
    pub id: Id<Referral>,
    pub uuid: Uuid,
    pub case: CaseRef,
    /// The officer or agency it went to.
    pub to: ContactRef,
    pub department: Option<String>,
    pub referred_on: NaiveDate,
    pub due_on: NaiveDate,
    pub council_ref: Option<String>,
}

/// An open case whose constituent needs an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsUpdate {
    pub case: CaseRef,
    pub constituent: ContactRef,
    /// The last call, email, letter or feedback to them; `None`: never.
    pub last_contact: Option<NaiveDate>,
    /// The last contact, or the opened date when there was none.
    pub since: NaiveDate,
}

/// What `casebook due` shows: follow-ups due today or overdue, late
/// referral replies, and cases needing an update. Nothing in the future.
/// Each list holds at most the limit asked for; `totals` counts them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueList {
    pub today: NaiveDate,
    pub follow_ups: Vec<FollowUpItem>,
    pub late_referrals: Vec<LateReferral>,
    pub needs_update: Vec<NeedsUpdate>,
    pub totals: DueCounts,
}

impl DueList {
    pub fn is_empty(&self) -> bool {
        self.totals == DueCounts::default()
    }
}

/// How many of each kind of thing are due, however many are listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DueCounts {
    pub follow_ups: u64,
    pub late_referrals: u64,
    pub needs_update: u64,
}

fn follow_up_sql(tail: &str) -> String {
    format!(
        "SELECT f.id, f.uuid, f.due_on, f.what, c.id, c.reference, c.title, \
         coalesce(k.id, w.id), coalesce(k.name, w.name), \
         coalesce(k.caution, w.caution) IS NOT NULL, coalesce(e.confidential, 0), f.updated_at \
         FROM follow_ups f \
         LEFT JOIN cases c ON c.id = f.case_id \
         LEFT JOIN contacts k ON k.id = f.contact_id \
         LEFT JOIN contacts w ON f.contact_id IS NULL AND w.id = \
           (SELECT p.contact_id FROM case_people p WHERE p.case_id = f.case_id \
            AND p.role = 'constituent' ORDER BY p.id LIMIT 1) \
         LEFT JOIN entries e ON e.id = f.entry_id \
         WHERE f.done_on IS NULL {tail}"
    )
}

fn follow_up_item(r: &Row<'_>) -> rusqlite::Result<FollowUpItem> {
    let case = match r.get::<_, Option<Id<Case>>>(4)? {
        Some(id) => Some(CaseRef {
            id,
            reference: r.get(5)?,
            title: r.get(6)?,
        }),
        None => None,
    };
    let contact = match r.get::<_, Option<Id<Contact>>>(7)? {
        Some(id) => Some(ContactRef {
            id,
            name: r.get(8)?,
            caution: r.get(9)?,
        }),
        None => None,
    };
    Ok(FollowUpItem {
        id: r.get(0)?,
        uuid: r.get::<_, UuidText>(1)?.0,
        due_on: r.get(2)?,
        what: r.get(3)?,
        case,
        contact,
        confidential: r.get(10)?,
        updated_at: r.get::<_, Stamp>(11)?.0,
    })
}

impl Store {
    /// Pending follow-ups due between `from` and `to` (inclusive), soonest
    /// first, with their case and person. `None` leaves that end open.
    pub fn follow_up_items(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        limit: usize,
    ) -> Result<Vec<FollowUpItem>> {
        let mut stmt = self.conn().prepare_cached(&follow_up_sql(
            "AND f.due_on >= coalesce(?1, '') AND f.due_on <= coalesce(?2, '9999-12-31') \
             ORDER BY f.due_on, f.id LIMIT ?3",
        ))?;
        let rows = stmt.query_map(params![from, to, sql_limit(limit)], follow_up_item)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The follow-up agenda on `today`: overdue, today, the next seven days,
    /// later; at most `per_group` items in each group (with the full count).
    pub fn agenda(&self, today: NaiveDate, per_group: usize) -> Result<Agenda> {
        let week_end = shift(today, 7);
        let (overdue, due_today, this_week, later): (u64, u64, u64, u64) = self
            .conn()
            .prepare_cached(
                "SELECT coalesce(sum(due_on < ?1), 0), coalesce(sum(due_on = ?1), 0), \
                 coalesce(sum(due_on > ?1 AND due_on <= ?2), 0), coalesce(sum(due_on > ?2), 0) \
                 FROM follow_ups WHERE done_on IS NULL",
            )?
            .query_row(params![today, week_end], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
        let group =
            |from: Option<NaiveDate>, to: Option<NaiveDate>, total: u64| -> Result<AgendaGroup> {
                let items = if total == 0 {
                    Vec::new()
                } else {
                    self.follow_up_items(from, to, per_group)?
                };
                Ok(AgendaGroup { items, total })
            };
        Ok(Agenda {
            today,
            overdue: group(None, Some(shift(today, -1)), overdue)?,
            due_today: group(Some(today), Some(today), due_today)?,
            this_week: group(Some(shift(today, 1)), Some(week_end), this_week)?,
            later: group(Some(shift(week_end, 1)), None, later)?,
        })
    }

    /// Puts a follow-up off by a day or a week, counted from its due date or
    /// from today if it is already overdue ("remind me tomorrow"). Returns
    /// the new date.
    pub fn snooze_follow_up(
        &mut self,
        id: Id<FollowUp>,
        by: Snooze,
        today: NaiveDate,
    ) -> Result<NaiveDate> {
        let current = self.follow_up(id)?;
        let base = current.due_on.max(today);
        let due_on = shift(
            base,
            match by {
                Snooze::Day => 1,
                Snooze::Week => 7,
            },
        );
        self.reschedule_follow_up(id, due_on)?;
        Ok(due_on)
    }

    /// Referrals on cases still open whose reply was due before `today` and
    /// has not come, the longest overdue first: a range of
    /// `awaited_replies` (schema step 10), which holds only those awaited on
    /// cases not closed, so only the rows shown visit the wide tables.
    pub fn late_referrals(&self, today: NaiveDate, limit: usize) -> Result<Vec<LateReferral>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.id, r.uuid, r.referred_on, r.due_on, r.council_ref, c.id, c.reference, \
             c.title, k.id, k.name, k.caution IS NOT NULL, k.department \
             FROM awaited_replies a JOIN referrals r ON r.id = a.referral_id \
             JOIN cases c ON c.id = r.case_id \
             JOIN contacts k ON k.id = r.to_contact_id \
             WHERE a.due_on < ?1 \
             ORDER BY a.due_on, a.referral_id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![today, sql_limit(limit)], |r| {
            Ok(LateReferral {
                id: r.get(0)?,
                uuid: r.get::<_, UuidText>(1)?.0,
                referred_on: r.get(2)?,
                due_on: r.get(3)?,
                council_ref: r.get(4)?,
                case: CaseRef {
                    id: r.get(5)?,
                    reference: r.get(6)?,
                    title: r.get(7)?,
                },
                to: ContactRef {
                    id: r.get(8)?,
                    name: r.get(9)?,
                    caution: r.get(10)?,
                },
                department: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open cases whose constituent has had no call, email, letter or
    /// feedback from the councillor for `days` days or more (counted from
    /// the opened date when there has been none), longest first.
    ///
    /// Read from `keep_informed`, which triggers keep in step with the
    /// entries (schema step 5): one range of its index, however large the
    /// diary.
    pub fn needs_update(
        &self,
        today: NaiveDate,
        days: u32,
        limit: usize,
    ) -> Result<Vec<NeedsUpdate>> {
        let cutoff = shift(today, -i64::from(days));
        let mut stmt = self.conn().prepare_cached(NEEDS_UPDATE)?;
        let rows = stmt.query_map(params![cutoff, sql_limit(limit)], |r| {
            let last: Option<String> = r.get(3)?;
            let last_contact = last
                .as_deref()
                .and_then(|s| s.get(..10))
                .and_then(|s| s.parse::<NaiveDate>().ok());
            Ok(NeedsUpdate {
                case: CaseRef {
                    id: r.get(0)?,
                    reference: r.get(1)?,
                    title: r.get(2)?,
                },
                since: r.get(4)?,
                constituent: ContactRef {
                    id: r.get(5)?,
                    name: r.get(6)?,
                    caution: r.get(7)?,
                },
                last_contact,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many follow-ups, late replies and cases needing an update there
    /// are on `today`, reading no more pages in a big diary than in a small
    /// one (schema step 10): follow-ups and cases to update are the totals
    /// kept in `tallies` less those not due yet (a short range of the index
    /// their list reads: what was scheduled or touched lately); late
    /// replies are one range of `awaited_replies_due`.
    pub fn due_counts(&self, today: NaiveDate, keep_informed_days: u32) -> Result<DueCounts> {
        let cutoff = shift(today, -i64::from(keep_informed_days));
        let count = |sql: &str, p: NaiveDate| -> Result<u64> {
            let n: i64 = self
                .conn()
                .prepare_cached(sql)?
                .query_row([p], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(DueCounts {
            follow_ups: count(FOLLOW_UPS_DUE_COUNT, today)?,
            late_referrals: count(LATE_REFERRALS_COUNT, today)?,
            needs_update: count(NEEDS_UPDATE_COUNT, cutoff)?,
        })
    }

    /// Everything `casebook due` lists on `today`, at most `limit` of each
    /// kind, with the full counts.
    pub fn due_list(
        &self,
        today: NaiveDate,
        keep_informed_days: u32,
        limit: usize,
    ) -> Result<DueList> {
        Ok(DueList {
            today,
            follow_ups: self.follow_up_items(None, Some(today), limit)?,
            late_referrals: self.late_referrals(today, limit)?,
            needs_update: self.needs_update(today, keep_informed_days, limit)?,
            totals: self.due_counts(today, keep_informed_days)?,
        })
    }

    /// The query plan of [`Store::needs_update`], for checking it uses the
    /// indexes (tests and `EXPLAIN QUERY PLAN` measurements).
    pub fn needs_update_plan(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {NEEDS_UPDATE}"))?;
        let rows = stmt.query_map(params!["2026-01-01", 10], |r| r.get(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A limit for SQL: `usize::MAX` (everything) does not fit an `i64`.
fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

/// Open cases quiet since the cutoff `?1` or before, longest first: a range
/// of the index `keep_informed_quiet`, stopped at the limit `?2`. A case
/// with no constituent has nobody to update and is not in that index.
const NEEDS_UPDATE: &str = "SELECT c.id, c.reference, c.title, q.last_update, q.quiet_since, \
     k.id, k.name, k.caution IS NOT NULL \
     FROM keep_informed q JOIN cases c ON c.id = q.case_id \
     JOIN contacts k ON k.id = q.constituent_id \
     WHERE q.constituent_id IS NOT NULL AND q.quiet_since <= ?1 \
     ORDER BY q.quiet_since, q.case_id LIMIT ?2";

/// How many rows [`NEEDS_UPDATE`] would give without its limit, for the
/// cutoff `?1`: the cases with a constituent, less those heard from since.
const NEEDS_UPDATE_COUNT: &str = "SELECT (SELECT n FROM tallies WHERE what = 'keep_informed') \
     - (SELECT count(*) FROM keep_informed q \
        WHERE q.constituent_id IS NOT NULL AND q.quiet_since > ?1)";

/// Pending follow-ups due on `?1` or before: all pending, less the later ones.
const FOLLOW_UPS_DUE_COUNT: &str = "SELECT (SELECT n FROM tallies WHERE what = 'follow_ups_pending') \
     - (SELECT count(*) FROM follow_ups WHERE done_on IS NULL AND due_on > ?1)";

/// Replies late on `?1`: due before it, awaited on a case not closed.
const LATE_REFERRALS_COUNT: &str = "SELECT count(*) FROM awaited_replies WHERE due_on < ?1";
