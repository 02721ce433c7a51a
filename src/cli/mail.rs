//! `casebook mail FILE…` (or standard input): emails into the diary.
//!
//! Every file is read and checked first; a bad one (empty, a folder, not a
//! message, cut short, an unknown character set, an attachment over the
//! limit) stops the run with one line naming it, before anything is
//! written. Then all the messages of all the files are saved in one
//! transaction: a run is taken in whole or not at all.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Env, stdout_error};
use crate::Result;
use crate::mail::words;
pub use crate::mail_files::{inbox_files, read_all};
use crate::store::{Filed, TakeIn};

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

pub fn run(env: &Env, args: &MailArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let files = match (args.files.is_empty(), env.config.mail.inbox_dir()) {
        (true, Some(dir)) => {
            let files = inbox_files(&dir)?;
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
        untitled: env.i18n.tr("mail-no-subject", None),
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
            eprintln!("casebook: {}", words::contact_created(&env.i18n, name));
        }
        if let Some(r) = &t.unknown_reference {
            eprintln!("casebook: {}", words::unknown_reference(&env.i18n, r));
        }
        writeln!(out, "{}", words::taken_line(&env.i18n, t)).map_err(stdout_error)?;
        if t.entry.is_some()
            && let Filed::Unfiled { open_cases } = &t.filed
        {
            eprintln!("casebook: {}", words::unfiled_hint(&env.i18n, open_cases));
        }
    }
    eprintln!(
        "casebook: {}",
        words::summary(&env.i18n, added, taken.len() - added)
    );
    Ok(ExitCode::SUCCESS)
}
