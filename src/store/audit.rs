//! The audit log: what happened to which record, and when. Append-only (the
//! schema refuses updates and deletes) and free of personal data: a record
//! kind, a UUID, an action and a time, never a name or a text. Creations,
//! changes and deletions of the main tables are logged by triggers, so no
//! write can bypass it; exports, subject access and erasures are logged here.

use rusqlite::Connection;
use uuid::Uuid;

use super::Store;
use super::rows::stamp;
use crate::Result;

/// What an explicit audit row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Export,
    SubjectAccess,
    Erase,
    Handover,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Export => "export",
            AuditAction::SubjectAccess => "sar",
            AuditAction::Erase => "erase",
            AuditAction::Handover => "handover",
        }
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// UTC, RFC 3339.
    pub at: String,
    /// `contact`, `case`, `entry`, … or `diary` for the whole file.
    pub kind: String,
    pub uuid: Option<String>,
    pub action: String,
}

/// Appends an audit row inside a write transaction.
pub(crate) fn record(
    tx: &Connection,
    kind: &str,
    uuid: Option<&Uuid>,
    action: AuditAction,
) -> Result<()> {
    tx.prepare_cached("INSERT INTO audit (at, kind, uuid, action) VALUES (?1, ?2, ?3, ?4)")?
        .execute(rusqlite::params![
            stamp(),
            kind,
            uuid.map(Uuid::to_string),
            action.as_str()
        ])?;
    Ok(())
}

impl Store {
    /// Records an event that touches no row of the main tables (an export of
    /// the whole diary: `kind` "diary", no UUID).
    pub fn record_audit(
        &mut self,
        kind: &str,
        uuid: Option<&Uuid>,
        action: AuditAction,
    ) -> Result<()> {
        self.write(|tx| record(tx, kind, uuid, action))
    }

    /// The whole log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditRow>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT at, kind, uuid, action FROM audit ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                kind: r.get(1)?,
                uuid: r.get(2)?,
                action: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The audit rows about one record, oldest first.
    pub fn audit_of(&self, uuid: &Uuid) -> Result<Vec<AuditRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT at, kind, uuid, action FROM audit WHERE uuid = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([uuid.to_string()], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                kind: r.get(1)?,
                uuid: r.get(2)?,
                action: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
