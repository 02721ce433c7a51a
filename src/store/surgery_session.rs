//! The running surgery: started at a venue, the cases and entries made while
//! it runs belong to it, and ending it sums up who was seen and about what.
//!
//! "Running" is stored, not held in memory (started_at set, ended_at NULL),
//! so a surgery survives a restart of the program or the laptop.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::Store;
use super::rows::{moment, stamp};
use super::surgeries::{from_row, insert, select};
use crate::domain::{Id, Record, Surgery};
use crate::{Error, Result};

/// Who was seen at a surgery and what about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurgerySummary {
    /// Distinct people: those entries were logged with, and the
    /// constituents of cases opened there.
    pub people_seen: u64,
    /// Their names, in the order first seen.
    pub people: Vec<String>,
    /// Cases opened at the surgery.
    pub cases_opened: u64,
    /// Diary entries logged at it.
    pub entries: u64,
    /// Categories of the cases it touched (opened there, or with an entry
    /// logged there), most frequent first.
    pub categories: Vec<(String, u64)>,
}

impl Store {
    /// The surgery running now, if one was started and not ended.
    pub fn current_surgery(&self) -> Result<Option<Record<Surgery>>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "{} WHERE started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC, id DESC LIMIT 1",
                select()
            ))?
            .query_row([], from_row)
            .optional()?)
    }

    /// The running surgery an entry made at `at` belongs to: one that had
    /// started by then. The quick call log and `casebook log` use it.
    pub fn surgery_at(&self, at: NaiveDateTime) -> Result<Option<Id<Surgery>>> {
        Ok(self
            .current_surgery()?
            .filter(|s| s.started_at.is_some_and(|start| start <= at))
            .map(|s| s.id))
    }

    /// Starts a surgery at `venue` now. Refused while another is running.
    pub fn start_surgery(&mut self, venue: &str, at: NaiveDateTime) -> Result<Record<Surgery>> {
        if let Some(running) = self.current_surgery()? {
            return Err(Error::user(
                crate::error::Msg::new("error-surgery-running")
                    .text("venue", &running.venue)
                    .text(
                        "started",
                        running
                            .started_at
                            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                            .unwrap_or_default(),
                    ),
            ));
        }
        let id = self.write(|tx| {
            insert(
                tx,
                &Surgery {
                    held_on: at.date(),
                    venue: venue.to_string(),
                    started_at: Some(at),
                    ended_at: None,
                    notes: None,
                },
            )
        })?;
        self.surgery(id)
    }

    /// Ends the running surgery at `at` and sums it up.
    pub fn end_surgery(&mut self, at: NaiveDateTime) -> Result<(Record<Surgery>, SurgerySummary)> {
        let Some(running) = self.current_surgery()? else {
            return Err(Error::user(crate::error::Msg::new(
                "error-surgery-none-running",
            )));
        };
        // A clock set back (or a frozen one) cannot end it before it began.
        let end = running.started_at.map_or(at, |s| s.max(at));
        self.write(|tx| {
            tx.execute(
                "UPDATE surgeries SET ended_at = ?2, updated_at = ?3 WHERE id = ?1",
                params![running.id, moment(end), stamp()],
            )?;
            Ok(())
        })?;
        let summary = self.surgery_summary(running.id)?;
        Ok((self.surgery(running.id)?, summary))
    }

    /// Who was seen at a surgery and what about.
    pub fn surgery_summary(&self, id: Id<Surgery>) -> Result<SurgerySummary> {
        let conn = self.conn();
        let people: Vec<String> = {
            let mut stmt = conn.prepare_cached(
                "SELECT k.name FROM (\
                   SELECT contact_id AS who, min(at) AS first FROM entries \
                   WHERE surgery_id = ?1 AND contact_id IS NOT NULL GROUP BY contact_id \
                   UNION ALL \
                   SELECT p.contact_id, c.created_at FROM cases c JOIN case_people p ON p.case_id = c.id \
                   WHERE c.surgery_id = ?1 AND p.role IN ('constituent','on_behalf_of')) x \
                 JOIN contacts k ON k.id = x.who \
                 WHERE k.kind = 'constituent' \
                 GROUP BY k.id ORDER BY min(x.first), k.id",
            )?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let (cases_opened, entries): (u64, u64) = conn
            .prepare_cached(
                "SELECT (SELECT count(*) FROM cases WHERE surgery_id = ?1), \
                 (SELECT count(*) FROM entries WHERE surgery_id = ?1)",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let categories: Vec<(String, u64)> = {
            let mut stmt = conn.prepare_cached(
                "SELECT category, count(*) FROM cases WHERE id IN (\
                   SELECT id FROM cases WHERE surgery_id = ?1 \
                   UNION SELECT case_id FROM entries WHERE surgery_id = ?1 AND case_id IS NOT NULL) \
                 GROUP BY category ORDER BY count(*) DESC, category",
            )?;
            let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        Ok(SurgerySummary {
            people_seen: people.len() as u64,
            people,
            cases_opened,
            entries,
            categories,
        })
    }

    /// Surgeries that have taken place (ended, or held before `today`),
    /// newest first, each with its summary.
    pub fn past_surgeries(
        &self,
        today: NaiveDate,
        limit: usize,
    ) -> Result<Vec<(Record<Surgery>, SurgerySummary)>> {
        let list: Vec<Record<Surgery>> = {
            let mut stmt = self.conn().prepare_cached(&format!(
                "{} WHERE ended_at IS NOT NULL OR held_on < ?1 \
                 ORDER BY held_on DESC, id DESC LIMIT ?2",
                select()
            ))?;
            let rows = stmt.query_map(params![today, limit as i64], from_row)?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        list.into_iter()
            .map(|s| {
                let summary = self.surgery_summary(s.id)?;
                Ok((s, summary))
            })
            .collect()
    }
}
