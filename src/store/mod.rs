//! The store: the only place with SQL.
//!
//! One SQLite file. Every connection runs in WAL mode with `synchronous=FULL`
//! (an acknowledged write survives a crash or power cut), foreign keys on and
//! a busy timeout; every write is a transaction begun IMMEDIATE, so two
//! writers queue rather than fail half-way.

mod audit;
mod cases;
mod contacts;
mod diary;
mod directory;
mod entries;
mod exchange;
mod followups;
mod migrations;
mod privacy;
mod referrals;
mod rows;
mod search;
mod surgeries;
mod views;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

pub use audit::{AuditAction, AuditRow};
pub use cases::{CaseFilter, CaseSort, CaseSummary};
pub use diary::{LogOutcome, LogRequest, Who};
pub use exchange::{CsvImportSummary, JsonImportSummary, LeftOut};
pub use migrations::SCHEMA_VERSION;
pub use privacy::{
    ERASED_NAME, ERASED_TEXT, ERASED_TITLE, Erasure, ErasurePreview, HandoverPlan, PersonMatch,
    RestAction, RetentionCase, SarRequest, SubjectAccess, one_month_after,
};
pub use search::{Hit, HitKind};
pub use views::{ContactLine, EntryLine, FollowUpLine, ReferralLine};

use crate::{Error, Result};

/// How long a write waits for another program's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Store {
    conn: Connection,
    /// `None` for an in-memory store.
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if need be) the diary at `path` and brings its schema
    /// up to date. A file that is not a database, is damaged, is locked, or
    /// was written by a newer casebook is refused with a clear message and
    /// left exactly as it was.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(Error::invalid(format!(
                "cannot open the database {}: the folder {} does not exist",
                path.display(),
                parent.display()
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(e, path))?;
        Store::setup(conn, Some(path.to_path_buf()))
    }

    /// A fresh store in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        let fail = |e: rusqlite::Error| classify(e, &shown);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // Reading the schema version is the first read of the file: it is where
        // "not a database" shows, before anything is written.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: shown,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        if path.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(fail)?;
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        migrations::to_latest(&mut conn).map_err(|e| match e {
            Error::Sqlite(e) => fail(e),
            other => other,
        })?;
        Ok(Store { conn, path })
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is saved, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let shown = self.shown_path();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(e, &shown))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| classify(e, &shown))?;
        Ok(value)
    }

    /// The connection, for reads within the store module.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Counts rows of the main tables: for `check`, tests and the UI.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            contacts: count("contacts")?,
            cases: count("cases")?,
            entries: count("entries")?,
            referrals: count("referrals")?,
            follow_ups: count("follow_ups")?,
            surgeries: count("surgeries")?,
        })
    }

    /// True when nothing has been written to the diary yet.
    pub fn is_empty(&self) -> Result<bool> {
        let c = self.counts()?;
        Ok(c.contacts + c.cases + c.entries + c.surgeries == 0)
    }

    /// SQLite's change counter for the file: it moves when another connection
    /// (another casebook, `casebook log` from a shell) commits. The UI polls it
    /// to refresh without a restart.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    fn shown_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub contacts: u64,
    pub cases: u64,
    pub entries: u64,
    pub referrals: u64,
    pub follow_ups: u64,
    pub surgeries: u64,
}

/// Turns SQLite's codes into the messages a councillor can act on.
pub(crate) fn classify(e: rusqlite::Error, path: &Path) -> Error {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase { path },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path,
            detail: "SQLite reports the file as malformed; run `casebook check`, then restore the latest backup".into(),
        },
        Some(ErrorCode::ReadOnly) => Error::invalid(format!(
            "the database {} is read-only: check the file's permissions",
            path.display()
        )),
        Some(ErrorCode::DiskFull) => Error::invalid(format!(
            "the disk holding {} is full: nothing was saved; free some space and try again",
            path.display()
        )),
        Some(ErrorCode::CannotOpen) => Error::invalid(format!(
            "cannot open the database {}: check the path and its permissions",
            path.display()
        )),
        _ => Error::Sqlite(e),
    }
}
