//! Contacts: constituents, officers, agencies, councillors.

use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::Store;
use super::rows::{Bind, META, assignments, bind, bind_opt, new_uuid, opt, placeholders, stamp};
use crate::domain::text::{name_key, normalise_name, normalise_postcode};
use crate::domain::{Contact, Id, Identity, Record};
use crate::{Error, Result};

const COLUMNS: &str = "name, kind, organisation, department, role, address, postcode, phone, email, \
     preferred_contact, gender, age_band, ethnicity, employment_status, caution, notes, language";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM contacts")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<Contact>> {
    from_row_at(row, 0)
}

/// All columns of a contact, each prefixed with `alias.`, for joins.
pub(crate) fn columns_of(alias: &str) -> String {
    super::rows::prefixed(&format!("{META}, {COLUMNS}"), alias)
}

/// Reads a contact whose columns start at `offset` (after joined columns).
pub(crate) fn from_row_at(row: &Row<'_>, offset: usize) -> rusqlite::Result<Record<Contact>> {
    let g = |i: usize| offset + i;
    let data = Contact {
        name: row.get(g(4))?,
        kind: row.get(g(5))?,
        organisation: row.get(g(6))?,
        department: row.get(g(7))?,
        role: row.get(g(8))?,
        address: row.get(g(9))?,
        postcode: row.get(g(10))?,
        phone: row.get(g(11))?,
        email: row.get(g(12))?,
        preferred_contact: row.get(g(13))?,
        gender: row.get(g(14))?,
        age_band: row.get(g(15))?,
        ethnicity: row.get(g(16))?,
        employment_status: row.get(g(17))?,
        caution: row.get(g(18))?,
        notes: row.get(g(19))?,
        language: row.get(g(20))?,
    };
    super::rows::record_at(row, offset, data)
}

/// Postcodes are kept in canonical form when they look like one.
fn postcode(c: &Contact) -> Option<String> {
    opt(&c.postcode).map(|p| normalise_postcode(p).unwrap_or_else(|| p.to_string()))
}

/// The columns written: the folded name, then [`COLUMNS`].
fn written() -> String {
    format!("name_fold, {COLUMNS}")
}

/// The values of [`written`], in order: listed once for INSERT and UPDATE.
fn values(c: &Contact) -> Vec<Bind> {
    vec![
        bind(name_key(&c.name)),
        bind(normalise_name(&c.name)),
        bind(c.kind()),
        bind_opt(&c.organisation),
        bind_opt(&c.department),
        bind_opt(&c.role),
        bind_opt(&c.address),
        bind(postcode(c)),
        bind_opt(&c.phone),
        bind_opt(&c.email),
        bind(c.preferred_contact),
        bind_opt(&c.gender),
        bind(c.age_band),
        bind_opt(&c.ethnicity),
        bind_opt(&c.employment_status),
        bind_opt(&c.caution),
        bind_opt(&c.notes),
        bind(c.language),
    ]
}

pub(crate) fn insert(tx: &Connection, c: &Contact) -> Result<Id<Contact>> {
    c.validate()?;
    let values = values(c);
    let sql = format!(
        "INSERT INTO contacts (uuid, created_at, updated_at, {}) VALUES (?1, ?2, ?2, {})",
        written(),
        placeholders(3, values.len())
    );
    let head: [Bind; 2] = [bind(new_uuid()), bind(stamp())];
    tx.prepare_cached(&sql)?
        .execute(params_from_iter(head.iter().chain(values.iter())))?;
    Ok(Id::new(tx.last_insert_rowid()))
}

pub(crate) fn update(tx: &Connection, id: Id<Contact>, c: &Contact) -> Result<()> {
    c.validate()?;
    let sql = format!(
        "UPDATE contacts SET updated_at = ?2, {} WHERE id = ?1",
        assignments(&written(), 3)
    );
    let head: [Bind; 2] = [bind(id), bind(stamp())];
    let n = tx
        .prepare_cached(&sql)?
        .execute(params_from_iter(head.iter().chain(values(c).iter())))?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "contact",
            name: format!("{id:?}"),
        });
    }
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: Id<Contact>) -> Result<Record<Contact>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "contact",
            name: format!("{id:?}"),
        })
}

/// Contacts whose whole name matches `name`, ignoring case and accents.
pub(crate) fn by_name(conn: &Connection, name: &str) -> Result<Vec<Record<Contact>>> {
    let mut stmt =
        conn.prepare_cached(&format!("{} WHERE name_fold = ?1 ORDER BY id", select()))?;
    let rows = stmt.query_map([name_key(name)], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The contact a new record is the same person as, by the one rule of
/// [`crate::domain::same_person`]: the same email, or else the same phone,
/// or else the same name and postcode. Each look-up is one index range.
pub(crate) fn find_same_person(conn: &Connection, who: &Identity) -> Result<Option<Id<Contact>>> {
    if let Some(email) = &who.email {
        let id = conn
            .query_row(
                // `email IS NOT NULL` lets SQLite use the partial index
                // contacts_email; without it every look-up scans the table.
                "SELECT id FROM contacts WHERE lower(email) = ?1 AND email IS NOT NULL \
                 ORDER BY id LIMIT 1",
                [email],
                |r| r.get(0),
            )
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    if let Some(phone) = &who.phone {
        let id = conn
            .query_row(
                "SELECT id FROM contacts WHERE phone = ?1 ORDER BY id LIMIT 1",
                [phone],
                |r| r.get(0),
            )
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    if let Some((name, pc)) = &who.name_postcode {
        let id = conn
            .query_row(
                "SELECT id FROM contacts WHERE name_fold = ?1 AND postcode = ?2 ORDER BY id LIMIT 1",
                params![name_key(name), pc],
                |r| r.get(0),
            )
            .optional()?;
        return Ok(id);
    }
    Ok(None)
}

impl Store {
    pub fn add_contact(&mut self, c: &Contact) -> Result<Record<Contact>> {
        let id = self.write(|tx| insert(tx, c))?;
        self.contact(id)
    }

    pub fn update_contact(&mut self, id: Id<Contact>, c: &Contact) -> Result<Record<Contact>> {
        self.write(|tx| update(tx, id, c))?;
        self.contact(id)
    }

    pub fn contact(&self, id: Id<Contact>) -> Result<Record<Contact>> {
        get(self.conn(), id)
    }

    pub fn contacts_named(&self, name: &str) -> Result<Vec<Record<Contact>>> {
        by_name(self.conn(), name)
    }

    /// One page of contacts in name order, after the name `after` (keyset
    /// paging: the cost of a page does not grow with the list).
    pub fn contacts_page(
        &self,
        after: Option<(&str, i64)>,
        limit: usize,
    ) -> Result<Vec<Record<Contact>>> {
        let (after_name, after_id) = after.unwrap_or(("", 0));
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE (name_fold, id) > (?1, ?2) ORDER BY name_fold, id LIMIT ?3",
            select()
        ))?;
        let rows = stmt.query_map(params![after_name, after_id, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Contacts whose name starts with the words typed (accents optional),
    /// for completion as you type. Uses the name index and the FTS index,
    /// never a scan.
    /// For each contact, whether they have an open case and when they last
    /// called (an inbound call): what ranks the caller list. One indexed
    /// probe or two per contact (`case_people_contact`, `entries_contact_at`),
    /// never a scan of the diary.
    pub fn caller_activity(
        &self,
        ids: &[Id<Contact>],
    ) -> Result<Vec<(bool, Option<chrono::NaiveDateTime>)>> {
        let mut open = self.conn().prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM case_people p JOIN cases c ON c.id = p.case_id \
             WHERE p.contact_id = ?1 AND c.status <> 'closed')",
        )?;
        let mut last = self.conn().prepare_cached(
            "SELECT at FROM entries WHERE contact_id = ?1 AND kind = 'call_in' \
             ORDER BY at DESC LIMIT 1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let has_open: bool = open.query_row([id], |r| r.get(0))?;
            let at: Option<chrono::NaiveDateTime> =
                last.query_row([id], |r| r.get(0)).optional()?;
            out.push((has_open, at));
        }
        Ok(out)
    }

    pub fn complete_contacts(&self, typed: &str, limit: usize) -> Result<Vec<Record<Contact>>> {
        let folded = name_key(typed);
        if folded.is_empty() {
            return Ok(Vec::new());
        }
        let mut out: Vec<Record<Contact>> = Vec::new();
        // Whole-name prefix first ("sian d" → "Siân Davies"), by the index.
        let upper = format!("{folded}\u{10ffff}");
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE name_fold >= ?1 AND name_fold < ?2 ORDER BY name_fold, id LIMIT ?3",
            select()
        ))?;
        for r in stmt.query_map(params![folded, upper, limit as i64], from_row)? {
            out.push(r?);
        }
        // Then any word of the name ("dav" → "Siân Davies"), by the FTS index.
        if out.len() < limit
            && let Some(q) = super::search::prefix_query(&folded)
        {
            let mut stmt = self.conn().prepare_cached(&format!(
                "{} WHERE id IN (SELECT rowid / 8 FROM search WHERE search MATCH ?1 AND rowid % 8 = 1 LIMIT ?2) \
                 ORDER BY name_fold, id",
                select()
            ))?;
            for r in stmt.query_map(
                params![format!("title : ({q})"), (limit * 4) as i64],
                from_row,
            )? {
                let r = r?;
                if out.len() >= limit {
                    break;
                }
                if !out.iter().any(|o| o.id == r.id) {
                    out.push(r);
                }
            }
        }
        Ok(out)
    }

    /// The contact `who` is the same person as, if any.
    pub fn find_same_person(&self, who: &Identity) -> Result<Option<Id<Contact>>> {
        find_same_person(self.conn(), who)
    }
}
