//! The yearly review's figures (SPEC section 5), and the successes marked to
//! publicise. Three grouped scans per period, each on an index: cases by
//! `opened`, cases by `closed`, and the people (case constituents by `opened`
//! joined to entries by `at`). Grouping in SQL keeps the rows handed to Rust
//! few, whatever the size of the diary.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::Store;
use crate::domain::{AgeBand, Case, EntryKind, Id, Outcome, Record, Role};
use crate::report::review::{
    Counts, Demographics, Headline, Period, Review, UNKNOWN, median, ratio,
};
use crate::{Error, Result};

/// Contact kinds whose inbound calls and emails are not "people contacting
/// you with problems": the professionals you work with.
const PROFESSIONAL_KINDS: &[&str] = &["officer", "agency", "councillor"];

/// Everything the review shows for one period.
struct Figures {
    headline: Headline,
    by_channel: Counts,
    by_category: Counts,
    by_kind: Counts,
    by_outcome: Counts,
    demographics: Demographics,
    by_month: [u64; 12],
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

fn figures(conn: &Connection, p: &Period) -> Result<Figures> {
    let mut f = Figures {
        headline: Headline::empty(*p),
        by_channel: Counts::new(),
        by_category: Counts::new(),
        by_kind: Counts::new(),
        by_outcome: Counts::new(),
        demographics: Demographics::default(),
        by_month: [0; 12],
    };
    opened(conn, p, &mut f)?;
    closed(conn, p, &mut f)?;
    people(conn, p, &mut f)?;
    Ok(f)
}

/// Cases opened in the period: the profile of the problems, month by month.
fn opened(conn: &Connection, p: &Period, f: &mut Figures) -> Result<()> {
    let starts = p.month_starts();
    let mut stmt = conn.prepare_cached(
        "SELECT opened, channel, category, kind, count(*) FROM cases \
         WHERE opened >= ?1 AND opened <= ?2 GROUP BY opened, channel, category, kind",
    )?;
    let mut rows = stmt.query(params![p.from, p.to])?;
    while let Some(r) = rows.next()? {
        let day: NaiveDate = r.get(0)?;
        let n: u64 = r.get(4)?;
        f.headline.cases_opened += n;
        bump(&mut f.by_channel, str_at(r, 1)?, n);
        bump(&mut f.by_category, str_at(r, 2)?, n);
        bump(&mut f.by_kind, str_at(r, 3)?, n);
        if let Some(i) = Period::month_index(&starts, day) {
            f.by_month[i] += n;
        }
    }
    Ok(())
}

/// Cases closed in the period: outcomes, time taken, satisfaction.
fn closed(conn: &Connection, p: &Period, f: &mut Figures) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT outcome, satisfaction, CAST(julianday(closed) - julianday(opened) AS INTEGER), \
         count(*) FROM cases WHERE closed >= ?1 AND closed <= ?2 GROUP BY 1, 2, 3",
    )?;
    let mut rows = stmt.query(params![p.from, p.to])?;
    let mut days: BTreeMap<i64, u64> = BTreeMap::new();
    let (mut score_sum, mut scored) = (0u64, 0u64);
    while let Some(r) = rows.next()? {
        let outcome: Option<Outcome> = r.get(0)?;
        let satisfaction: Option<u64> = r.get(1)?;
        let took: i64 = r.get(2)?;
        let n: u64 = r.get(3)?;
        let h = &mut f.headline;
        h.cases_closed += n;
        if outcome == Some(Outcome::Resolved) {
            h.resolved_satisfactorily += n;
        }
        bump(
            &mut f.by_outcome,
            outcome.map(Outcome::as_str).unwrap_or(UNKNOWN),
            n,
        );
        if let Some(s) = satisfaction {
            score_sum += s * n;
            scored += n;
        }
        *days.entry(took).or_insert(0) += n;
    }
    let h = &mut f.headline;
    h.resolution_rate = ratio(h.resolved_satisfactorily, h.cases_closed);
    h.median_days_to_close = median(&days.into_iter().collect::<Vec<_>>());
    h.average_satisfaction = ratio(score_sum, scored);
    h.satisfaction_responses = scored;
    Ok(())
}

/// The people who contacted you: constituents of the cases opened in the
/// period, and anyone but a professional contact with an inbound entry in it
/// (a call, email, letter, surgery visit, doorstep or social-media message),
/// each counted once.
///
/// The two lists of ids come from covering indexes; then one pass over the
/// contacts between the smallest and largest id counts the people in them.
/// At 100k cases this is several times faster than a SQL UNION and join.
fn people(conn: &Connection, p: &Period, f: &mut Figures) -> Result<()> {
    let mut via_case: HashSet<i64> = HashSet::new();
    let mut via_entry: HashSet<i64> = HashSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT cp.contact_id FROM cases c JOIN case_people cp ON cp.case_id = c.id \
         WHERE c.opened >= ?1 AND c.opened <= ?2 AND cp.role = 'constituent'",
    )?;
    let mut rows = stmt.query(params![p.from, p.to])?;
    while let Some(r) = rows.next()? {
        via_case.insert(r.get(0)?);
    }
    // The kinds are listed exactly as in the partial index entries_inbound_at.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT contact_id FROM entries WHERE at >= ?1 AND at < ?2 AND kind IN ({}) \
         AND contact_id IS NOT NULL",
        inbound_kinds()
    ))?;
    let mut rows = stmt.query(params![p.from, p.end_exclusive()])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if !via_case.contains(&id) {
            via_entry.insert(id);
        }
    }
    let ids = || via_case.iter().chain(via_entry.iter()).copied();
    let (Some(lo), Some(hi)) = (ids().min(), ids().max()) else {
        return Ok(());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, gender, age_band, ethnicity, employment_status FROM contacts \
         WHERE id >= ?1 AND id <= ?2",
    )?;
    let mut rows = stmt.query(params![lo, hi])?;
    let d = &mut f.demographics;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let counted = via_case.contains(&id)
            || (via_entry.contains(&id) && !PROFESSIONAL_KINDS.contains(&str_at(r, 1)?));
        if !counted {
            continue;
        }
        let text = |i: usize| -> rusqlite::Result<&str> {
            Ok(r.get_ref(i)?
                .as_str_or_null()
                .ok()
                .flatten()
                .unwrap_or(UNKNOWN))
        };
        let age = text(3)?;
        f.headline.people_contacted += 1;
        if AgeBand::ALL
            .iter()
            .any(|b| b.is_under_30() && b.as_str() == age)
        {
            f.headline.under_30 += 1;
        }
        bump(&mut d.gender, text(2)?, 1);
        bump(&mut d.age_band, age, 1);
        bump(&mut d.ethnicity, text(4)?, 1);
        bump(&mut d.employment_status, text(5)?, 1);
    }
    Ok(())
}

/// A case marked to publicise, with what is needed to anonymise it.
#[derive(Debug, Clone)]
pub struct PublicisedCase {
    pub case: Record<Case>,
    /// Names, addresses, emails and phones of the people on the case, with
    /// their roles: to be removed from the text.
    pub people: Vec<(Role, crate::domain::Contact)>,
}

impl Store {
    /// The yearly review of `period`, beside the previous period.
    pub fn review(&self, period: &Period) -> Result<Review> {
        let f = figures(self.conn(), period)?;
        let previous = figures(self.conn(), &period.previous())?.headline;
        Ok(Review {
            headline: f.headline,
            by_channel: f.by_channel,
            by_category: f.by_category,
            by_kind: f.by_kind,
            by_outcome: f.by_outcome,
            demographics: f.demographics,
            by_month: f.by_month,
            previous,
        })
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
            let state = match case.data.outcome {
                Some(o) => format!("it was closed as {o}"),
                None => format!("its status is {}", case.data.status),
            };
            return Err(Error::invalid(format!(
                "case {} cannot be publicised: {state}; only a case resolved satisfactorily can",
                case.data.reference
            )));
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
