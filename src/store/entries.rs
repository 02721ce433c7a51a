//! Diary entries: every call, email, letter, meeting, note and action.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::rows::{META, moment, new_uuid, record, stamp};
use crate::domain::rules::Happened;
use crate::domain::{Case, CasePerson, Contact, Entry, EntryKind, Id, Record, Role};
use crate::{Error, Result};

/// A correction to a diary entry, as the entry form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryChanges {
    pub text: String,
    pub kind: EntryKind,
    pub at: chrono::NaiveDateTime,
    pub confidential: bool,
    /// The reference of the case to file it on; `None`: not filed.
    pub case: Option<String>,
}

const COLUMNS: &str = "case_id, contact_id, kind, at, text, confidential, surgery_id";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM entries")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<Entry>> {
    let data = Entry {
        case: row.get(4)?,
        contact: row.get(5)?,
        kind: row.get(6)?,
        at: row.get(7)?,
        text: row.get(8)?,
        confidential: row.get(9)?,
        surgery: row.get(10)?,
    };
    record(row, data)
}

pub(crate) fn insert(tx: &Connection, e: &Entry) -> Result<Id<Entry>> {
    e.validate()?;
    let now = stamp();
    tx.prepare_cached(&format!(
        "INSERT INTO entries (uuid, created_at, updated_at, {COLUMNS}) \
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    ))?
    .execute(params![
        new_uuid(),
        now,
        e.case,
        e.contact,
        e.kind,
        moment(e.at),
        e.text.trim_end(),
        e.confidential,
        e.surgery,
    ])?;
    Ok(Id::new(tx.last_insert_rowid()))
}

pub(crate) fn get(conn: &Connection, id: Id<Entry>) -> Result<Record<Entry>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "diary entry",
            name: format!("{id:?}"),
        })
}

impl Store {
    pub fn add_entry(&mut self, e: &Entry) -> Result<Record<Entry>> {
        let id = self.write(|tx| insert(tx, e))?;
        self.entry(id)
    }

    pub fn entry(&self, id: Id<Entry>) -> Result<Record<Entry>> {
        get(self.conn(), id)
    }

    /// Files an entry on a case (or unfiles it with `None`).
    pub fn file_entry(&mut self, id: Id<Entry>, case: Option<Id<Case>>) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE entries SET case_id = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, case, stamp()],
            )?;
            super::followups::follow_entry(tx, id, case)
        })
    }

    /// Corrects an entry: its text, kind, time, confidential flag, and the
    /// case it is filed on (a reference; `None` unfiles it). Filing it on a
    /// case the person is not on yet adds them to it, as logging does. The
    /// audit trigger records the change.
    pub fn update_entry(&mut self, id: Id<Entry>, c: &EntryChanges) -> Result<()> {
        if c.text.trim().is_empty() {
            return Err(Error::user(crate::error::Msg::new("error-log-empty")));
        }
        crate::domain::rules::check_not_future_by_system_clock(c.at, Happened::Entry)?;
        self.write(|tx| {
            let old = get(tx, id)?;
            let case = match c.case.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                None => None,
                Some(r) => Some(
                    super::cases::by_reference(tx, r)?
                        .ok_or_else(|| Error::NotFound {
                            what: "case with reference",
                            name: r.to_string(),
                        })?
                        .id,
                ),
            };
            if let (Some(case), Some(contact)) = (case, old.contact) {
                let (on_case, has_constituent): (bool, bool) = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM case_people WHERE case_id = ?1 AND contact_id = ?2), \
                            EXISTS (SELECT 1 FROM case_people WHERE case_id = ?1 AND role = 'constituent')",
                    params![case, contact],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                if !on_case {
                    let role = if has_constituent { Role::Other } else { Role::Constituent };
                    super::cases::add_person(tx, CasePerson { case, contact, role })?;
                }
            }
            tx.execute(
                "UPDATE entries SET text = ?2, kind = ?3, at = ?4, confidential = ?5, case_id = ?6, \
                 updated_at = ?7 WHERE id = ?1",
                params![id, c.text.trim_end(), c.kind, moment(c.at), c.confidential, case, stamp()],
            )?;
            if case != old.case {
                super::followups::follow_entry(tx, id, case)?;
            }
            Ok(())
        })
    }

    /// Deletes an entry; the tombstone trigger remembers it for a merge, and
    /// a follow-up made from it keeps its case and date.
    pub fn delete_entry(&mut self, id: Id<Entry>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM entries WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(Error::NotFound {
                    what: "diary entry",
                    name: format!("{id:?}"),
                });
            }
            Ok(())
        })
    }

    /// True when any diary entry of the case is confidential (one case's
    /// entries, through `entries_case_at`).
    pub fn case_has_confidential_entries(&self, case: Id<Case>) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE case_id = ?1 AND confidential)",
            [case],
            |r| r.get(0),
        )?)
    }

    /// A case's timeline, oldest first. `limit` bounds it for very long cases.
    pub fn entries_of_case(&self, case: Id<Case>, limit: usize) -> Result<Vec<Record<Entry>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT * FROM ({} WHERE case_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2) ORDER BY at, id",
            select()
        ))?;
        let rows = stmt.query_map(params![case, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A contact's entries, newest first.
    pub fn entries_of_contact(
        &self,
        contact: Id<Contact>,
        limit: usize,
    ) -> Result<Vec<Record<Entry>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE contact_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
            select()
        ))?;
        let rows = stmt.query_map(params![contact, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest diary entries, newest first, with who they were with.
    pub fn latest_entries(&self, limit: usize) -> Result<Vec<(Record<Entry>, Option<String>)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT e.*, k.name FROM ({} ORDER BY at DESC, id DESC LIMIT ?1) e \
             LEFT JOIN contacts k ON k.id = e.contact_id ORDER BY e.at DESC, e.id DESC",
            select()
        ))?;
        let rows = stmt.query_map([limit as i64], |r| Ok((from_row(r)?, r.get(11)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
