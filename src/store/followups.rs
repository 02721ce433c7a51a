//! Follow-ups: dated reminders on a case or on an unfiled call.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::rows::{META, new_uuid, record, stamp};
use crate::domain::{FollowUp, Id, Record};
use crate::{Error, Result};

const COLUMNS: &str = "case_id, contact_id, entry_id, due_on, what, done_on";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM follow_ups")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<FollowUp>> {
    let data = FollowUp {
        case: row.get(4)?,
        contact: row.get(5)?,
        entry: row.get(6)?,
        due_on: row.get(7)?,
        what: row.get(8)?,
        done_on: row.get(9)?,
    };
    record(row, data)
}

pub(crate) fn insert(tx: &Connection, f: &FollowUp) -> Result<Id<FollowUp>> {
    f.validate()?;
    let now = stamp();
    tx.prepare_cached(&format!(
        "INSERT INTO follow_ups (uuid, created_at, updated_at, {COLUMNS}) \
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?
    .execute(params![
        new_uuid(),
        now,
        f.case,
        f.contact,
        f.entry,
        f.due_on,
        f.what.trim(),
        f.done_on
    ])?;
    Ok(Id::new(tx.last_insert_rowid()))
}

/// A diary entry moved to `case` (or unfiled) takes the follow-ups made
/// from it along: "call her back" belongs with the call, so a call filed on
/// a case after the event shows its reminder on that case. Unfiled, a
/// follow-up stays on the case unless it also names the person, so it is
/// never left belonging to nothing.
pub(crate) fn follow_entry(
    tx: &Connection,
    entry: Id<crate::domain::Entry>,
    case: Option<Id<crate::domain::Case>>,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE follow_ups SET case_id = ?2, updated_at = ?3 \
         WHERE entry_id = ?1 AND case_id IS NOT ?2 AND (?2 IS NOT NULL OR contact_id IS NOT NULL)",
    )?
    .execute(params![entry, case, stamp()])?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: Id<FollowUp>) -> Result<Record<FollowUp>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "follow-up",
            name: format!("{id:?}"),
        })
}

impl Store {
    pub fn add_follow_up(&mut self, f: &FollowUp) -> Result<Record<FollowUp>> {
        let id = self.write(|tx| insert(tx, f))?;
        self.follow_up(id)
    }

    pub fn follow_up(&self, id: Id<FollowUp>) -> Result<Record<FollowUp>> {
        get(self.conn(), id)
    }

    /// Follow-ups not yet done and due on or before `until`, soonest first.
    pub fn pending_follow_ups(
        &self,
        until: NaiveDate,
        limit: usize,
    ) -> Result<Vec<Record<FollowUp>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE done_on IS NULL AND due_on <= ?1 ORDER BY due_on, id LIMIT ?2",
            select()
        ))?;
        let rows = stmt.query_map(params![until, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The local id of the follow-up with this UUID (as `due --format json`
    /// gives it), if there is one.
    pub fn follow_up_id(&self, uuid: &uuid::Uuid) -> Result<Option<Id<FollowUp>>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT id FROM follow_ups WHERE uuid = ?1")?
            .query_row([uuid.to_string()], |r| r.get(0))
            .optional()?)
    }

    /// Marks a follow-up done on `on`.
    pub fn complete_follow_up(&mut self, id: Id<FollowUp>, on: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE follow_ups SET done_on = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, on, stamp()],
            )?;
            Ok(())
        })
    }

    /// Undoes "done": the follow-up is to do again, on its old date.
    pub fn reopen_follow_up(&mut self, id: Id<FollowUp>) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE follow_ups SET done_on = NULL, updated_at = ?2 WHERE id = ?1",
                params![id, stamp()],
            )?;
            Ok(())
        })
    }

    /// Moves a follow-up to a new date (snooze, reschedule).
    pub fn reschedule_follow_up(&mut self, id: Id<FollowUp>, due_on: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE follow_ups SET due_on = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, due_on, stamp()],
            )?;
            Ok(())
        })
    }
}

impl Store {
    /// A case's follow-ups, pending first (soonest first), then done ones.
    pub fn follow_ups_of_case(
        &self,
        case: Id<crate::domain::Case>,
    ) -> Result<Vec<Record<FollowUp>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE case_id = ?1 ORDER BY done_on IS NOT NULL, due_on, id",
            select()
        ))?;
        let rows = stmt.query_map([case], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
