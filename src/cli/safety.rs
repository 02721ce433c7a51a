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
    let db = &env.db_path;
    let session = super::crypt::session(env);
    let store = if super::crypt::is_new_diary(db) && !env.demo {
        super::crypt::create_diary(env)?
    } else {
        super::crypt::with_diary_key(db, session, |key| Store::open_with_key(db, key))
            .map_err(|e| name_latest_backup(e, env))?
    };
    if !env.demo
        && let Err(e) = backup::daily(&store, &env.config.backup, env.clock.today())
    {
        eprintln!("casebook: warning: today's automatic backup was not made: {e}");
    }
    Ok(store)
}

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
        Some(p) if p.is_dir() => p.join(name),
        Some(p) => p.clone(),
        None => {
            let dir = backup::backup_dir(&env.db_path, &env.config.backup);
            std::fs::create_dir_all(&dir).map_err(|e| {
                Error::io(
                    format!("cannot create the backups folder {}", dir.display()),
                    e,
                )
            })?;
            dir.join(name)
        }
    };
    // Checked before opening, so a taken name changes nothing.
    if dest.exists() {
        return Err(Error::invalid(format!(
            "{} already exists: choose another name (a backup never overwrites a file)",
            dest.display()
        )));
    }
    if !env.db_path.is_file() {
        return Err(no_diary(&env.db_path));
    }
    let store = env.open_store()?;
    store.backup_to(&dest)?;
    eprintln!("casebook: backup written and verified (integrity_check ok)");
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
        std::fs::create_dir_all(&dir).map_err(|e| {
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
    let incoming = dir.join(format!(".{file_name}.restoring-{}", std::process::id()));
    let _ = std::fs::remove_file(&incoming);
    store::copy_database_with_key(&args.path, &incoming, key.as_ref())?;
    match replace(db, &incoming, key.as_ref(), env) {
        Ok(kept) => {
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
    let report =
        super::crypt::with_diary_key(db, session, |key| store::check_file_with_key(db, key))?;
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
    if report.is_ok() {
        w(out, "the diary is healthy".into())?;
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
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
