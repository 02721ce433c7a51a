//! Referrals: a case passed to an officer or agency, with a reply due.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::rows::{META, new_uuid, opt, record, stamp};
use crate::domain::{Case, Id, Record, Referral};
use crate::{Error, Result};

const COLUMNS: &str = "case_id, to_contact_id, referred_on, council_ref, instruction, note, \
     constituent_copied, due_on, reply_on, reply";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM referrals")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<Referral>> {
    let data = Referral {
        case: row.get(4)?,
        to: row.get(5)?,
        referred_on: row.get(6)?,
        council_ref: row.get(7)?,
        instruction: row.get(8)?,
        note: row.get(9)?,
        constituent_copied: row.get(10)?,
        due_on: row.get(11)?,
        reply_on: row.get(12)?,
        reply: row.get(13)?,
    };
    record(row, data)
}

pub(crate) fn insert(tx: &Connection, r: &Referral) -> Result<Id<Referral>> {
    if r.due_on < r.referred_on {
        return Err(Error::invalid(format!(
            "the reply due date {} is before the referral date {}",
            r.due_on, r.referred_on
        )));
    }
    let now = stamp();
    tx.prepare_cached(&format!(
        "INSERT INTO referrals (uuid, created_at, updated_at, {COLUMNS}) \
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        new_uuid(),
        now,
        r.case,
        r.to,
        r.referred_on,
        opt(&r.council_ref),
        r.instruction,
        opt(&r.note),
        r.constituent_copied,
        r.due_on,
        r.reply_on,
        opt(&r.reply),
    ])?;
    Ok(Id::new(tx.last_insert_rowid()))
}

pub(crate) fn get(conn: &Connection, id: Id<Referral>) -> Result<Record<Referral>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "referral",
            name: format!("{id:?}"),
        })
}

impl Store {
    pub fn add_referral(&mut self, r: &Referral) -> Result<Record<Referral>> {
        let id = self.write(|tx| insert(tx, r))?;
        self.referral(id)
    }

    pub fn referral(&self, id: Id<Referral>) -> Result<Record<Referral>> {
        get(self.conn(), id)
    }

    pub fn referrals_of_case(&self, case: Id<Case>) -> Result<Vec<Record<Referral>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE case_id = ?1 ORDER BY referred_on, id",
            select()
        ))?;
        let rows = stmt.query_map([case], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records the reply to a referral.
    pub fn record_reply(&mut self, id: Id<Referral>, on: NaiveDate, reply: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE referrals SET reply_on = ?2, reply = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, on, reply.trim(), stamp()],
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    what: "referral",
                    name: format!("{id:?}"),
                });
            }
            Ok(())
        })
    }
}
