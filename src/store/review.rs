//! The yearly review's figures (SPEC section 5), and the successes marked to
//! publicise.
//!
//! The review reads two periods (the one asked for and the one before it),
//! each with a few scans of covering indexes: cases by `opened`, cases by
//! `closed`, inbound entries by `at`. Rows are tallied in Rust as they come,
//! which at 100k cases is several times cheaper than SQL's GROUP BY (a
//! julianday per row and a sort) and than a SQL UNION and join for the
//! people. The people of both periods are found together, so that the
//! contacts are read once: one pass over their ids, or a lookup of each
//! when they are few.

use chrono::NaiveDate;
use rusqlite::types::{FromSql, ValueRef};
use rusqlite::{Connection, Row, params};

use super::Store;
use crate::domain::review::{
    Counts, Demographics, Headline, Period, PublicisedCase, Review, UNKNOWN, median, ratio,
};
use crate::domain::{AgeBand, Case, CaseStatus, EntryKind, Id, Outcome, Record};
use crate::error::Msg;
use crate::{Error, Result};

/// Contact kinds whose inbound calls and emails are not "people contacting
/// you with problems": the professionals you work with.
const PROFESSIONAL_KINDS: &[&str] = &["officer", "agency", "councillor"];

/// The periods of one review, by index: the one asked for, the one before.
const NOW: usize = 0;
const BEFORE: usize = 1;

/// How a contact (or a case) is in a period: one of these, shifted by
/// [`mark`] to that period's bits.
const VIA_CASE: u8 = 1;
const VIA_ENTRY: u8 = 2;

fn mark(period: usize, via: u8) -> u8 {
    via << (2 * period)
}

/// A text column borrowed from the row, without copying it.
pub(crate) fn str_at<'a>(r: &'a rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'a str> {
    r.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Adds to a count, allocating the key only the first time it is seen.
fn bump(map: &mut Counts, key: &str, n: u64) {
    match map.get_mut(key) {
        Some(c) => *c += n,
        None => {
            map.insert(key.to_string(), n);
        }
    }
}

fn inbound_kinds() -> String {
    EntryKind::ALL
        .iter()
        .filter(|k| k.is_inbound())
        .map(|k| format!("'{}'", k.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stored `YYYY-MM-DD` date, read without chrono's general parser (this
/// runs once per row). Anything else is `None`: the caller then falls back
/// to the general reading, so odd text is judged exactly as before.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)
}

/// The date in column `i`, as rusqlite reads a `NaiveDate`.
fn date_at(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let v = r.get_ref(i)?;
    match v.as_str().ok().and_then(iso_date) {
        Some(d) => Ok(d),
        None => NaiveDate::column_result(v)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e))),
    }
}

/// Ids with a few bits each (which period, and how), looked up by id.
enum Marks {
    /// Indexed by `id - lo`: the ids of a diary are mostly dense.
    Dense { lo: i64, bits: Vec<u8> },
    /// Sorted by id, for ids spread thinly over a wide range.
    Sparse(Vec<(i64, u8)>),
}

impl Marks {
    fn new(mut pairs: Vec<(i64, u8)>) -> Marks {
        let lo = pairs.iter().map(|p| p.0).min().unwrap_or(0);
        let hi = pairs.iter().map(|p| p.0).max().unwrap_or(0);
        let span = usize::try_from(hi.abs_diff(lo)).unwrap_or(usize::MAX);
        if pairs.is_empty() || span < pairs.len().saturating_mul(16).saturating_add(4096) {
            let mut bits = vec![0u8; if pairs.is_empty() { 0 } else { span + 1 }];
            for (id, b) in pairs {
                // `id - lo` is in 0..=span, which fits: checked above.
                bits[(id.abs_diff(lo)) as usize] |= b;
            }
            return Marks::Dense { lo, bits };
        }
        pairs.sort_unstable_by_key(|p| p.0);
        pairs.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 |= later.1;
            }
            same
        });
        Marks::Sparse(pairs)
    }

    fn get(&self, id: i64) -> u8 {
        match self {
            Marks::Dense { lo, bits } => id
                .checked_sub(*lo)
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| bits.get(i))
                .copied()
                .unwrap_or(0),
            Marks::Sparse(v) => v.binary_search_by_key(&id, |p| p.0).map_or(0, |i| v[i].1),
        }
    }

    /// How many ids have a mark, the smallest and the largest.
    fn extent(&self) -> (usize, Option<(i64, i64)>) {
        match self {
            Marks::Dense { lo, bits } => {
                let first = bits.iter().position(|&b| b != 0);
                let last = bits.iter().rposition(|&b| b != 0);
                let n = bits.iter().filter(|&&b| b != 0).count();
                let at = |i: usize| lo + i as i64;
                (n, first.zip(last).map(|(f, l)| (at(f), at(l))))
            }
            Marks::Sparse(v) => (v.len(), v.first().zip(v.last()).map(|(f, l)| (f.0, l.0))),
        }
    }

    /// The marked ids, in ascending order.
    fn ids(&self) -> Vec<i64> {
        match self {
            Marks::Dense { lo, bits } => bits
                .iter()
                .enumerate()
                .filter(|(_, b)| **b != 0)
                .map(|(i, _)| lo + i as i64)
                .collect(),
            Marks::Sparse(v) => v.iter().map(|p| p.0).collect(),
        }
    }
}

/// Cases opened in the period asked for: the profile of the problems,
/// month by month. Returns the cases' ids, for the people.
fn opened_profile(conn: &Connection, p: &Period, review: &mut Review) -> Result<Vec<i64>> {
    let starts = p.month_starts();
    let mut stmt = conn.prepare_cached(
        "SELECT id, opened, channel, category, kind FROM cases \
         WHERE opened >= ?1 AND opened <= ?2",
    )?;
    let mut rows = stmt.query(params![p.from, p.to])?;
    let mut ids = Vec::new();
    // The rows come in date order, many to a day: a day's bucket is found once.
    let mut day: Option<String> = None;
    let mut bucket = None;
    while let Some(r) = rows.next()? {
        ids.push(r.get(0)?);
        let opened = r.get_ref(1)?.as_str().ok();
        if opened.is_none() || opened != day.as_deref() {
            bucket = Period::month_index(&starts, date_at(r, 1)?);
            day = opened.map(String::from);
        }
        if let Some(i) = bucket {
            review.by_month[i] += 1;
        }
        bump(&mut review.by_channel, str_at(r, 2)?, 1);
        bump(&mut review.by_category, str_at(r, 3)?, 1);
        bump(&mut review.by_kind, str_at(r, 4)?, 1);
    }
    review.headline.cases_opened = ids.len() as u64;
    Ok(ids)
}

/// The ids of the cases opened in the period.
fn opened_ids(conn: &Connection, p: &Period) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM cases WHERE opened >= ?1 AND opened <= ?2")?;
    let ids = stmt
        .query_map(params![p.from, p.to], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Days from `opened` to `closed`, as SQLite's
/// `CAST(julianday(closed) - julianday(opened) AS INTEGER)`: computed here
/// for stored dates, asked of SQLite for anything else.
fn days_taken(conn: &Connection, r: &Row<'_>) -> Result<i64> {
    let text = |i: usize| r.get_ref(i).map(|v| v.as_str().ok());
    if let (Some(Some(o)), Some(Some(c))) = (text(0).ok(), text(1).ok())
        && let (Some(o), Some(c)) = (iso_date(o), iso_date(c))
    {
        return Ok((c - o).num_days());
    }
    let opened: rusqlite::types::Value = r.get(0)?;
    let closed: rusqlite::types::Value = r.get(1)?;
    let mut stmt = conn.prepare_cached("SELECT CAST(julianday(?2) - julianday(?1) AS INTEGER)")?;
    Ok(stmt.query_row(params![opened, closed], |r| r.get(0))?)
}

/// Cases closed in the period: outcomes, time taken, satisfaction.
/// `by_outcome` only for the period asked for.
fn closed(
    conn: &Connection,
    p: &Period,
    h: &mut Headline,
    by_outcome: Option<&mut Counts>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT opened, closed, outcome, satisfaction FROM cases \
         WHERE closed >= ?1 AND closed <= ?2",
    )?;
    let mut rows = stmt.query(params![p.from, p.to])?;
    let mut days: Vec<i64> = Vec::new();
    // The outcomes as stored (a handful of names), read as `Outcome` once each.
    let mut outcomes: Vec<(Option<String>, u64)> = Vec::new();
    let (mut score_sum, mut scored) = (0u64, 0u64);
    while let Some(r) = rows.next()? {
        let outcome = match r.get_ref(2)? {
            ValueRef::Null => None,
            _ => Some(str_at(r, 2)?),
        };
        match outcomes.iter_mut().find(|(o, _)| o.as_deref() == outcome) {
            Some((_, n)) => *n += 1,
            None => outcomes.push((outcome.map(String::from), 1)),
        }
        if let Some(s) = r.get::<_, Option<u64>>(3)? {
            score_sum += s;
            scored += 1;
        }
        days.push(days_taken(conn, r)?);
    }
    let mut by_outcome = by_outcome;
    for (text, n) in outcomes {
        let outcome: Option<Outcome> = text.map(|t| t.parse()).transpose()?;
        h.cases_closed += n;
        if outcome == Some(Outcome::Resolved) {
            h.resolved_satisfactorily += n;
        }
        if let Some(map) = by_outcome.as_deref_mut() {
            bump(map, outcome.map(Outcome::as_str).unwrap_or(UNKNOWN), n);
        }
    }
    days.sort_unstable();
    let mut runs: Vec<(i64, u64)> = Vec::new();
    for d in days {
        match runs.last_mut() {
            Some((v, n)) if *v == d => *n += 1,
            _ => runs.push((d, 1)),
        }
    }
    h.resolution_rate = ratio(h.resolved_satisfactorily, h.cases_closed);
    h.median_days_to_close = median(&runs);
    h.average_satisfaction = ratio(score_sum, scored);
    h.satisfaction_responses = scored;
    Ok(())
}

/// The constituents of the cases opened in each period: (contact id, mark).
/// The case people are read in one pass between the smallest and largest
/// case id when the cases are most of that range (as a year's are), else
/// case by case.
fn constituents(conn: &Connection, cases: [&[i64]; 2], out: &mut Vec<(i64, u8)>) -> Result<()> {
    let pairs: Vec<(i64, u8)> = (0..2)
        .flat_map(|p| cases[p].iter().map(move |&id| (id, mark(p, VIA_CASE))))
        .collect();
    let marks = Marks::new(pairs);
    let (n, Some((lo, hi))) = marks.extent() else {
        return Ok(());
    };
    let span = hi.abs_diff(lo);
    if span / 8 <= n as u64 {
        let mut stmt = conn.prepare_cached(
            "SELECT case_id, contact_id FROM case_people \
             WHERE case_id >= ?1 AND case_id <= ?2 AND role = 'constituent'",
        )?;
        let mut rows = stmt.query(params![lo, hi])?;
        while let Some(r) = rows.next()? {
            let m = marks.get(r.get(0)?);
            if m != 0 {
                out.push((r.get(1)?, m));
            }
        }
    } else {
        let mut stmt = conn.prepare_cached(
            "SELECT contact_id FROM case_people WHERE case_id = ?1 AND role = 'constituent'",
        )?;
        for id in marks.ids() {
            let m = marks.get(id);
            let mut rows = stmt.query(params![id])?;
            while let Some(r) = rows.next()? {
                out.push((r.get(0)?, m));
            }
        }
    }
    Ok(())
}

/// Anyone with an inbound entry in the period (a call, email, letter,
/// surgery visit, doorstep or social-media message): (contact id, mark).
fn inbound(conn: &Connection, p: &Period, period: usize, out: &mut Vec<(i64, u8)>) -> Result<()> {
    // The kinds are listed exactly as in the partial index entries_inbound_at.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT contact_id FROM entries WHERE at >= ?1 AND at < ?2 AND kind IN ({}) \
         AND contact_id IS NOT NULL",
        inbound_kinds()
    ))?;
    let mut rows = stmt.query(params![p.from, p.end_exclusive()])?;
    while let Some(r) = rows.next()? {
        out.push((r.get(0)?, mark(period, VIA_ENTRY)));
    }
    Ok(())
}

/// The people who contacted you in each period: constituents of the cases
/// opened in it, and anyone but a professional contact with an inbound
/// entry in it, each counted once. Both periods' people are marked first,
/// then each marked contact is read once for both.
fn people(
    conn: &Connection,
    periods: [&Period; 2],
    cases: [&[i64]; 2],
    review: &mut Review,
) -> Result<()> {
    let mut pairs = Vec::new();
    constituents(conn, cases, &mut pairs)?;
    for (i, p) in periods.iter().enumerate() {
        inbound(conn, p, i, &mut pairs)?;
    }
    let marks = Marks::new(pairs);
    let (n, Some((lo, hi))) = marks.extent() else {
        return Ok(());
    };
    const COLUMNS: &str =
        "SELECT id, kind, gender, age_band, ethnicity, employment_status FROM contacts";
    let span = hi.abs_diff(lo);
    if span / 8 <= n as u64 {
        // Most contacts in the range are counted: one pass is cheaper than
        // a lookup each. When the range is most of the table, `+id` (no
        // rowid range) lets SQLite scan a covering index of these columns,
        // if the schema has one, rather than the wide rows; without one it
        // scans the table, as the range would.
        let (first, last): (Option<i64>, Option<i64>) = conn
            .prepare_cached(
                "SELECT (SELECT min(id) FROM contacts), (SELECT max(id) FROM contacts)",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let table = last.unwrap_or(0).abs_diff(first.unwrap_or(0));
        let sql = if span >= table / 2 {
            format!("{COLUMNS} WHERE +id >= ?1 AND +id <= ?2")
        } else {
            format!("{COLUMNS} WHERE id >= ?1 AND id <= ?2")
        };
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![lo, hi])?;
        while let Some(r) = rows.next()? {
            let m = marks.get(r.get(0)?);
            if m != 0 {
                count_person(r, m, review)?;
            }
        }
    } else {
        let mut stmt = conn.prepare_cached(&format!("{COLUMNS} WHERE id = ?1"))?;
        for id in marks.ids() {
            let mut rows = stmt.query(params![id])?;
            if let Some(r) = rows.next()? {
                count_person(r, marks.get(id), review)?;
            }
        }
    }
    Ok(())
}

/// Counts one contact (a row of `people`'s query) in the periods it is
/// marked in.
fn count_person(r: &Row<'_>, m: u8, review: &mut Review) -> Result<()> {
    let text = |i: usize| -> rusqlite::Result<&str> {
        Ok(r.get_ref(i)?
            .as_str_or_null()
            .ok()
            .flatten()
            .unwrap_or(UNKNOWN))
    };
    // The kind is read only when it matters: someone known only by entries.
    let mut professional: Option<bool> = None;
    let mut age: Option<&str> = None;
    for period in [NOW, BEFORE] {
        let counted = m & mark(period, VIA_CASE) != 0
            || (m & mark(period, VIA_ENTRY) != 0
                && !match professional {
                    Some(p) => p,
                    None => *professional.insert(PROFESSIONAL_KINDS.contains(&str_at(r, 1)?)),
                });
        if !counted {
            continue;
        }
        let band = match age {
            Some(a) => a,
            None => *age.insert(text(3)?),
        };
        let h = if period == NOW {
            &mut review.headline
        } else {
            &mut review.previous
        };
        h.people_contacted += 1;
        if AgeBand::ALL
            .iter()
            .any(|b| b.is_under_30() && b.as_str() == band)
        {
            h.under_30 += 1;
        }
        if period == NOW {
            let d = &mut review.demographics;
            bump(&mut d.gender, text(2)?, 1);
            bump(&mut d.age_band, band, 1);
            bump(&mut d.ethnicity, text(4)?, 1);
            bump(&mut d.employment_status, text(5)?, 1);
        }
    }
    Ok(())
}

impl Store {
    /// The yearly review of `period`, beside the previous period.
    pub fn review(&self, period: &Period) -> Result<Review> {
        let conn = self.conn();
        let before = period.previous();
        let mut review = Review {
            headline: Headline::empty(*period),
            by_channel: Counts::new(),
            by_category: Counts::new(),
            by_kind: Counts::new(),
            by_outcome: Counts::new(),
            demographics: Demographics::default(),
            by_month: [0; 12],
            previous: Headline::empty(before),
        };
        let cases_now = opened_profile(conn, period, &mut review)?;
        let cases_before = opened_ids(conn, &before)?;
        review.previous.cases_opened = cases_before.len() as u64;
        closed(
            conn,
            period,
            &mut review.headline,
            Some(&mut review.by_outcome),
        )?;
        closed(conn, &before, &mut review.previous, None)?;
        people(
            conn,
            [period, &before],
            [&cases_now, &cases_before],
            &mut review,
        )?;
        Ok(review)
    }

    /// Marks (or unmarks) a case as a success to publicise. Only a case
    /// closed as resolved can be marked; unmarking is always allowed.
    pub fn set_publicise(&mut self, reference: &str, on: bool) -> Result<Record<Case>> {
        let case = self
            .case_by_reference(reference)?
            .ok_or_else(|| Error::NotFound {
                what: "case",
                name: reference.trim().to_string(),
            })?;
        if on && case.data.outcome != Some(Outcome::Resolved) {
            let msg = match case.data.outcome {
                Some(o) => {
                    Msg::new("error-publicise-closed").label("outcome", Outcome::WHAT, o.as_str())
                }
                None => Msg::new("error-publicise-status").label(
                    "status",
                    CaseStatus::WHAT,
                    case.data.status.as_str(),
                ),
            };
            return Err(Error::user(msg.text("reference", &case.data.reference)));
        }
        let id = case.id;
        self.write(|tx| {
            tx.execute(
                "UPDATE cases SET publicise = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, on, super::rows::stamp()],
            )?;
            Ok(())
        })?;
        self.case(id)
    }

    /// The cases marked to publicise, most recently closed first.
    pub fn publicised_cases(&self) -> Result<Vec<PublicisedCase>> {
        let ids: Vec<Id<Case>> = {
            let mut stmt = self.conn().prepare_cached(
                "SELECT id FROM cases WHERE publicise = 1 ORDER BY closed DESC, opened DESC, id DESC",
            )?;
            stmt.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        ids.into_iter()
            .map(|id| {
                Ok(PublicisedCase {
                    case: self.case(id)?,
                    people: self
                        .case_people(id)?
                        .into_iter()
                        .map(|(role, c)| (role, c.data))
                        .collect(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::domain::{CaseStatus, Contact, ContactKind, Entry, Role};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn stored_dates_read_as_chrono_reads_them() {
        for s in [
            "2025-01-31",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-1-01",
            "2025/01/01",
            "+2025-01-01",
            "2025-01-01 10:00",
            "",
            "0999-12-31",
        ] {
            let general = NaiveDate::parse_from_str(s, "%F").ok();
            if let Some(fast) = iso_date(s) {
                assert_eq!(Some(fast), general, "{s}");
            }
        }
        assert_eq!(iso_date("2025-03-09"), Some(d(2025, 3, 9)));
    }

    #[test]
    fn dense_and_sparse_marks_agree() {
        let pairs = vec![(5, 1), (9, 2), (5, 4), (7, 8)];
        let dense = Marks::new(pairs.clone());
        assert!(matches!(dense, Marks::Dense { .. }));
        let spread: Vec<(i64, u8)> = pairs.iter().map(|&(id, m)| (id * 1_000_000, m)).collect();
        let sparse = Marks::new(spread);
        assert!(matches!(sparse, Marks::Sparse(_)));
        for id in 0..12 {
            assert_eq!(dense.get(id), sparse.get(id * 1_000_000), "{id}");
        }
        assert_eq!(dense.get(5), 5);
        assert_eq!(dense.extent(), (3, Some((5, 9))));
        assert_eq!(sparse.extent(), (3, Some((5_000_000, 9_000_000))));
        assert_eq!(dense.ids(), vec![5, 7, 9]);
        assert_eq!(Marks::new(Vec::new()).extent(), (0, None));
    }

    /// Two years of a small diary: constituents of cases, people known only
    /// by an inbound entry, and an officer whose calls are not counted.
    fn diary() -> Store {
        let mut s = Store::open_in_memory().expect("store");
        let categories = Config::default().categories();
        let person = |s: &mut Store, name: &str, kind, age| {
            s.add_contact(&Contact {
                kind: Some(kind),
                gender: Some("female".into()),
                age_band: age,
                ..Contact::named(name)
            })
            .expect("contact")
            .id
        };
        let ann = person(
            &mut s,
            "Ann",
            ContactKind::Constituent,
            Some(AgeBand::From18To29),
        );
        let bob = person(&mut s, "Bob", ContactKind::Constituent, None);
        let cat = person(
            &mut s,
            "Cat",
            ContactKind::Constituent,
            Some(AgeBand::Under18),
        );
        let officer = person(&mut s, "Officer Dee", ContactKind::Officer, None);
        for (who, opened, closed) in [
            (ann, d(2025, 3, 1), Some(d(2025, 3, 11))),
            (bob, d(2024, 6, 1), Some(d(2025, 1, 5))),
            (cat, d(2024, 2, 1), Some(d(2024, 2, 3))),
        ] {
            let mut c = Case::new("A problem", opened);
            if let Some(on) = closed {
                c.status = CaseStatus::Closed;
                c.closed = Some(on);
                c.outcome = Some(Outcome::Resolved);
                c.satisfaction = Some(4);
            }
            s.add_case(&c, &[(who, Role::Constituent)], &categories)
                .expect("case");
        }
        for (who, at) in [(bob, "2025-05-01 10:00"), (officer, "2025-05-02 11:00")] {
            s.add_entry(&Entry {
                case: None,
                contact: Some(who),
                kind: EntryKind::CallIn,
                at: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").expect("moment"),
                text: "rang".into(),
                confidential: false,
                surgery: None,
            })
            .expect("entry");
        }
        s
    }

    #[test]
    fn ids_spread_thinly_give_the_same_review() {
        let s = diary();
        let year = Period::year(2025, 1).expect("year");
        let before = s.review(&year).expect("review");
        assert_eq!(
            before.headline.people_contacted, 2,
            "Ann's case, Bob's call"
        );
        assert_eq!(before.headline.under_30, 1);
        assert_eq!(before.previous.people_contacted, 2, "Bob's and Cat's cases");
        assert_eq!(before.previous.under_30, 1);
        assert_eq!(before.demographics.age_band.get(UNKNOWN), Some(&1));
        // Far-apart ids take the other paths: the case people and the
        // contacts are looked up one by one, and the marks are sparse.
        s.conn()
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
                 UPDATE contacts SET id = id * 1000000;
                 UPDATE case_people SET contact_id = contact_id * 1000000, case_id = case_id * 1000000;
                 UPDATE entries SET contact_id = contact_id * 1000000;
                 UPDATE cases SET id = id * 1000000;
                 PRAGMA foreign_keys = ON;",
            )
            .expect("renumbered");
        assert_eq!(s.review(&year).expect("review"), before);
    }

    #[test]
    fn a_closed_date_with_a_time_is_measured_as_sqlite_does() {
        let s = diary();
        s.conn()
            .execute_batch(
                "UPDATE cases SET closed = '2025-03-11 18:00:00' WHERE closed = '2025-03-11'",
            )
            .expect("updated");
        let year = Period::year(2025, 1).expect("year");
        let r = s.review(&year).expect("review");
        // Bob's case took 218 days; Ann's 10.75, which SQLite's CAST makes 10.
        assert_eq!(r.headline.cases_closed, 2);
        assert_eq!(r.headline.median_days_to_close, Some((10.0 + 218.0) / 2.0));
    }
}
