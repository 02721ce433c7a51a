//! Mail files read in whole and checked (.eml, .msg, mbox, or standard
//! input): for `casebook mail` and for taking mail into a case in the
//! terminal UI, and the inbox folder listed. Nothing is written here.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Arg, Msg};
use crate::mail::{self, Message, Peek, words};
use crate::{Error, Result};

/// The largest file read: an mbox of years of mail is smaller.
const MAX_FILE: u64 = 2 * 1024 * 1024 * 1024;

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_FILE)
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(Msg::new("doing-read-stdin"), e))?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::cannot_read(path, &e))?;
    if meta.is_dir() {
        return Err(Error::user(
            Msg::new("mail-file-is-folder").text("file", path.display().to_string()),
        ));
    }
    if meta.len() > MAX_FILE {
        return Err(Error::user(
            Msg::new("mail-file-too-large").text("file", path.display().to_string()),
        ));
    }
    std::fs::read(path).map_err(|e| Error::cannot_read(path, &e))
}

/// Reads and checks every file; nothing is written here.
pub fn read_all(paths: &[PathBuf], max_attachment: u64) -> Result<Vec<Message>> {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let mut all = Vec::new();
    for path in paths {
        let shown = if path.as_os_str() == "-" {
            words::stdin()
        } else {
            Arg::Text(crate::domain::text::one_line(&path.display().to_string()))
        };
        let bytes = read_input(path)?;
        let messages = mail::read(&bytes).map_err(|e| {
            Error::user(
                Msg::new("mail-file-problem")
                    .arg("file", shown.clone())
                    .arg("problem", Arg::Msg(Box::new(words::problem(&e)))),
            )
        })?;
        for m in &messages {
            if let Some(big) = m
                .attachments
                .iter()
                .find(|a| a.data.len() as u64 > max_attachment)
            {
                return Err(Error::user(words::too_big(
                    shown,
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

/// The mail files of the inbox folder, sorted by name: the saved messages
/// and mailboxes in it (`.eml`, `.msg`, `.mbox`, `.mbx`) and, for a Maildir,
/// every message in `cur/` and `new/`. Hidden files are left out (a mail
/// client's index, a file being written).
pub fn inbox_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let folder = dir.display().to_string();
    let unreadable = |e: std::io::Error| {
        Error::System(
            Msg::new("mail-inbox-unreadable")
                .text("folder", &folder)
                .msg("reason", crate::error::io_problem(&e)),
        )
    };
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(Error::user(
                Msg::new("mail-inbox-not-folder").text("folder", folder),
            ));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::user(
                Msg::new("mail-inbox-missing").text("folder", folder),
            ));
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

/// How much of a mail file is read to list it: its headers are in the
/// first few kilobytes; the rest (the text, attachments) is never read.
const PEEK_BYTES: u64 = 64 * 1024;

/// The sender, date and subject of a mail file, for the inbox listing,
/// read from its start (or, for an Outlook `.msg`, its top properties).
/// The problem, if any, is in the catalogue's words.
pub fn peek_file(path: &Path) -> std::result::Result<Peek, Msg> {
    let io = |e: std::io::Error| Msg::new("mail-peek-unreadable").text("reason", e.to_string());
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut head = Vec::new();
    file.take(PEEK_BYTES).read_to_end(&mut head).map_err(io)?;
    if mail::detect(&head) == mail::Format::Msg {
        let file = std::fs::File::open(path).map_err(io)?;
        return mail::peek_msg(std::io::BufReader::new(file)).map_err(|e| words::problem(&e));
    }
    mail::peek(&head, len <= PEEK_BYTES).map_err(|e| words::problem(&e))
}
