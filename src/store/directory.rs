//! The directory of officers and agencies: "who do I speak to?"

use rusqlite::{Connection, Row, params};

use super::Store;
use super::rows::{new_uuid, record, stamp};
use crate::Result;
use crate::domain::{Contact, DirectoryEntry, Id, Record};

const COLUMNS: &str = "contact_id, handles, categories";

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<DirectoryEntry>> {
    let categories: String = row.get(6)?;
    let data = DirectoryEntry {
        contact: row.get(4)?,
        handles: row.get(5)?,
        categories: split_categories(&categories),
    };
    record(row, data)
}

/// The stored comma-separated category list, as names.
pub(crate) fn split_categories(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

/// Adds an officer or agency (a contact) to the directory, or updates what
/// they handle if they are already in it.
pub(crate) fn upsert(tx: &Connection, d: &DirectoryEntry) -> Result<Id<DirectoryEntry>> {
    let now = stamp();
    let id = tx
        .prepare_cached(&format!(
            "INSERT INTO directory (uuid, created_at, updated_at, {COLUMNS}) VALUES (?1, ?2, ?2, ?3, ?4, ?5) \
             ON CONFLICT (contact_id) DO UPDATE SET handles = excluded.handles, \
             categories = excluded.categories, updated_at = excluded.updated_at RETURNING id"
        ))?
        .query_row(
            params![new_uuid(), now, d.contact, d.handles.trim(), d.categories.join(",")],
            |r| r.get(0),
        )?;
    Ok(Id::new(id))
}

impl Store {
    pub fn add_to_directory(&mut self, d: &DirectoryEntry) -> Result<Id<DirectoryEntry>> {
        self.write(|tx| upsert(tx, d))
    }

    /// Adds an officer or agency and what they handle, or corrects one
    /// (`id` given), in one transaction: the directory screen's and the
    /// referral form's "new officer".
    pub fn save_directory_contact(
        &mut self,
        id: Option<Id<Contact>>,
        c: &Contact,
        handles: &str,
        categories: &[String],
    ) -> Result<Record<Contact>> {
        let id = self.write(|tx| {
            let id = match id {
                Some(id) => {
                    super::contacts::update(tx, id, c)?;
                    id
                }
                None => super::contacts::insert(tx, c)?,
            };
            upsert(
                tx,
                &DirectoryEntry {
                    contact: id,
                    handles: handles.trim().to_string(),
                    categories: categories.to_vec(),
                },
            )?;
            Ok(id)
        })?;
        self.contact(id)
    }

    /// What one contact's directory entry says they handle, if listed.
    pub fn directory_entry_of(
        &self,
        contact: Id<Contact>,
    ) -> Result<Option<Record<DirectoryEntry>>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT id, uuid, created_at, updated_at, {COLUMNS} FROM directory WHERE contact_id = ?1"
            ))?
            .query_row([contact], from_row)
            .optional()?)
    }

    /// Every directory entry with its contact, by name.
    pub fn directory(&self) -> Result<Vec<(Record<DirectoryEntry>, Record<Contact>)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT d.id, d.uuid, d.created_at, d.updated_at, d.contact_id, d.handles, d.categories, {} \
             FROM directory d JOIN contacts c ON c.id = d.contact_id ORDER BY c.name_fold",
            super::contacts::columns_of("c")
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((from_row(r)?, super::contacts::from_row_at(r, 7)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
