//! Diary entries: every call, email, letter, meeting, note and action.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::rows::{META, moment, new_uuid, record, stamp};
use crate::domain::{Case, Contact, Entry, Id, Record};
use crate::{Error, Result};

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
            Ok(())
        })
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
