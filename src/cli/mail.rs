//! `casebook mail FILE…` (or standard input): emails into the diary.
//!
//! Every file is read and checked first; a bad one (empty, a folder, not a
//! message, cut short, an unknown character set, an attachment over the
//! limit) stops the run with one line naming it, before anything is
//! written. Then all the messages of all the files are saved in one
//! transaction: a run is taken in whole or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{Env, stdout_error};
use crate::i18n::{Catalogue, args};
use crate::mail::words;
pub use crate::mail_files::read_all;
use crate::store::{Filed, TakeIn};
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct MailArgs {
    /// .eml, .msg or mbox files; `-`: standard input; none: the inbox
    /// folder of the config ([mail] inbox), else standard input
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Start a case (titled with the subject) for a message no case takes
    #[arg(long)]
    pub new_case: bool,
}

/// The mail files of the inbox folder, sorted by name: the saved messages
/// and mailboxes in it (`.eml`, `.msg`, `.mbox`, `.mbx`) and, for a Maildir,
/// every message in `cur/` and `new/`. Hidden files are left out (a mail
/// client's index, a file being written).
pub fn inbox_files(t: &Catalogue, dir: &Path) -> Result<Vec<PathBuf>> {
    let folder = dir.display().to_string();
    let unreadable = |e: std::io::Error| {
        Error::invalid(t.tr(
            "mail-inbox-unreadable",
            Some(&args(&[
                ("folder", folder.clone().into()),
                ("reason", e.to_string().into()),
            ])),
        ))
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(Error::invalid(t.tr1(
                "mail-inbox-not-folder",
                "folder",
                folder,
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::invalid(t.tr1(
                "mail-inbox-missing",
                "folder",
                folder,
            )));
        }
        Err(e) => return Err(unreadable(e)),
    }
    let list = |d: &Path, any_name: bool| -> Result<Vec<PathBuf>> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(d).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || !entry.file_type().map_err(unreadable)?.is_file() {
                continue;
            }
            let mail_name = path.extension().is_some_and(|x| {
                ["eml", "msg", "mbox", "mbx"]
                    .iter()
                    .any(|m| x.eq_ignore_ascii_case(m))
            });
            if any_name || mail_name {
                found.push(path);
            }
        }
        Ok(found)
    };
    let mut files = list(dir, false)?;
    for sub in ["cur", "new"] {
        let maildir = dir.join(sub);
        if maildir.is_dir() {
            files.extend(list(&maildir, true)?);
        }
    }
    files.sort();
    Ok(files)
}

pub fn run(env: &Env, args: &MailArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let files = match (args.files.is_empty(), env.config.mail.inbox_dir()) {
        (true, Some(dir)) => {
            let files = inbox_files(&env.i18n, &dir)?;
            if files.is_empty() {
                eprintln!(
                    "casebook: {}",
                    env.i18n
                        .tr1("mail-inbox-empty", "folder", dir.display().to_string())
                );
                return Ok(ExitCode::SUCCESS);
            }
            files
        }
        _ => args.files.clone(),
    };
    let messages = read_all(&files, env.config.mail.max_attachment_bytes())?;
    let mut store = env.open_store()?;
    let opts = TakeIn {
        me: env.config.me.email.clone(),
        new_case: args.new_case,
        now: env.clock.now(),
        untitled: words::NO_SUBJECT.to_string(),
        categories: env.config.categories(),
        onto: None,
    };
    let taken = store.take_in_mail(&messages, &opts)?;
    let mut added = 0;
    for t in &taken {
        if t.entry.is_some() {
            added += 1;
        }
        if t.contact_created
            && let Some((_, name)) = &t.contact
        {
            eprintln!("casebook: {}", words::contact_created(name));
        }
        if let Some(r) = &t.unknown_reference {
            eprintln!("casebook: {}", words::unknown_reference(r));
        }
        writeln!(out, "{}", words::taken_line(t)).map_err(stdout_error)?;
        if t.entry.is_some()
            && let Filed::Unfiled { open_cases } = &t.filed
        {
            eprintln!("casebook: {}", words::unfiled_hint(open_cases));
        }
    }
    eprintln!("casebook: {}", words::summary(added, taken.len() - added));
    Ok(ExitCode::SUCCESS)
}
