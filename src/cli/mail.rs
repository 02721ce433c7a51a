//! `casebook mail FILE…` (or standard input): emails into the diary.
//!
//! Every file is read and checked first; a bad one (empty, a folder, not a
//! message, cut short, an unknown character set, an attachment over the
//! limit) stops the run with one line naming it, before anything is
//! written. Then all the messages of all the files are saved in one
//! transaction: a run is taken in whole or not at all.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{Env, stdout_error};
use crate::mail::{self, Message, words};
use crate::store::{Filed, TakeIn};
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct MailArgs {
    /// .eml, .msg or mbox files (none, or `-`: standard input)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Start a case (titled with the subject) for a message no case takes
    #[arg(long)]
    pub new_case: bool,
}

/// The largest file read: an mbox of years of mail is smaller.
const MAX_FILE: u64 = 2 * 1024 * 1024 * 1024;

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_FILE)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io("cannot read standard input", e))?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    if meta.is_dir() {
        return Err(Error::invalid(format!(
            "{} is a folder: give the mail files in it (e.g. {}/*.eml)",
            path.display(),
            path.display()
        )));
    }
    if meta.len() > MAX_FILE {
        return Err(Error::invalid(format!(
            "{} is over 2 GB: split the mailbox",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}

/// Reads and checks every file; nothing is written here.
pub fn read_all(paths: &[PathBuf], max_attachment: u64) -> Result<Vec<Message>> {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let mut all = Vec::new();
    for path in paths {
        let shown = if path.as_os_str() == "-" {
            words::STDIN.to_string()
        } else {
            path.display().to_string()
        };
        let bytes = read_input(path)?;
        let messages = mail::read(&bytes).map_err(|e| Error::invalid(format!("{shown}: {e}")))?;
        for m in &messages {
            if let Some(big) = m
                .attachments
                .iter()
                .find(|a| a.data.len() as u64 > max_attachment)
            {
                return Err(Error::invalid(words::too_big(
                    &shown,
                    &big.filename,
                    big.data.len() as u64,
                    max_attachment,
                )));
            }
        }
        all.extend(messages);
    }
    Ok(all)
}

pub fn run(env: &Env, args: &MailArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let messages = read_all(&args.files, env.config.mail.max_attachment_bytes())?;
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
