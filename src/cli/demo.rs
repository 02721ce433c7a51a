//! `casebook demo`: a diary full of invented casework, never mixed into a
//! real one. Without `--db` it writes `demo.db` in the data directory
//! (replacing an earlier demo); with `--db` the file must be new or empty.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use super::{DemoArgs, Env, stdout_error};
use crate::demo::{self, Options};
use crate::store::Store;
use crate::{Error, Result};

pub fn run(env: &Env, args: &DemoArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if args.cases == 0 {
        return Err(Error::invalid("--cases 0: give at least 1 case to invent"));
    }
    let path = env.db_path.as_path();
    let mut replaced = false;
    let mut store = if env.demo {
        // The demo file holds only demo data: an old one is replaced.
        if path.exists() {
            replaced = holds_casework(path);
            remove_database(path)?;
        }
        env.open_store()?
    } else {
        let store = env.open_store()?;
        if !store.is_empty()? {
            return Err(Error::invalid(text::not_empty(path)));
        }
        store
    };
    let started = Instant::now();
    let summary = demo::fill(
        &mut store,
        &Options {
            cases: args.cases,
            seed: args.seed,
            now: env.clock.now(),
            reply_days: env.config.referral_reply_days,
            categories: env.config.categories(),
        },
    )?;
    let took = started.elapsed().as_secs_f64();
    drop(store);
    let report = text::summary(&summary, path, env.demo, replaced, took);
    out.write_all(report.as_bytes()).map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// True unless the file is an empty casebook (an unreadable file counts as
/// holding something, so the message says "replaced").
fn holds_casework(path: &Path) -> bool {
    Store::open(path)
        .and_then(|s| s.is_empty())
        .map(|empty| !empty)
        .unwrap_or(true)
}

/// Removes a database file and its write-ahead log and shared-memory files.
fn remove_database(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::io(
                    format!("cannot replace the old demo diary {}", path.display()),
                    e,
                ));
            }
        }
    }
    Ok(())
}

/// What the command says, kept together for translation.
mod text {
    use std::path::Path;

    use crate::demo::Summary;

    pub fn not_empty(path: &Path) -> String {
        format!(
            "{} already holds casework: demo data is never mixed into a real diary; give a new file",
            path.display()
        )
    }

    pub fn summary(s: &Summary, path: &Path, demo: bool, replaced: bool, secs: f64) -> String {
        let c = &s.counts;
        let mut out = String::new();
        if replaced {
            out += "Replaced the previous demo diary (it held only demo data).\n";
        }
        out += &format!(
            "Invented {} cases for {} contacts ({} of them officers and agencies in the directory) in {secs:.1} s:\n",
            c.cases, c.contacts, s.directory
        );
        out += &format!(
            "  {} diary entries, {} referrals, {} follow-ups, {} surgeries; {} clusters to find in the bigger picture.\n",
            c.entries, c.referrals, c.follow_ups, c.surgeries, s.clusters
        );
        out += &format!("Demo diary: {}\n", path.display());
        if demo {
            out += "Open it with: casebook --demo\n";
        } else {
            out += &format!("Open it with: casebook --db {}\n", shell_quote(path));
        }
        out += "Everyone in it is invented; nothing in it is real casework.\n";
        out
    }

    fn shell_quote(path: &Path) -> String {
        let s = path.display().to_string();
        if s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c))
        {
            s
        } else {
            format!("'{}'", s.replace('\'', r"'\''"))
        }
    }
}
