//! `casebook erase PERSON [--id UUID] --yes`: the right to erasure. The
//! person's details and every free text about them go; their cases stay as
//! anonymous records so the yearly review still adds up; then the file is
//! rewritten so the bytes are gone from it and its write-ahead log.
//! Without `--yes` nothing changes: it says what would be erased, exit 1.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::sar::resolve;
use super::{Env, EraseArgs, stdout_error};
use crate::error::Msg;
use crate::i18n::args;
use crate::store::{Erasure, Store};
use crate::{Error, Result};

pub fn run(env: &Env, args: &EraseArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut store = open_for_erasure(env)?;
    let person = resolve(&env.i18n, &store, &args.who)?;
    if !args.yes {
        let p = store.erase_preview(person.id)?;
        return Err(Error::user(
            Msg::new("error-erase-needs-yes")
                .text("name", &person.name)
                .num("cases", i64::try_from(p.cases.len()).unwrap_or(i64::MAX))
                .text("refs", p.cases.join(", "))
                .num("entries", i64::try_from(p.entries).unwrap_or(i64::MAX)),
        ));
    }
    let done = store.erase_person(person.id)?;
    report(env, &done, out)?;
    backup_after(env, &store);
    Ok(ExitCode::SUCCESS)
}

/// What was erased, what still mentions the person, and the backups that
/// still hold them. Shared with `retention` and `handover`.
pub(super) fn report(env: &Env, done: &Erasure, out: &mut dyn Write) -> Result<()> {
    let t = &env.i18n;
    let mut lines = vec![t.tr(
        "erase-done",
        Some(&args(&[
            ("people", done.people.len().into()),
            ("cases", done.cases.len().into()),
            ("entries", done.entries.into()),
        ])),
    )];
    if !done.still_mentioned.is_empty() {
        lines.push(t.tr1(
            "erase-still-mentioned",
            "refs",
            done.still_mentioned.join(", "),
        ));
    }
    let backups = older_backups(env);
    if !backups.is_empty() {
        lines.push(
            t.tr1(
                "erase-older-backups",
                "paths",
                backups
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        );
    }
    for l in lines {
        writeln!(out, "{l}").map_err(stdout_error)?;
    }
    if done.wipe_pending {
        super::note(env.i18n.tr("safety-wipe-pending", None));
    }
    Ok(())
}

/// This diary's backups (never another diary's), oldest first: all made
/// before the erasure, since erasing commands open the diary without
/// today's automatic backup (see [`open_for_erasure`]).
pub(super) fn older_backups(env: &Env) -> Vec<PathBuf> {
    crate::backup::all(&env.db_path, &env.config.backup)
}

/// Opens the diary for `erase`, `retention --erase` and `handover` without
/// first making today's automatic backup: that copy would be one more file
/// holding the very data being erased. [`backup_after`] makes it after.
pub(super) fn open_for_erasure(env: &Env) -> Result<Store> {
    if !env.db_path.exists() {
        return Err(Error::user(
            Msg::new("error-no-diary").text("path", env.db_path.display().to_string()),
        ));
    }
    super::safety::open_store_without_backup(env)
}

/// Today's automatic backup, of the diary as it is after the erasure.
pub(super) fn backup_after(env: &Env, store: &Store) {
    if !env.demo
        && let Err(e) = crate::backup::daily(store, &env.config.backup, env.clock.today())
    {
        super::note(
            env.i18n
                .tr1("safety-backup-failed", "problem", e.message(&env.i18n)),
        );
    }
}
