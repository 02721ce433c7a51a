//! Surgeries: advice sessions at a date and venue.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::rows::{META, moment, new_uuid, opt, record, stamp};
use crate::domain::{Id, Record, Surgery};
use crate::{Error, Result};

const COLUMNS: &str = "held_on, venue, started_at, ended_at, notes";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM surgeries")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<Surgery>> {
    let data = Surgery {
        held_on: row.get(4)?,
        venue: row.get(5)?,
        started_at: row.get(6)?,
        ended_at: row.get(7)?,
        notes: row.get(8)?,
    };
    record(row, data)
}

pub(crate) fn insert(tx: &Connection, s: &Surgery) -> Result<Id<Surgery>> {
    if s.venue.trim().is_empty() {
        return Err(Error::user(crate::error::Msg::new(
            "error-surgery-no-venue",
        )));
    }
    let now = stamp();
    tx.prepare_cached(&format!(
        "INSERT INTO surgeries (uuid, created_at, updated_at, {COLUMNS}) \
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)"
    ))?
    .execute(params![
        new_uuid(),
        now,
        s.held_on,
        s.venue.trim(),
        s.started_at.map(moment),
        s.ended_at.map(moment),
        opt(&s.notes),
    ])?;
    Ok(Id::new(tx.last_insert_rowid()))
}

pub(crate) fn get(conn: &Connection, id: Id<Surgery>) -> Result<Record<Surgery>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "surgery",
            name: format!("{id:?}"),
        })
}

impl Store {
    pub fn add_surgery(&mut self, s: &Surgery) -> Result<Record<Surgery>> {
        let id = self.write(|tx| insert(tx, s))?;
        self.surgery(id)
    }

    pub fn surgery(&self, id: Id<Surgery>) -> Result<Record<Surgery>> {
        get(self.conn(), id)
    }

    /// Past and future surgeries, newest first.
    pub fn surgeries(&self, limit: usize) -> Result<Vec<Record<Surgery>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} ORDER BY held_on DESC, id DESC LIMIT ?1",
            select()
        ))?;
        let rows = stmt.query_map([limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
