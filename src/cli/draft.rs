//! `casebook draft --case REF --template NAME [--to NAME] [--out PATH]
//! [--format eml|html|text|clipboard]`: a letter or email from a template,
//! recorded on the case as a draft; `casebook draft --sent ENTRY` confirms
//! it went.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use base64::Engine;
use clap::{Args, ValueEnum};

use super::{Env, stdout_error};
use crate::domain::Id;
use crate::error::Msg;
use crate::letters::Templates;
use crate::letters::compose::{self, Form, Request};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    /// An email that mail programs open as a draft (X-Unsent: 1)
    Eml,
    /// A printable letter
    Html,
    /// The text, printed
    Text,
    /// The text, copied to the terminal's clipboard (OSC 52; works over SSH)
    Clipboard,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The case, by reference (e.g. 2026-0042)
    #[arg(long, value_name = "REF", required_unless_present = "sent")]
    pub case: Option<String>,
    /// acknowledge, referral, update, outcome, chaser, letter, or one of yours
    #[arg(long, value_name = "NAME", required_unless_present = "sent")]
    pub template: Option<String>,
    /// Who it is to (default: the officer of the latest referral for
    /// `referral` and `chaser`, else the constituent)
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,
    /// Where to write it (default: REF-TEMPLATE.eml or .html here)
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "eml")]
    pub format: DraftFormat,
    /// Confirm that the draft entry ENTRY (the number printed) was sent
    #[arg(long, value_name = "ENTRY", conflicts_with_all = ["case", "template", "to", "out"])]
    pub sent: Option<i64>,
}

pub fn run(env: &Env, args: &DraftArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if !env.db_path.exists() {
        return Err(Error::user(
            Msg::new("error-no-diary").text("path", env.db_path.display().to_string()),
        ));
    }
    let mut store = env.open_store()?;
    let now = env.clock.now();
    if let Some(entry) = args.sent {
        if store.mark_sent(Id::new(entry), now)? {
            writeln!(out, "{}", env.i18n.tr1("draft-marked-sent", "entry", entry))
                .map_err(stdout_error)?;
            return Ok(ExitCode::SUCCESS);
        }
        return Err(Error::user(
            Msg::new("draft-not-a-draft").num("entry", entry),
        ));
    }
    let (Some(reference), Some(template)) = (&args.case, &args.template) else {
        return Err(Error::user(Msg::new("draft-give-case")));
    };
    let form = match args.format {
        DraftFormat::Eml => Form::Eml,
        DraftFormat::Html => Form::Html,
        DraftFormat::Text | DraftFormat::Clipboard => Form::Text,
    };
    let templates = Templates::beside_config(&env.config_path);
    let made = compose::compose(
        &store,
        &env.config.me,
        &templates,
        now,
        Request {
            reference,
            template,
            to: args.to.as_deref(),
            form,
        },
    )?;
    for p in &made.problems {
        eprintln!(
            "casebook: {}",
            env.i18n
                .tr1("draft-template-problem", "problem", p.to_string())
        );
    }
    let written = match args.format {
        DraftFormat::Text => {
            out.write_all(&made.bytes).map_err(stdout_error)?;
            None
        }
        DraftFormat::Clipboard => {
            let b64 = base64::engine::general_purpose::STANDARD.encode(&made.bytes);
            write!(out, "\x1b]52;c;{b64}\x07").map_err(stdout_error)?;
            None
        }
        DraftFormat::Eml | DraftFormat::Html => {
            let path = args.out.clone().unwrap_or_else(|| {
                PathBuf::from(format!(
                    "{}-{}.{}",
                    made.reference,
                    template.trim(),
                    made.ext
                ))
            });
            super::output::write_new_private(env, &path, &made.bytes)?;
            Some(path)
        }
    };
    let entry = compose::record(&mut store, &made, now)?;
    if let Some(path) = written {
        writeln!(out, "{}", path.display()).map_err(stdout_error)?;
    }
    eprintln!(
        "casebook: {}",
        env.i18n.tr1("draft-recorded", "entry", entry.raw())
    );
    Ok(ExitCode::SUCCESS)
}
