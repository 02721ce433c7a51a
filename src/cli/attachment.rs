//! `casebook attachment list REF` and `casebook attachment save ID [--out PATH]`:
//! attachments back out of the diary, byte for byte.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Env, stdout_error};
use crate::error::Msg;
use crate::i18n::args as i18n_args;
use crate::mail::{safe_filename, sha256_hex, words};
use crate::{Error, Result};

#[derive(Debug, Args)]
pub struct AttachmentArgs {
    #[command(subcommand)]
    pub command: AttachmentCommand,
}

#[derive(Debug, Subcommand)]
pub enum AttachmentCommand {
    /// The attachments on a case's entries, with their numbers
    List {
        /// The case reference, e.g. 2026-0042
        #[arg(value_name = "REF")]
        reference: String,
    },
    /// Save one attachment to a file (never over an existing file)
    Save {
        /// The attachment's number (from `attachment list` or `show`) or UUID
        #[arg(value_name = "ID")]
        id: String,
        /// Where to write it (default: its own name, in the current folder)
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

pub fn run(env: &Env, args: &AttachmentArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if !env.db_path.exists() {
        return Err(Error::user(
            Msg::new("error-no-diary").text("path", env.db_path.display().to_string()),
        ));
    }
    let store = env.open_store()?;
    match &args.command {
        AttachmentCommand::List { reference } => {
            let case =
                store
                    .case_by_reference(reference.trim())?
                    .ok_or_else(|| Error::NotFound {
                        what: "case with reference",
                        name: reference.trim().to_string(),
                    })?;
            for a in store.attachments_of_case(case.id)? {
                let line = env.i18n.tr(
                    "attachment-line",
                    Some(&i18n_args(&[
                        ("id", a.id.to_string().into()),
                        ("date", a.entry_at.format("%Y-%m-%d").to_string().into()),
                        ("name", words::clean(&a.filename).into()),
                        ("type", words::clean(&a.content_type).into()),
                        ("size", words::size_in(&env.i18n, a.size).into()),
                    ])),
                );
                writeln!(out, "{line}").map_err(stdout_error)?;
            }
            // Files too big for the hub, kept on another device: listed so
            // the councillor knows where they are, by UUID (no number here).
            for a in store.attachments_away_of_case(case.id)? {
                let line = env.i18n.tr(
                    "attachment-line-away",
                    Some(&i18n_args(&[
                        ("uuid", a.uuid.to_string().into()),
                        ("date", a.entry_at.format("%Y-%m-%d").to_string().into()),
                        ("name", words::clean(&a.filename).into()),
                        ("type", words::clean(&a.content_type).into()),
                        ("size", words::size_in(&env.i18n, a.size).into()),
                        ("why", away_why(env, &a).into()),
                    ])),
                );
                writeln!(out, "{line}").map_err(stdout_error)?;
            }
        }
        AttachmentCommand::Save { id, out: path } => {
            let (line, data) = match store.attachment(id) {
                Ok(found) => found,
                Err(not_found @ Error::NotFound { .. }) => {
                    let away = match uuid::Uuid::parse_str(id.trim()) {
                        Ok(u) => store.attachment_away(&u)?,
                        Err(_) => None,
                    };
                    return Err(match away {
                        Some(a) => Error::user(
                            Msg::new("attachment-save-away")
                                .text("name", words::clean(&a.filename))
                                .text("why", away_why(env, &a)),
                        ),
                        None => not_found,
                    });
                }
                Err(e) => return Err(e),
            };
            if sha256_hex(&data) != line.sha256 {
                return Err(Error::user(
                    Msg::new("attachment-checksum").text("id", line.id.to_string()),
                ));
            }
            let path = match path {
                Some(p) => p.clone(),
                None => {
                    let name = safe_filename(&line.filename);
                    PathBuf::from(if name.is_empty() {
                        format!("attachment-{}", line.id)
                    } else {
                        name
                    })
                }
            };
            super::output::write_new_private(env, &path, &data)?;
            writeln!(out, "{}", path.display()).map_err(stdout_error)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Why an attachment's bytes are not here, naming the device that holds
/// them when this diary knows its name.
fn away_why(env: &Env, a: &crate::store::AwayAttachment) -> String {
    match &a.held_by {
        Some(device) => env
            .i18n
            .tr1("attachment-away-on", "device", words::clean(device)),
        None => env.i18n.tr("attachment-away", None),
    }
}
