//! `casebook backup`, `restore`, `check`, and the automatic daily backup
//! made when the diary is opened.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{BackupArgs, Env, RestoreArgs, stdout_error};
use crate::backup;
use crate::store::{self, Store};
use crate::{Error, Result};

/// Opens the diary for a command. A damaged file's message names the latest
/// backup; a good one gets its daily backup (never for the demo diary), and
/// a failed backup is a one-line warning, never the command's failure.
pub(super) fn open_store(env: &Env) -> Result<Store> {
    let store = open_store_without_backup(env)?;
    if !env.demo
        && let Err(e) = backup::daily(&store, &env.config.backup, env.clock.today())
    {
        super::note(format_args!(
            "warning: today's automatic backup was not made: {e}"
        ));
    }
    Ok(store)
}

/// What these commands say besides errors, kept together.
mod say {
    pub const LEFTOVER_REMOVED: &str =
        "removed a copy of the diary left by an interrupted encrypt, decrypt or restore";
    pub const LEFTOVER_STUCK: &str = "could not remove a copy of the diary left by an interrupted encrypt, decrypt or restore; delete it";
    pub const LEFTOVER: &str =
        "left by an interrupted encrypt, decrypt or restore (removed at the next open)";
    pub const PLAIN_COPY: &str =
        "a plain (unencrypted) copy of the encrypted diary; delete it once you have a newer backup";
    pub const NEEDS_ATTENTION: &str =
        "the diary is healthy, but the files listed above need attention";
    pub const WIPE_OWED: &str = "an erasure's wipe is pending: old copies of the erased text may remain in the file until casebook next opens the diary with no other program using it";
    pub const RESTORE_ENCRYPTED: &str = "the backup was not encrypted: the restored diary is encrypted with the diary's passphrase, as before";
}

/// A killed `encrypt`, `decrypt`, `passphrase` or `restore` may have left a
/// (possibly plain) copy of the diary beside it: wiped before anything else.
fn clean_leftovers(db: &Path) {
    let done = store::remove_leftovers(db);
    for p in &done.removed {
        eprintln!("casebook: {}: {}", say::LEFTOVER_REMOVED, p.display());
    }
    for p in &done.failed {
        eprintln!(
            "casebook: warning: {}: {}",
            say::LEFTOVER_STUCK,
            p.display()
        );
    }
}

/// [`open_store`] without today's automatic backup (for erasing commands,
/// which make it after).
pub(super) fn open_store_without_backup(env: &Env) -> Result<Store> {
    let db = &env.db_path;
    clean_leftovers(db);
    let session = super::crypt::session(env);
    let mut store = if super::crypt::is_new_diary(db) && !env.demo {
        super::crypt::create_diary(env)?
    } else {
        super::crypt::with_diary_key(db, session, |key| Store::open_with_key(db, key))
            .map_err(|e| name_latest_backup(e, env))?
    };
    // An erasure interrupted before its wipe (killed, disk full, the file
    // held by another program) is finished now.
    if store.wipe_pending() && store.finish_pending_wipe().is_err() {
        super::note(format_args!("warning: {WIPE_PENDING}"));
    }
    Ok(store)
}

/// The erasure is saved but its wipe could not be finished yet.
pub(super) const WIPE_PENDING: &str = "the erasure is saved, but the old copies of the erased text could not be wiped from the file yet (another program has the diary open, or the disk is full); casebook finishes the wipe the next time it opens the diary — `casebook check` shows whether it is still pending";

fn name_latest_backup(e: Error, env: &Env) -> Error {
    match e {
        Error::Corrupt { path, .. } => Error::Corrupt {
            detail: match backup::latest(&path, &env.config.backup) {
                Some(b) => format!(
                    "{}; restore the latest backup with `casebook restore {}`",
                    store::MALFORMED,
                    b.display()
                ),
                None => format!(
                    "{}, and no backup of it was found; copy the file somewhere safe before trying anything",
                    store::MALFORMED
                ),
            },
            path,
        },
        other => other,
    }
}

pub fn backup(env: &Env, args: &BackupArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let now = env.clock.now();
    let name = backup::manual_name(&env.db_path, now);
    let dest = match &args.path {
        Some(p) if p.is_dir() => backup::free_name(p, &name),
        // A path the user named: never replaced, never the diary.
        Some(p) => {
            let dest = crate::files::copy_destination(p, &env.protected())?;
            if dest.exists() {
                return Err(Error::invalid(format!(
                    "{} already exists: choose another name (a backup never overwrites a file)",
                    p.display()
                )));
            }
            dest
        }
        None => {
            let dir = backup::backup_dir(&env.db_path, &env.config.backup);
            crate::files::create_private_dir(&dir).map_err(|e| {
                Error::io(
                    format!("cannot create the backups folder {}", dir.display()),
                    e,
                )
            })?;
            // Two backups in one second: the second is `…T101530-2.db`.
            backup::free_name(&dir, &name)
        }
    };
    if !env.db_path.is_file() {
        return Err(no_diary(&env.db_path));
    }
    let store = env.open_store()?;
    store.backup_to(&dest)?;
    super::note(format_args!(
        "backup written and verified (integrity_check ok)"
    ));
    writeln!(out, "{}", dest.display()).map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

pub fn restore(env: &Env, args: &RestoreArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let db = &env.db_path;
    // The backup is examined read-only before anything else is touched.
    let (info, key) = super::crypt::with_passphrase(&args.path, |key| {
        Ok((
            store::inspect_backup_with_key(&args.path, key)?,
            key.cloned(),
        ))
    })?;
    if same_file(&args.path, db) {
        return Err(Error::invalid(format!(
            "{} is the diary itself: name a backup to restore",
            args.path.display()
        )));
    }
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Restoring onto a new computer: the default data folder may not exist yet.
    if !dir.is_dir() && env.paths.as_ref().is_some_and(|p| p.data_dir == dir) {
        crate::files::create_private_dir(&dir).map_err(|e| {
            Error::io(
                format!("cannot create the data folder {}", dir.display()),
                e,
            )
        })?;
    }
    if !dir.is_dir() {
        return Err(Error::invalid(format!(
            "cannot restore to {}: the folder {} does not exist",
            db.display(),
            dir.display()
        )));
    }
    let file_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "casebook.db".into());
    // A plain backup never silently decrypts an encrypted diary: the copy is
    // encrypted with the diary's own passphrase (which must open the diary).
    let diary_key = if key.is_none() && store::is_encrypted(db) {
        clean_leftovers(db);
        Some(super::crypt::with_passphrase(db, |k| {
            let k = k.ok_or_else(|| Error::WrongPassphrase { path: db.clone() })?;
            store::verify_passphrase(db, k)?;
            Ok(k.clone())
        })?)
    } else {
        None
    };
    let incoming = dir.join(format!(".{file_name}.restoring-{}", std::process::id()));
    let _ = std::fs::remove_file(&incoming);
    let copied =
        store::copy_database_with_key(&args.path, &incoming, key.as_ref()).and_then(|()| {
            match &diary_key {
                Some(k) => store::rekey_file(&incoming, None, Some(k)).map(drop),
                None => Ok(()),
            }
        });
    let key = diary_key.clone().or(key);
    let result = copied.and_then(|()| replace(db, &incoming, key.as_ref(), env));
    match result {
        Ok(kept) => {
            if diary_key.is_some() {
                writeln!(out, "{}", say::RESTORE_ENCRYPTED).map_err(stdout_error)?;
            }
            writeln!(
                out,
                "restored {} into {} (cases: {}, entries: {}, contacts: {})",
                args.path.display(),
                db.display(),
                info.cases,
                info.entries,
                info.contacts
            )
            .map_err(stdout_error)?;
            if let Some(kept) = kept {
                writeln!(out, "the replaced diary was kept as {}", kept.display())
                    .map_err(stdout_error)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            for f in [
                incoming.clone(),
                store::sibling_path(&incoming, "-wal"),
                store::sibling_path(&incoming, "-shm"),
            ] {
                let _ = std::fs::remove_file(f);
            }
            Err(e)
        }
    }
}

/// Puts the verified copy `incoming` in place of `db`, keeping the old diary
/// (and its `-wal`, if it could not be folded in) under a `.replaced-` name.
///
/// An encrypted diary is folded with `key` (the backup's passphrase) when
/// that opens it; else it cannot be read here and its `-wal` travels with it.
fn replace(
    db: &Path,
    incoming: &Path,
    key: Option<&store::Passphrase>,
    env: &Env,
) -> Result<Option<PathBuf>> {
    let move_err = |what: &Path, e: std::io::Error| {
        Error::io(format!("cannot move {} aside", what.display()), e)
    };
    let mut kept = None;
    if db.exists() {
        let db_key = key.filter(|_| store::is_encrypted(db));
        let whole = match store::release_with_key(db, db_key) {
            Err(Error::WrongPassphrase { .. }) => store::release(db)?,
            other => other?,
        };
        let aside = backup::replaced_name(db, env.clock.now());
        // A hard link keeps the old file under its new name while the rename
        // below swaps the diary in one step; copy where links are refused.
        if std::fs::hard_link(db, &aside).is_err() {
            std::fs::copy(db, &aside).map_err(|e| move_err(db, e))?;
        }
        let wal = store::sibling_path(db, "-wal");
        if !whole && wal.exists() {
            std::fs::rename(&wal, store::sibling_path(&aside, "-wal"))
                .map_err(|e| move_err(&wal, e))?;
        }
        // The shared-memory index describes the old -wal only.
        let _ = std::fs::remove_file(store::sibling_path(db, "-shm"));
        kept = Some(aside);
    }
    std::fs::rename(incoming, db).map_err(|e| {
        Error::io(
            format!("cannot put the backup in place at {}", db.display()),
            e,
        )
    })?;
    if let Some(dir) = db.parent() {
        store::sync_dir(dir);
    }
    Ok(kept)
}

pub fn check(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = &env.db_path;
    if !db.is_file() {
        return Err(no_diary(db));
    }
    let session = super::crypt::session(env);
    // A file too damaged to check at all: the advice is the backup, never
    // "run casebook check" again.
    let report =
        super::crypt::with_diary_key(db, session, |key| store::check_file_with_key(db, key))
            .map_err(|e| name_latest_backup(e, env))?;
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(stdout_error);
    w(out, format!("checking {}", db.display()))?;
    for (name, problems) in &report.checks {
        if problems.is_empty() {
            w(out, format!("{name}: ok"))?;
        } else {
            w(out, format!("{name}: {} problem(s)", problems.len()))?;
            for p in problems {
                w(out, format!("  {p}"))?;
            }
        }
    }
    if report.schema_version > store::SCHEMA_VERSION {
        w(
            out,
            format!(
                "schema version {} (this casebook knows up to {})",
                report.schema_version,
                store::SCHEMA_VERSION
            ),
        )?;
    }
    let mut attention = 0;
    let marker = store::wipe_marker(db);
    if marker.exists() {
        w(out, format!("{}: {}", marker.display(), say::WIPE_OWED))?;
        attention += 1;
    }
    for p in store::leftovers(db) {
        w(out, format!("{}: {}", p.display(), say::LEFTOVER))?;
        attention += 1;
    }
    if store::is_encrypted(db) {
        for p in store::plain_files(copies_beside(env)) {
            w(out, format!("{}: {}", p.display(), say::PLAIN_COPY))?;
            attention += 1;
        }
    }
    if report.is_ok() {
        w(out, "the diary is healthy".into())?;
        if attention > 0 {
            return Err(Error::invalid(say::NEEDS_ATTENTION));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let latest = backup::latest(db, &env.config.backup);
    Err(Error::Corrupt {
        path: db.clone(),
        detail: match latest {
            Some(b) => format!(
                "{} problem(s) found; restore the latest backup with `casebook restore {}`",
                report.problem_count(),
                b.display()
            ),
            None => format!(
                "{} problem(s) found, and no backup of it was found; copy the file somewhere safe before trying anything",
                report.problem_count()
            ),
        },
    })
}

fn no_diary(db: &Path) -> Error {
    Error::invalid(format!(
        "there is no diary at {} (give --db to name another)",
        db.display()
    ))
}

fn same_file(a: &Path, b: &Path) -> bool {
    crate::files::same_file(a, b)
}

/// Files that may hold a copy of the diary: those named after it in its
/// folder (`t.db.replaced-…`, leftovers) and its backups; never the diary
/// itself or its own `-wal`/`-shm`.
fn copies_beside(env: &Env) -> Vec<PathBuf> {
    let db = &env.db_path;
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = db
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let own = |p: &Path| {
        ["", "-wal", "-shm", "-journal"]
            .iter()
            .any(|s| store::sibling_path(db, s).file_name() == p.file_name())
    };
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let beside = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .trim_start_matches('.')
                .starts_with(&name)
        });
    let backups = std::fs::read_dir(backup::backup_dir(db, &env.config.backup))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{stem}-"))
        });
    let mut found: Vec<PathBuf> = beside
        .chain(backups)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !own(p))
        .collect();
    found.sort();
    found
}
