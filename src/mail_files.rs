//! Mail files read in whole and checked (.eml, .msg, mbox, or standard
//! input): for `casebook mail` and for taking mail into a case in the
//! terminal UI. Nothing is written here.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::mail::{self, Message, words};
use crate::{Error, Result};

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
