//! `casebook backup`, `restore`, `check`, and the automatic daily backup
//! made when the diary is opened.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{BackupArgs, Env, RestoreArgs, stdout_error};
use crate::backup;
use crate::error::Msg;
use crate::i18n::{Catalogue, args as i18n_args};
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
        super::note(
            env.i18n
                .tr1("safety-backup-failed", "problem", e.message(&env.i18n)),
        );
    }
    Ok(store)
}

/// A killed `encrypt`, `decrypt`, `passphrase` or `restore` may have left a
/// (possibly plain) copy of the diary beside it: wiped before anything else.
fn clean_leftovers(t: &Catalogue, db: &Path) {
    let done = store::remove_leftovers(db);
    for p in &done.removed {
        super::note(t.tr1("safety-leftover-removed", "path", p.display().to_string()));
    }
    for p in &done.failed {
        super::note(t.tr1("safety-leftover-stuck", "path", p.display().to_string()));
    }
}

/// [`open_store`] without today's automatic backup (for erasing commands,
/// which make it after).
pub(super) fn open_store_without_backup(env: &Env) -> Result<Store> {
    let db = &env.db_path;
    clean_leftovers(&env.i18n, db);
    let session = super::crypt::session(env);
    let mut store = if super::crypt::is_new_diary(db) && !env.demo {
        super::crypt::create_diary(env)?
    } else {
        super::crypt::with_diary_key(&env.i18n, db, session, |key| Store::open_with_key(db, key))
            .map_err(|e| name_latest_backup(e, env))?
    };
    // An erasure interrupted before its wipe (killed, disk full, the file
    // held by another program) is finished now.
    if store.wipe_pending() && store.finish_pending_wipe().is_err() {
        super::note(env.i18n.tr("safety-wipe-pending", None));
    }
    Ok(store)
}

fn name_latest_backup(e: Error, env: &Env) -> Error {
    match e {
        Error::Corrupt { path, .. } => Error::Corrupt {
            detail: match backup::latest(&path, &env.config.backup) {
                Some(b) => {
                    Msg::new("corrupt-malformed-restore").text("backup", b.display().to_string())
                }
                None => Msg::new("corrupt-malformed-no-backup"),
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
                return Err(Error::user(
                    Msg::new("error-backup-exists").text("path", p.display().to_string()),
                ));
            }
            dest
        }
        None => {
            let dir = backup::backup_dir(&env.db_path, &env.config.backup);
            crate::files::create_private_dir(&dir).map_err(|e| {
                Error::io(
                    crate::error::Msg::new("doing-create-backups")
                        .text("path", dir.display().to_string()),
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
    super::note(env.i18n.tr("backup-written", None));
    writeln!(out, "{}", dest.display()).map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

pub fn restore(env: &Env, args: &RestoreArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let db = &env.db_path;
    // The backup is examined read-only before anything else is touched.
    let (info, key) = super::crypt::with_passphrase(&env.i18n, &args.path, |key| {
        Ok((
            store::inspect_backup_with_key(&args.path, key)?,
            key.cloned(),
        ))
    })?;
    if same_file(&args.path, db) {
        return Err(Error::user(
            Msg::new("error-restore-itself").text("path", args.path.display().to_string()),
        ));
    }
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Restoring onto a new computer: the default data folder may not exist yet.
    if !dir.is_dir() && env.paths.as_ref().is_some_and(|p| p.data_dir == dir) {
        crate::files::create_private_dir(&dir).map_err(|e| {
            Error::io(
                crate::error::Msg::new("doing-create-data").text("path", dir.display().to_string()),
                e,
            )
        })?;
    }
    if !dir.is_dir() {
        return Err(Error::user(
            Msg::new("error-restore-no-folder")
                .text("path", db.display().to_string())
                .text("folder", dir.display().to_string()),
        ));
    }
    let file_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "casebook.db".into());
    // A plain backup never silently decrypts an encrypted diary: the copy is
    // encrypted with the diary's own passphrase (which must open the diary).
    let diary_key = if key.is_none() && store::is_encrypted(db) {
        clean_leftovers(&env.i18n, db);
        Some(super::crypt::with_passphrase(&env.i18n, db, |k| {
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
            let t = &env.i18n;
            if diary_key.is_some() {
                writeln!(out, "{}", t.tr("restore-encrypted", None)).map_err(stdout_error)?;
            }
            let done = t.tr(
                "restore-done",
                Some(&i18n_args(&[
                    ("backup", args.path.display().to_string().into()),
                    ("path", db.display().to_string().into()),
                    ("cases", info.cases.into()),
                    ("entries", info.entries.into()),
                    ("contacts", info.contacts.into()),
                ])),
            );
            writeln!(out, "{done}").map_err(stdout_error)?;
            if let Some(kept) = kept {
                writeln!(
                    out,
                    "{}",
                    t.tr1("restore-kept", "path", kept.display().to_string())
                )
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
        Error::io(
            crate::error::Msg::new("doing-move-aside").text("path", what.display().to_string()),
            e,
        )
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
            crate::error::Msg::new("doing-restore").text("path", db.display().to_string()),
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
    let report = super::crypt::with_diary_key(&env.i18n, db, session, |key| {
        store::check_file_with_key(db, key)
    })
    .map_err(|e| name_latest_backup(e, env))?;
    let t = &env.i18n;
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(stdout_error);
    let at = |id: &str, p: &Path| t.tr1(id, "path", p.display().to_string());
    w(out, at("check-checking", db))?;
    for (name, problems) in &report.checks {
        if problems.is_empty() {
            w(out, t.tr1("check-ok", "name", name.to_string()))?;
        } else {
            w(
                out,
                t.tr(
                    "check-problems",
                    Some(&i18n_args(&[
                        ("name", name.to_string().into()),
                        ("count", problems.len().into()),
                    ])),
                ),
            )?;
            for p in problems {
                w(out, format!("  {p}"))?;
            }
        }
    }
    if report.schema_version > store::SCHEMA_VERSION {
        w(
            out,
            t.tr(
                "check-schema",
                Some(&i18n_args(&[
                    ("found", report.schema_version.into()),
                    ("known", store::SCHEMA_VERSION.into()),
                ])),
            ),
        )?;
    }
    let mut attention = 0;
    let marker = store::wipe_marker(db);
    if marker.exists() {
        w(out, at("check-wipe-owed", &marker))?;
        attention += 1;
    }
    for p in store::leftovers(db) {
        w(out, at("check-leftover", &p))?;
        attention += 1;
    }
    if store::is_encrypted(db) {
        for p in store::plain_files(copies_beside(env)) {
            w(out, at("check-plain-copy", &p))?;
            attention += 1;
        }
    }
    if report.is_ok() {
        w(out, t.tr("check-healthy", None))?;
        if attention > 0 {
            return Err(Error::user(Msg::new("error-check-attention")));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let latest = backup::latest(db, &env.config.backup);
    let count = i64::try_from(report.problem_count()).unwrap_or(i64::MAX);
    Err(Error::Corrupt {
        path: db.clone(),
        detail: match latest {
            Some(b) => Msg::new("corrupt-check-restore")
                .num("count", count)
                .text("backup", b.display().to_string()),
            None => Msg::new("corrupt-check-no-backup").num("count", count),
        },
    })
}

fn no_diary(db: &Path) -> Error {
    Error::user(Msg::new("error-no-diary-give-db").text("path", db.display().to_string()))
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
