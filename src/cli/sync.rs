//! `casebook sync`: push and pull with the hub once; `--conflicts` lists the
//! fields changed on two devices, `--choose ID --keep local|remote` settles one.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Env, stdout_error};
use crate::i18n::{Catalogue, args};
use crate::store::{Choice, SyncStatus};
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Say when the last sync succeeded, what is waiting and what failed,
    /// instead of syncing (no connection is made)
    #[arg(long, conflicts_with_all = ["conflicts", "choose"])]
    pub status: bool,
    /// List the conflicts waiting for you instead of syncing
    #[arg(long, conflicts_with = "choose")]
    pub conflicts: bool,
    /// Settle the conflict with this number (see --conflicts)
    #[arg(long, value_name = "ID", requires = "keep")]
    pub choose: Option<i64>,
    /// Which value to keep: the one typed on this device, or the other one
    #[arg(long, value_name = "WHICH", requires = "choose")]
    pub keep: Option<Keep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Keep {
    Local,
    Remote,
}

pub fn run(env: &Env, args: &SyncArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let t = &env.i18n;
    let mut store = env.open_store()?;
    if args.status {
        let status = store.sync_status()?;
        let text = status_text(&env.i18n, &status, env.config.sync.url.is_some());
        write!(out, "{text}").map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.conflicts {
        let list = store.conflicts()?;
        if list.is_empty() {
            writeln!(out, "{}", t.tr("sync-no-conflicts", None)).map_err(stdout_error)?;
        }
        for c in list {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                c.id,
                clean(c.case.as_deref().unwrap_or(&c.kind)),
                c.field,
                t.tr1("sync-conflict-here", "value", clean(&shown(t, &c.local))),
                match &c.device {
                    Some(device) => t.tr(
                        "sync-conflict-other-named",
                        Some(&crate::i18n::args(&[
                            ("device", clean(device).into()),
                            ("value", clean(&shown(t, &c.remote)).into()),
                        ]))
                    ),
                    None => t.tr1("sync-conflict-other", "value", clean(&shown(t, &c.remote))),
                },
                t.tr(
                    if c.kept_remote {
                        "sync-conflict-kept-other"
                    } else {
                        "sync-conflict-kept-here"
                    },
                    None
                )
            )
            .map_err(stdout_error)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let (Some(id), Some(keep)) = (args.choose, args.keep) {
        let choice = match keep {
            Keep::Local => Choice::Local,
            Keep::Remote => Choice::Remote,
        };
        store.resolve_conflict(id, choice)?;
        writeln!(out, "{}", t.tr1("sync-settled", "id", id)).map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    let url = env
        .config
        .sync
        .url
        .as_deref()
        .ok_or_else(|| Error::user(crate::error::Msg::new("sync-no-url")))?;
    let r = crate::sync::sync_once(&mut store, url)?;
    let mut parts = vec![t.tr(
        "sync-done",
        Some(&crate::i18n::args(&[
            ("sent", r.pushed.into()),
            ("received", r.pulled.into()),
        ])),
    )];
    if r.files_sent + r.files_received > 0 {
        parts.push(t.tr(
            "sync-done-files",
            Some(&crate::i18n::args(&[
                ("sent", r.files_sent.into()),
                ("received", r.files_received.into()),
            ])),
        ));
    }
    if r.files_not_shared > 0 {
        parts.push(t.tr1("sync-done-not-shared", "count", r.files_not_shared));
    }
    if r.erased > 0 {
        parts.push(t.tr1("sync-done-erased", "count", r.erased));
    }
    if r.conflicts > 0 {
        parts.push(t.tr1("sync-done-conflicts", "count", r.conflicts));
    }
    writeln!(out, "{}", parts.join("; ")).map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// The sync status in words, one fact a line.
fn status_text(t: &Catalogue, s: &SyncStatus, configured: bool) -> String {
    let when = |at: &chrono::DateTime<chrono::Utc>| {
        at.with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let mut lines = Vec::new();
    if !configured {
        lines.push(t.tr("sync-status-no-hub", None));
    }
    lines.push(match &s.synced_at {
        Some(at) => t.tr1("sync-status-synced", "when", when(at)),
        None => t.tr("sync-status-never", None),
    });
    if s.joined {
        lines.push(t.tr1("sync-status-waiting", "count", s.waiting));
        lines.push(t.tr1("sync-status-conflicts", "count", s.conflicts));
    }
    if let Some((why, at)) = &s.failure {
        let why = t.tr(&format!("sync-failure-{}", why.as_str()), None);
        lines.push(t.tr(
            "sync-status-failed",
            Some(&args(&[("when", when(at).into()), ("why", why.into())])),
        ));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn shown(t: &Catalogue, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => t.tr("sync-conflict-empty", None),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}
