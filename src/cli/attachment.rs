//! `casebook attachment list REF` and `casebook attachment save ID [--out PATH]`:
//! attachments back out of the diary, byte for byte.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Env, stdout_error};
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
        return Err(Error::invalid(format!(
            "there is no diary at {} (check --db)",
            env.db_path.display()
        )));
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
                writeln!(
                    out,
                    "#{}  {}  {}  {}  {}",
                    a.id,
                    a.entry_at.format("%Y-%m-%d"),
                    words::clean(&a.filename),
                    a.content_type,
                    words::size(a.size)
                )
                .map_err(stdout_error)?;
            }
        }
        AttachmentCommand::Save { id, out: path } => {
            let (line, data) = store.attachment(id)?;
            if sha256_hex(&data) != line.sha256 {
                return Err(Error::invalid(format!(
                    "attachment #{} does not match its checksum: the diary may be damaged; run `casebook check`",
                    line.id
                )));
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
