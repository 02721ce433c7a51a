//! Keeping the file healthy: online backups, integrity checks, and looking at
//! a file (a backup about to be restored) without changing it.
//!
//! Copies are made with `VACUUM INTO`: a consistent snapshot taken while other
//! programs keep reading and writing, written compactly (pages freed by a
//! deletion are not carried into the copy), in rollback-journal mode so a
//! backup is one self-contained file. Every copy is synced and checked with
//! `integrity_check` before it takes its final name.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::key::{Passphrase, apply_key, classify_keyed};
use super::{SCHEMA_VERSION, Store, busy_timeout, classify};
use crate::error::Msg;
use crate::{Error, Result};

/// How many problem lines a check keeps: enough to diagnose, not a flood.
const MAX_PROBLEMS: usize = 20;

/// What `casebook check` found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckReport {
    pub schema_version: i64,
    /// `quick_check`, `integrity_check`, `foreign_key_check`, each with the
    /// problems it found (empty: ok).
    pub checks: Vec<(&'static str, Vec<String>)>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.checks.iter().all(|(_, problems)| problems.is_empty())
    }

    pub fn problem_count(&self) -> usize {
        self.checks.iter().map(|(_, p)| p.len()).sum()
    }
}

/// What a backup file holds, found without changing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub schema_version: i64,
    pub cases: u64,
    pub entries: u64,
    pub contacts: u64,
}

impl Store {
    /// Copies the diary as it is now to `dest`, which must not exist yet;
    /// other programs may go on writing meanwhile. The copy is written beside
    /// `dest`, synced and verified, then renamed into place, so `dest` is a
    /// good backup or absent.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::user(
                crate::error::Msg::new("error-backup-exists")
                    .text("path", dest.display().to_string()),
            ));
        }
        let version: i64 = self
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        // From a keyed connection the copy is written with the same key.
        write_verified(dest, version, self.key(), |tmp| {
            self.conn()
                .execute("VACUUM INTO ?1", [path_text(tmp)?])
                .map_err(|e| classify(e, tmp))?;
            Ok(())
        })
    }
}

/// Runs `quick_check`, `integrity_check` and `foreign_key_check` on the file
/// at `path` without changing it (no upgrade, no writes), so a damaged file
/// can be examined.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    check_file_with_key(path, None)
}

/// [`check_file`] of a file encrypted with `key`.
pub fn check_file_with_key(path: &Path, key: Option<&Passphrase>) -> Result<CheckReport> {
    let conn = open_read_only_keyed(path, key)?;
    let fail = |e: rusqlite::Error| classify_keyed(e, path, key.is_some());
    // One read transaction: every check sees the same snapshot of the file.
    // Without it each statement (and FTS5's own integrity check, which reads
    // the index and its table separately) may see a different commit of a
    // program writing meanwhile, and a healthy index looks "malformed".
    conn.execute_batch("BEGIN DEFERRED").map_err(fail)?;
    let schema_version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(fail)?;
    let checks = vec![
        ("quick_check", pragma_check(&conn, "quick_check")),
        ("integrity_check", pragma_check(&conn, "integrity_check")),
        ("foreign_key_check", foreign_key_check(&conn)),
        ("tallies", tally_check(&conn)),
    ];
    // Nothing was written; a check that hit damage may have ended the
    // transaction already, so this is only tidiness.
    let _ = conn.execute_batch("COMMIT");
    Ok(CheckReport {
        schema_version,
        checks,
    })
}

/// Looks at a backup before it is restored: it must be a casebook database
/// no newer than this program, and whole. The file is opened read-only.
pub fn inspect_backup(path: &Path) -> Result<BackupInfo> {
    inspect_backup_with_key(path, None)
}

/// [`inspect_backup`] of a backup encrypted with `key`.
pub fn inspect_backup_with_key(path: &Path, key: Option<&Passphrase>) -> Result<BackupInfo> {
    let conn = open_read_only_keyed(path, key)?;
    let fail = |e: rusqlite::Error| classify_keyed(e, path, key.is_some());
    let schema_version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(fail)?;
    if schema_version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: schema_version,
            known: SCHEMA_VERSION,
        });
    }
    let has_tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('contacts', 'cases', 'entries')",
            [],
            |r| r.get(0),
        )
        .map_err(fail)?;
    if schema_version < 1 || has_tables < 3 {
        return Err(Error::user(
            crate::error::Msg::new("error-backup-not-a-diary")
                .text("path", path.display().to_string()),
        ));
    }
    let problems = pragma_check(&conn, "integrity_check");
    if let Some(first) = problems.first() {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: Msg::new("corrupt-backup-integrity")
                .num("count", i64::try_from(problems.len()).unwrap_or(i64::MAX))
                .text("first", first),
        });
    }
    let count = |table: &str| -> Result<u64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(fail)
    };
    Ok(BackupInfo {
        schema_version,
        cases: count("cases")?,
        entries: count("entries")?,
        contacts: count("contacts")?,
    })
}

/// Copies the database at `src` (read-only, through SQLite, so a `-wal`
/// beside it is included) to the new file `dest`, verified. The copy is in
/// rollback-journal mode, one self-contained file; opening it as the diary
/// switches it to WAL.
pub fn copy_database(src: &Path, dest: &Path) -> Result<()> {
    copy_database_with_key(src, dest, None)
}

/// [`copy_database`] of a file encrypted with `key`: the copy has the same key.
pub fn copy_database_with_key(src: &Path, dest: &Path, key: Option<&Passphrase>) -> Result<()> {
    let conn = open_read_only_keyed(src, key)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify_keyed(e, src, key.is_some()))?;
    write_verified(dest, version, key, |tmp| {
        conn.execute("VACUUM INTO ?1", [path_text(tmp)?])
            .map_err(|e| classify(e, src))?;
        Ok(())
    })
}

/// Makes sure no other program is using the diary at `path` and folds its
/// write-ahead log into the main file, so the file can be moved. Returns
/// `Ok(false)` when the file could not be read as a database (damaged), in
/// which case any `-wal` beside it must travel with it.
pub fn release(path: &Path) -> Result<bool> {
    release_with_key(path, None)
}

/// [`release`] of a diary encrypted with `key`.
pub fn release_with_key(path: &Path, key: Option<&Passphrase>) -> Result<bool> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| classify(e, path))?;
    conn.busy_timeout(busy_timeout())
        .map_err(|e| classify(e, path))?;
    if let Some(key) = key {
        apply_key(&conn, key).map_err(|e| classify(e, path))?;
    }
    let checkpoint = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    });
    drop(conn);
    match checkpoint {
        Ok(0) => {}
        Ok(_) => return Err(Error::Locked { path: path.into() }),
        Err(e) => match classify_keyed(e, path, key.is_some()) {
            Error::Corrupt { .. } | Error::NotADatabase { .. } => return Ok(false),
            other => return Err(other),
        },
    }
    // The last connection to close removes the `-wal`: if it is still there,
    // another program has the diary open.
    if wal_path(path).exists() {
        return Err(Error::user(
            crate::error::Msg::new("error-diary-open-elsewhere")
                .text("path", path.display().to_string()),
        ));
    }
    Ok(true)
}

/// `casebook.db` → `casebook.db-wal`.
pub(crate) fn wal_path(path: &Path) -> PathBuf {
    sibling(path, "-wal")
}

pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Opens `path` read-only, keyed with `key` when given (before any read).
pub(super) fn open_read_only_keyed(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::user(
            crate::error::Msg::new("error-no-database-file")
                .text("path", path.display().to_string()),
        ));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(e, path))?;
    conn.busy_timeout(busy_timeout())
        .map_err(|e| classify(e, path))?;
    if let Some(key) = key {
        apply_key(&conn, key).map_err(|e| classify(e, path))?;
    }
    Ok(conn)
}

/// `PRAGMA quick_check` / `integrity_check`: the problems, empty when "ok".
/// An error while checking is itself a problem.
fn pragma_check(conn: &Connection, pragma: &str) -> Vec<String> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(&format!("PRAGMA {pragma}({MAX_PROBLEMS})"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(lines) => lines.into_iter().filter(|l| l != "ok").collect(),
        Err(e) => vec![e.to_string()],
    }
}

/// `PRAGMA cipher_integrity_check`: one row per page whose HMAC fails.
fn cipher_check(conn: &Connection) -> Vec<String> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.take(MAX_PROBLEMS).collect()
    };
    run().unwrap_or_else(|e| vec![e.to_string()])
}

fn foreign_key_check(conn: &Connection) -> Vec<String> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            Ok(format!(
                "{table} row {} points at a missing {parent} row",
                rowid.map_or_else(|| "?".to_string(), |id| id.to_string())
            ))
        })?;
        rows.take(MAX_PROBLEMS).collect()
    };
    run().unwrap_or_else(|e| vec![e.to_string()])
}

/// What schema step 10 keeps for the home screen and `due`, each against a
/// recount from the records: (name, kept, recounted). `tallies` rows are
/// totals; `awaited_replies` must hold exactly the referrals awaiting a
/// reply on a case not closed, with their due dates.
const KEPT_COUNTS: &[(&str, &str, &str)] = &[
    (
        "follow_ups_pending",
        "SELECT n FROM tallies WHERE what = 'follow_ups_pending'",
        "SELECT count(*) FROM follow_ups WHERE done_on IS NULL",
    ),
    (
        "keep_informed",
        "SELECT n FROM tallies WHERE what = 'keep_informed'",
        "SELECT count(*) FROM keep_informed WHERE constituent_id IS NOT NULL",
    ),
    (
        "cases:open",
        "SELECT n FROM tallies WHERE what = 'cases:open'",
        "SELECT count(*) FROM cases WHERE status = 'open'",
    ),
    (
        "cases:waiting_council",
        "SELECT n FROM tallies WHERE what = 'cases:waiting_council'",
        "SELECT count(*) FROM cases WHERE status = 'waiting_council'",
    ),
    (
        "cases:waiting_constituent",
        "SELECT n FROM tallies WHERE what = 'cases:waiting_constituent'",
        "SELECT count(*) FROM cases WHERE status = 'waiting_constituent'",
    ),
    (
        "cases:waiting_other",
        "SELECT n FROM tallies WHERE what = 'cases:waiting_other'",
        "SELECT count(*) FROM cases WHERE status = 'waiting_other'",
    ),
    (
        "cases:closed",
        "SELECT n FROM tallies WHERE what = 'cases:closed'",
        "SELECT count(*) FROM cases WHERE status = 'closed'",
    ),
    (
        "awaited_replies",
        "SELECT count(*) FROM awaited_replies",
        "SELECT count(*) FROM referrals r JOIN cases c ON c.id = r.case_id \
         WHERE r.reply_on IS NULL AND c.status <> 'closed'",
    ),
    (
        "awaited_replies not matching their referral",
        "SELECT count(*) FROM awaited_replies a LEFT JOIN referrals r ON r.id = a.referral_id \
         LEFT JOIN cases c ON c.id = r.case_id \
         WHERE r.id IS NULL OR r.reply_on IS NOT NULL OR r.due_on IS NOT a.due_on \
            OR c.status IS NOT NULL AND c.status = 'closed' OR c.id IS NULL",
        "SELECT 0",
    ),
];

impl Store {
    /// The kept counts that differ from a recount of the records, as
    /// `casebook check` reports them (empty: all agree).
    pub fn tally_problems(&self) -> Result<Vec<String>> {
        Ok(tally_check(self.conn()))
    }
}

/// The kept counts that differ from a recount (none before schema step 10).
fn tally_check(conn: &Connection) -> Vec<String> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let present: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'tallies'",
            [],
            |r| r.get(0),
        )?;
        if !present {
            return Ok(Vec::new());
        }
        let mut problems = Vec::new();
        for (what, kept, recount) in KEPT_COUNTS {
            let kept: Option<i64> = conn.query_row(kept, [], |r| r.get(0)).optional()?;
            let counted: i64 = conn.query_row(recount, [], |r| r.get(0))?;
            match kept {
                Some(kept) if kept == counted => {}
                Some(kept) => problems.push(format!(
                    "the kept count {what} is {kept}, but the records give {counted}"
                )),
                None => problems.push(format!("the kept count {what} is missing")),
            }
        }
        Ok(problems)
    };
    run().unwrap_or_else(|e| vec![e.to_string()])
}

/// Writes a database copy with `write(tmp)` to a hidden file beside `dest`,
/// syncs it, checks (opening it with `key`) it is whole and of `version`,
/// then renames it to `dest`. On any failure the partial file is removed and
/// `dest` is untouched.
pub(super) fn write_verified(
    dest: &Path,
    version: i64,
    key: Option<&Passphrase>,
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::user(
            crate::error::Msg::new("error-write-no-folder")
                .text("path", dest.display().to_string())
                .text("folder", dir.display().to_string()),
        ));
    }
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "casebook-copy".into());
    let tmp = dir.join(format!(".{name}.partial-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    // Made empty and user-only first: SQLite writes into it (an empty file
    // is a new database) and the copy never exists readable by others.
    let result = crate::files::create_private(&tmp)
        .map(drop)
        .map_err(|e| Error::cannot_write(dest, &e))
        .and_then(|()| write(&tmp))
        .and_then(|()| sync_file(&tmp))
        .and_then(|()| verify_copy(&tmp, version, key))
        .and_then(|()| std::fs::rename(&tmp, dest).map_err(|e| Error::cannot_write(dest, &e)))
        .map(|()| crate::files::sync_dir(dir));
    if result.is_err() {
        for leftover in [tmp.clone(), wal_path(&tmp), sibling(&tmp, "-shm")] {
            let _ = std::fs::remove_file(leftover);
        }
    }
    result
}

fn verify_copy(path: &Path, version: i64, key: Option<&Passphrase>) -> Result<()> {
    let conn = open_read_only_keyed(path, key)?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify_keyed(e, path, key.is_some()))?;
    let mut problems = pragma_check(&conn, "integrity_check");
    if key.is_some() {
        // Every page's HMAC, including pages no table reaches.
        problems.extend(cipher_check(&conn));
    }
    match problems.first() {
        Some(first) => Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: Msg::new("corrupt-copy-integrity").text("first", first),
        }),
        None if found != version => Err(Error::System(
            Msg::new("error-copy-schema")
                .text("path", path.display().to_string())
                .num("found", found)
                .num("expected", version),
        )),
        None => Ok(()),
    }
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| {
            Error::io(
                Msg::new("doing-sync").text("path", path.display().to_string()),
                e,
            )
        })
}

fn path_text(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| {
        Error::user(
            crate::error::Msg::new("error-path-not-utf8").text("path", path.display().to_string()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EntryKind;
    use crate::store::{LogRequest, Who};

    fn log(store: &mut Store, text: &str) -> Result<()> {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("date");
        store
            .log(&LogRequest {
                who: Who::Named("Sian Jones".into()),
                case: None,
                kind: EntryKind::CallIn,
                at,
                text: text.into(),
                follow_up: None,
                confidential: false,
                surgery: None,
            })
            .map(|_| ())
    }

    #[test]
    fn backup_is_a_whole_rollback_mode_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("c.db")).expect("open");
        log(&mut store, "bins not collected").expect("log");
        let dest = dir.path().join("copy.db");
        store.backup_to(&dest).expect("backup");
        let info = inspect_backup(&dest).expect("inspect");
        assert_eq!(info.entries, 1);
        assert_eq!(info.schema_version, SCHEMA_VERSION);
        let header = std::fs::read(&dest).expect("read");
        assert_eq!(
            header[18], 1,
            "rollback journal mode: one self-contained file"
        );
        assert!(store.backup_to(&dest).is_err(), "never overwrites");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("partial"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_full_disk_is_named_and_saves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.db");
        let mut store = Store::open(&path).expect("open");
        log(&mut store, "first").expect("log");
        let pages: i64 = store
            .conn()
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .expect("pages");
        // The file may not grow: the next page needed is "a full disk".
        store
            .conn()
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .expect("limit");
        let big = "x".repeat(200_000);
        let e = log(&mut store, &big).expect_err("no room");
        assert!(e.to_string().contains("is full: nothing was saved"), "{e}");
        assert_eq!(store.counts().expect("counts").entries, 1);
        assert!(check_file(&path).expect("check").is_ok());
    }

    #[test]
    fn check_reports_a_healthy_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.db");
        let mut store = Store::open(&path).expect("open");
        log(&mut store, "fine").expect("log");
        let report = check_file(&path).expect("check");
        assert!(report.is_ok(), "{report:?}");
        let names: Vec<&str> = report.checks.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "quick_check",
                "integrity_check",
                "foreign_key_check",
                "tallies"
            ]
        );
    }
}
