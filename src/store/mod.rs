//! The store: the only place with SQL.
//!
//! One SQLite file. Every connection runs in WAL mode with `synchronous=FULL`
//! (an acknowledged write survives a crash or power cut), foreign keys on and
//! a busy timeout; every write is a transaction begun IMMEDIATE, so two
//! writers queue rather than fail half-way.

mod agenda;
mod audit;
mod bulk;
mod cases;
mod contacts;
mod crypt;
mod diary;
mod directory;
mod directory_search;
mod entries;
mod exchange;
mod followups;
pub mod hub;
mod key;
mod leftovers;
mod mail;
mod maintenance;
mod migrations;
mod patterns;
mod plans;
mod privacy;
mod referrals;
mod review;
mod rows;
mod search;
mod surgeries;
mod surgery_session;
mod sync;
mod views;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, MAIN_DB, OpenFlags, Transaction, TransactionBehavior};

pub use crate::domain::review::PublicisedCase;
pub(crate) use crate::files::sync_dir;
pub use agenda::{
    Agenda, AgendaGroup, CaseRef, ContactRef, DueCounts, DueList, FollowUpItem, LateReferral,
    NeedsUpdate, Snooze,
};
pub use audit::{AuditAction, AuditRow};
pub use bulk::{Bulk, CaseArea};
pub use cases::{
    CaseChoice, CaseClosing, CaseFilter, CaseSort, CaseSummary, Joined, OpenedCase, Person,
};
pub use crypt::{
    KDF_ITER, MIN_PASSPHRASE_CHARS, Passphrase, RawKey, Rekeyed, file_salt, is_encrypted,
    plain_files, rekey_file, verify_passphrase,
};
pub use diary::{LogOutcome, LogRequest, Who};
pub use entries::EntryChanges;
pub use exchange::{CsvImportSummary, JsonImportSummary, LeftOut};
pub use leftovers::{Cleaned, leftovers, remove_leftovers};
pub use mail::{AttachmentLine, Filed, MailMeta, NewDraft, TakeIn, Taken};
pub(crate) use maintenance::sibling as sibling_path;
pub use maintenance::{
    BackupInfo, CheckReport, check_file, check_file_with_key, copy_database,
    copy_database_with_key, inspect_backup, inspect_backup_with_key, release, release_with_key,
};
pub use migrations::SCHEMA_VERSION;
#[doc(hidden)]
pub use migrations::{STEPS as MIGRATION_STEPS, apply_steps};
pub use privacy::{
    ERASED_NAME, ERASED_TEXT, ERASED_TITLE, Erasure, ErasurePreview, HandoverPlan, Mention,
    PersonMatch, RestAction, RetentionCase, RetentionPerson, SarRequest, SubjectAccess, UNFILED,
    Withheld, WithheldItem, one_month_after, wipe_marker,
};
pub use referrals::{ConsentWarning, NewReferral, ReferOutcome, ReplyOutcome};
pub use search::{Hit, HitFact, HitKind};
pub use surgery_session::SurgerySummary;
#[doc(hidden)]
pub use sync::schema_columns as sync_schema_columns;
pub use sync::{
    Applied, AwayAttachment, Change, Choice, Conflict, DueAttachment, HUB_MAX_ATTACHMENT, Op,
    OutboxPlan, Outgoing, Pending, PullFrom, Received, Remote, Resume, SyncFailure, SyncState,
    SyncStatus, TABLES as SYNC_TABLES, stamp_of, too_big_for_hub,
};
pub use views::{ContactLine, EntryLine, FollowUpLine, ReferralLine};

use crate::{Error, Result};

/// The page cache of a long-lived (UI) connection, in KiB: grows only as
/// pages are read, up to this.
pub const SESSION_CACHE_KIB: i64 = 32 * 1024;

/// How long a write waits for another program's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The busy timeout, which tests of a locked file shorten with
/// `CASEBOOK_BUSY_TIMEOUT_MS` rather than wait five seconds.
pub(crate) fn busy_timeout() -> Duration {
    std::env::var("CASEBOOK_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(BUSY_TIMEOUT)
}

pub struct Store {
    conn: Connection,
    /// `None` for an in-memory store.
    path: Option<PathBuf>,
    /// The passphrase of an encrypted diary: backups are verified with it.
    key: Option<Passphrase>,
}

impl Store {
    /// Opens (creating if need be) the diary at `path` and brings its schema
    /// up to date. A file that is not a database, is damaged, is locked, or
    /// was written by a newer casebook is refused with a clear message and
    /// left exactly as it was.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_key(path, None)
    }

    /// [`Store::open`] of a diary encrypted with `key` (SQLCipher). With a key,
    /// a new file is created encrypted; a wrong key is
    /// [`Error::WrongPassphrase`] and leaves the file as it was.
    pub fn open_with_key(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(Error::user(
                crate::error::Msg::new("error-db-no-folder")
                    .text("path", path.display().to_string())
                    .text("folder", parent.display().to_string()),
            ));
        }
        private_file(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(e, path))?;
        Store::setup(conn, Some(path.to_path_buf()), key.cloned())
    }

    /// A fresh store in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None, None)
    }

    fn setup(
        mut conn: Connection,
        path: Option<PathBuf>,
        key: Option<Passphrase>,
    ) -> Result<Store> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        let fail = |e: rusqlite::Error| crypt::classify_keyed(e, &shown, key.is_some());
        conn.busy_timeout(busy_timeout()).map_err(fail)?;
        // The key goes before the first read: that read is what checks it.
        if let Some(key) = &key {
            crypt::apply_key(&conn, key).map_err(fail)?;
        }
        // SQLite quietly opens a file it may not write read-only; say so before
        // reading it (a read would leave -wal/-shm files behind).
        if path.is_some() && conn.is_readonly(MAIN_DB).map_err(fail)? {
            return Err(read_only(&shown));
        }
        // Reading the header and the schema is the first read of the file: it
        // is where "not a database" and a damaged schema show, before anything
        // is written.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(fail)?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                path: shown,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version == 0 && objects > 0 {
            // Another program's SQLite file: never add our tables to it.
            return Err(Error::user(
                crate::error::Msg::new("error-db-not-a-diary")
                    .text("path", shown.display().to_string()),
            ));
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
        Ok(Store { conn, path, key })
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The passphrase of an encrypted diary (`None`: plain).
    pub fn key(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is saved, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let shown = self.shown_path();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(e, &shown))?;
        // A full disk or a damaged page shows mid-write: name it plainly.
        let value = f(&tx).map_err(|e| match e {
            Error::Sqlite(e) => classify(e, &shown),
            other => other,
        })?;
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

    /// Lets this connection keep up to [`SESSION_CACHE_KIB`] of the file's
    /// pages in memory instead of SQLite's default 2 MiB: for the UI's
    /// connection, which lives as long as the session. Search and name
    /// completion read a few thousand pages of the search index in a big
    /// diary; kept, the next keystrokes find them already decrypted and
    /// checked (an encrypted diary pays that per page read). Commands keep
    /// the default: they read each page once and exit.
    pub fn keep_pages_for_session(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -SESSION_CACHE_KIB)?;
        Ok(())
    }

    /// How many pages this connection has read from the file so far (its
    /// page cache's misses). Each one is a decryption and an HMAC check in
    /// an encrypted diary: what the benchmarks count per query.
    pub fn pages_read(&self) -> u64 {
        let (mut current, mut highest) = (0, 0);
        // SAFETY: the handle is this open connection's own; SQLite writes the
        // two ints and keeps nothing.
        let rc = unsafe {
            rusqlite::ffi::sqlite3_db_status(
                self.conn.handle(),
                rusqlite::ffi::SQLITE_DBSTATUS_CACHE_MISS,
                &mut current,
                &mut highest,
                0,
            )
        };
        if rc == rusqlite::ffi::SQLITE_OK {
            u64::try_from(current).unwrap_or(0)
        } else {
            0
        }
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

/// Turns SQLite's codes into the messages a councillor can act on. Codes
/// with no better message stay `Error::Sqlite`.
pub(crate) fn classify(e: rusqlite::Error, path: &Path) -> Error {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase { path },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path,
            detail: crate::error::Msg::new("corrupt-malformed-check"),
        },
        Some(ErrorCode::ReadOnly) => read_only(&path),
        Some(ErrorCode::DiskFull) => Error::System(
            crate::error::Msg::new("error-db-disk-full").text("path", path.display().to_string()),
        ),
        Some(ErrorCode::CannotOpen) => Error::System(
            crate::error::Msg::new("error-db-cannot-open").text("path", path.display().to_string()),
        ),
        Some(ErrorCode::SystemIoFailure) => Error::System(
            crate::error::Msg::new("error-db-io")
                .text("path", path.display().to_string())
                .text("detail", e.to_string()),
        ),
        _ => Error::Sqlite(e),
    }
}

/// A new diary is created user-only (SQLite gives its `-wal` and `-shm` the
/// same mode); an existing one readable by others (made by an older
/// casebook, or copied in) is tightened, with its companions.
fn private_file(path: &Path) -> Result<()> {
    match crate::files::create_private(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                crate::files::tighten(&sibling_path(path, suffix));
            }
            Ok(())
        }
        Err(e) => Err(classify(
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                Some(e.to_string()),
            ),
            path,
        )),
    }
}

fn read_only(path: &Path) -> Error {
    Error::System(
        crate::error::Msg::new("error-db-read-only").text("path", path.display().to_string()),
    )
}
