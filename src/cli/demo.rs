//! `casebook demo`: a diary full of invented casework, never mixed into a
//! real one. Without `--db` it writes `demo.db` in the data directory
//! (replacing an earlier demo); with `--db` the file must be new or empty.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use super::{DemoArgs, Env, stdout_error};
use crate::demo::{self, Options};
use crate::error::Msg;
use crate::store::Store;
use crate::{Error, Result};

pub fn run(env: &Env, args: &DemoArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if args.cases == 0 {
        return Err(Error::user(Msg::new("error-demo-no-cases")));
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
            return Err(Error::user(
                Msg::new("error-demo-not-empty").text("path", path.display().to_string()),
            ));
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
    let report = text::summary(&env.i18n, &summary, path, env.demo, replaced, took);
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
                    crate::error::Msg::new("doing-replace-demo")
                        .text("path", path.display().to_string()),
                    e,
                ));
            }
        }
    }
    Ok(())
}

/// What the command says, in the reader's language.
mod text {
    use std::path::Path;

    use crate::demo::Summary;
    use crate::i18n::{Catalogue, args};

    pub fn summary(
        t: &Catalogue,
        s: &Summary,
        path: &Path,
        demo: bool,
        replaced: bool,
        secs: f64,
    ) -> String {
        let c = &s.counts;
        let mut lines = Vec::new();
        if replaced {
            lines.push(t.tr("demo-replaced", None));
        }
        lines.push(t.tr(
            "demo-invented",
            Some(&args(&[
                ("cases", c.cases.into()),
                ("contacts", c.contacts.into()),
                ("directory", s.directory.into()),
                ("secs", format!("{secs:.1}").into()),
            ])),
        ));
        lines.push(t.tr(
            "demo-also",
            Some(&args(&[
                ("entries", c.entries.into()),
                ("referrals", c.referrals.into()),
                ("follow_ups", c.follow_ups.into()),
                ("surgeries", c.surgeries.into()),
                ("clusters", s.clusters.into()),
            ])),
        ));
        lines.push(t.tr1("demo-where", "path", path.display().to_string()));
        lines.push(if demo {
            t.tr1("demo-open", "command", "casebook --demo")
        } else {
            t.tr1(
                "demo-open",
                "command",
                format!("casebook --db {}", shell_quote(path)),
            )
        });
        lines.push(t.tr("demo-invented-note", None));
        let mut out = lines.join("\n");
        out.push('\n');
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
