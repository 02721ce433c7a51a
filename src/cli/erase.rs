//! `casebook erase PERSON [--id UUID] --yes`: the right to erasure. The
//! person's details and every free text about them go; their cases stay as
//! anonymous records so the yearly review still adds up; then the file is
//! rewritten so the bytes are gone from it and its write-ahead log.
//! Without `--yes` nothing changes: it says what would be erased, exit 1.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::sar::{open_existing, resolve};
use super::{Env, EraseArgs, stdout_error};
use crate::store::Erasure;
use crate::{Error, Result};

pub fn run(env: &Env, args: &EraseArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let mut store = open_existing(env)?;
    let person = resolve(&store, &args.who)?;
    if !args.yes {
        let p = store.erase_preview(person.id)?;
        let cases = match p.cases.len() {
            0 => "no cases of theirs".to_string(),
            _ => format!("anonymise their cases {}", p.cases.join(", ")),
        };
        return Err(Error::invalid(format!(
            "nothing erased: this would remove {}'s name and contact details, {cases}, and remove the text of {} diary entries; add --yes to erase",
            person.name, p.entries
        )));
    }
    let done = store.erase_person(person.id)?;
    report(env, &done, out)?;
    Ok(ExitCode::SUCCESS)
}

/// What was erased, what still mentions the person, and the backups that
/// still hold them. Shared with `retention` and `handover`.
pub(super) fn report(env: &Env, done: &Erasure, out: &mut dyn Write) -> Result<()> {
    let mut lines = vec![format!(
        "erased {} {}; anonymised {} {}; removed the text of {} diary {}",
        done.people.len(),
        plural(done.people.len(), "person", "people"),
        done.cases.len(),
        plural(done.cases.len(), "case", "cases"),
        done.entries,
        plural(done.entries, "entry", "entries"),
    )];
    if !done.still_mentioned.is_empty() {
        lines.push(format!(
            "the name, email or phone still appears in the text of: {} — edit those by hand",
            done.still_mentioned.join(", ")
        ));
    }
    let backups = older_backups(env);
    if !backups.is_empty() {
        lines.push(format!(
            "older backups still hold this data until they are deleted or rotate out: {}",
            backups
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for l in lines {
        writeln!(out, "{l}").map_err(stdout_error)?;
    }
    Ok(())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The backups folder (as the backup module places it: `backup.dir`, else
/// `backups/` beside the diary) and the `.db` files in it, oldest first.
pub(super) fn older_backups(env: &Env) -> Vec<PathBuf> {
    let dir = crate::backup::backup_dir(&env.db_path, &env.config.backup);
    let Ok(read) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let now = std::time::SystemTime::now();
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = read
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "db"))
        .filter_map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok()?;
            (modified <= now).then_some((modified, p))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}
