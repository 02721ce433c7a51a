//! Reading mail files (SPEC section 10): `.eml` (RFC 5322/MIME), mbox (many
//! messages) and Outlook `.msg` (a compound file of MAPI properties).
//!
//! Pure: bytes in, [`Message`]s out. No store, no files, no clock, so the
//! fuzz target (`fuzz/fuzz_targets/mail.rs`) drives exactly what
//! `casebook mail` runs. MIME itself is `mail-parser`'s work (charsets,
//! encoded words, quoted-printable, HTML to text); this module adds what a
//! casework diary needs on top: refusing what is not a whole message,
//! finding the original sender of a forwarded message, and one shape for
//! all three formats.
//!
//! Attachments are kept as the bytes the message carried: an archive is
//! never unpacked, so a "zip bomb" is only ever its own (small) size.

mod msg;
pub mod words;

use std::borrow::Cow;

use chrono::{DateTime, Local, NaiveDateTime};
use mail_parser::{Address, MessageParser, MimeHeaders, PartType};
use sha2::{Digest, Sha256};

use crate::domain::{Contact, Entry, EntryKind, Id};

/// An address from a message, with the display name when it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    /// As written; compare with [`Mailbox::same_address`].
    pub address: String,
}

impl Mailbox {
    pub fn same_address(&self, other: &str) -> bool {
        self.address.trim().eq_ignore_ascii_case(other.trim())
    }

    /// `Name <address>`, or the address alone.
    pub fn display(&self) -> String {
        match &self.name {
            Some(n) if !n.trim().is_empty() => format!("{} <{}>", n.trim(), self.address),
            _ => self.address.clone(),
        }
    }
}

/// A file attached to a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// One message, whatever file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// SHA-256 (hex) of the Message-ID, or of the whole message without one:
    /// the same message taken in twice has the same key.
    pub key: String,
    pub from: Option<Mailbox>,
    /// For a forwarded message: who wrote it first (the one to file under).
    pub original_from: Option<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    /// Local time, to the second; `None` when the message had no valid date.
    pub date: Option<NaiveDateTime>,
    pub subject: String,
    /// Plain text (HTML-only mail converted to readable text).
    pub body: String,
    pub attachments: Vec<Attachment>,
}

impl Message {
    /// The person the message is about: the original sender of a forwarded
    /// message, else the sender.
    pub fn author(&self) -> Option<&Mailbox> {
        self.original_from.as_ref().or(self.from.as_ref())
    }
}

/// Why a file could not be read as mail. Each prints as one line; the
/// command line puts the file's name before it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("the file is empty (0 bytes)")]
    Empty,
    #[error("this is not an email: no From, Date, Subject or Message-ID header was found")]
    NotMail,
    #[error(
        "the message is cut short: its MIME part ending `--{0}--` is missing (was the file saved whole?)"
    )]
    Truncated(String),
    #[error("the message uses the character set `{0}`, which casebook cannot read")]
    UnknownCharset(String),
    #[error("the mbox file holds no messages")]
    EmptyMbox,
    #[error("message {0} of the mbox file: {1}")]
    InMbox(usize, Box<MailError>),
    #[error("this Outlook .msg file is damaged or not a message: {0}")]
    BadMsg(MsgProblem),
}

/// What is wrong inside an Outlook `.msg` file, as a fact (the catalogue
/// words it: `mail::words::problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgProblem {
    /// The compound-file reader's own words (a low-level detail).
    Container(String),
    /// No subject, sender or text.
    Empty,
    /// A property bigger than any message could hold.
    PropertyTooLarge,
    /// Messages attached inside each other deeper than casebook follows.
    TooDeep(usize),
    /// The attached message `name` is damaged.
    InAttached {
        name: String,
        problem: Box<MsgProblem>,
    },
}

impl std::fmt::Display for MsgProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&words::msg_problem(self).to_string())
    }
}

/// What kind of file the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Eml,
    Mbox,
    Msg,
}

/// The compound-file signature every Outlook `.msg` starts with.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn detect(bytes: &[u8]) -> Format {
    if bytes.starts_with(&CFB_MAGIC) {
        Format::Msg
    } else if bytes.starts_with(b"From ") {
        Format::Mbox
    } else {
        Format::Eml
    }
}

/// Reads every message in `bytes` (one for `.eml` and `.msg`, any number for
/// mbox). Any bad message refuses the whole file.
pub fn read(bytes: &[u8]) -> Result<Vec<Message>, MailError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    match detect(bytes) {
        Format::Msg => Ok(vec![msg::read(bytes)?]),
        Format::Eml => Ok(vec![read_eml(bytes)?]),
        Format::Mbox => {
            let mut out = Vec::new();
            for (i, m) in mail_parser::mailbox::mbox::MessageIterator::new(bytes).enumerate() {
                let m = m.map_err(|_| MailError::InMbox(i + 1, Box::new(MailError::NotMail)))?;
                out.push(
                    read_eml(m.contents()).map_err(|e| MailError::InMbox(i + 1, Box::new(e)))?,
                );
            }
            if out.is_empty() {
                return Err(MailError::EmptyMbox);
            }
            Ok(out)
        }
    }
}

/// What an inbox listing shows of a mail file, from its headers only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peek {
    pub from: Option<Mailbox>,
    pub date: Option<NaiveDateTime>,
    pub subject: String,
    /// The key the message will have in the diary, when it can be known
    /// from the headers (a Message-ID, or a small file read whole).
    pub key: Option<String>,
    /// An mbox: this is its first message of (perhaps) several.
    pub several: bool,
}

/// The headers of the first message in `head`, the start of a mail file
/// (`whole`: the file itself). Enough to list it, never its body.
pub fn peek(head: &[u8], whole: bool) -> Result<Peek, MailError> {
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    let (first, several) = match detect(head) {
        Format::Msg => return msg::peek(std::io::Cursor::new(head)),
        // The first message's headers follow the "From " line.
        Format::Mbox => (
            head.iter()
                .position(|&b| b == b'\n')
                .map_or(&head[head.len()..], |i| &head[i + 1..]),
            true,
        ),
        Format::Eml => (head, false),
    };
    let h = MessageParser::default()
        .parse_headers(first)
        .ok_or(MailError::NotMail)?;
    if h.from().is_none() && h.date().is_none() && h.subject().is_none() && h.message_id().is_none()
    {
        return Err(MailError::NotMail);
    }
    let key = match (h.message_id(), several, whole) {
        (Some(id), false, _) => Some(key_of(Some(id), b"")),
        (None, false, true) => Some(key_of(None, head)),
        _ => None,
    };
    Ok(Peek {
        from: mailboxes(h.from()).into_iter().next(),
        date: h.date().and_then(local_time),
        subject: h.subject().map(|s| clean_line(s, 500)).unwrap_or_default(),
        key,
        several,
    })
}

/// [`peek`] for an Outlook `.msg`, read by sector from `file`.
pub fn peek_msg<F: std::io::Read + std::io::Seek>(file: F) -> Result<Peek, MailError> {
    msg::peek(file)
}

/// Reads one RFC 5322 message.
pub fn read_eml(bytes: &[u8]) -> Result<Message, MailError> {
    let parsed = MessageParser::default()
        .parse(bytes)
        .ok_or(MailError::NotMail)?;
    check_whole(&parsed)?;
    let mut message = convert(&parsed, bytes)?;
    if message.original_from.is_none() {
        // A forward pasted into the body ("---------- Forwarded message")
        message.original_from = inline_forward(&message.subject, &message.body);
    }
    Ok(message)
}

/// Refuses a message that is not one, is cut short, or uses a character set
/// that would turn its text into nonsense.
fn check_whole(m: &mail_parser::Message<'_>) -> Result<(), MailError> {
    if m.from().is_none() && m.date().is_none() && m.subject().is_none() && m.message_id().is_none()
    {
        return Err(MailError::NotMail);
    }
    let raw = m.raw_message();
    for part in &m.parts {
        let Some(ct) = part.content_type() else {
            continue;
        };
        if part.is_multipart()
            && let Some(boundary) = ct.attribute("boundary")
        {
            let end = format!("--{boundary}--");
            if !contains(raw, end.as_bytes()) {
                return Err(MailError::Truncated(boundary.to_string()));
            }
        }
        if ct.ctype().eq_ignore_ascii_case("text")
            && let Some(charset) = ct.attribute("charset")
            && !known_charset(charset)
        {
            return Err(MailError::UnknownCharset(clean_line(charset, 40)));
        }
    }
    Ok(())
}

fn known_charset(charset: &str) -> bool {
    let c = charset.trim().trim_matches('"').to_ascii_lowercase();
    matches!(
        c.as_str(),
        "utf-8" | "utf8" | "us-ascii" | "ascii" | "unicode-1-1-utf-8"
    ) || mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes()).is_some()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// A short single line of untrusted text, for a message.
fn clean_line(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

fn mailboxes(a: Option<&Address<'_>>) -> Vec<Mailbox> {
    let Some(a) = a else { return Vec::new() };
    let list: Vec<&mail_parser::Addr<'_>> = match a {
        Address::List(l) => l.iter().collect(),
        Address::Group(g) => g.iter().flat_map(|g| g.addresses.iter()).collect(),
    };
    list.into_iter()
        .filter_map(|addr| {
            let address = addr.address.as_deref()?.trim();
            (!address.is_empty()).then(|| Mailbox {
                name: addr
                    .name
                    .as_deref()
                    .map(|n| clean_line(n, 200))
                    .filter(|n| !n.trim().is_empty()),
                address: clean_line(address, 320),
            })
        })
        .collect()
}

fn local_time(d: &mail_parser::DateTime) -> Option<NaiveDateTime> {
    if !d.is_valid() {
        return None;
    }
    DateTime::from_timestamp(d.to_timestamp(), 0).map(|t| t.with_timezone(&Local).naive_local())
}

pub(crate) fn key_of(message_id: Option<&str>, raw: &[u8]) -> String {
    let mut h = Sha256::new();
    match message_id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => {
            h.update(b"message-id:");
            h.update(id.trim_matches(['<', '>']).as_bytes());
        }
        None => {
            h.update(b"raw:");
            h.update(raw);
        }
    }
    hex(&h.finalize())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of `data` in hex: what the diary stores beside an attachment.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn body_of(m: &mail_parser::Message<'_>) -> String {
    let text: Option<Cow<'_, str>> = m.body_text(0);
    let text = text.map(|t| t.into_owned()).unwrap_or_default();
    tidy_body(&text)
}

/// Line endings made `\n`, trailing spaces and runs of blank lines removed.
fn tidy_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string()
}

fn convert(m: &mail_parser::Message<'_>, raw: &[u8]) -> Result<Message, MailError> {
    let mut attachments = Vec::new();
    let mut original: Option<(Mailbox, String, Option<NaiveDateTime>)> = None;
    for part in m.attachments() {
        if let PartType::Message(inner) = &part.body {
            // A message forwarded as an attachment: its sender is the author,
            // its text and attachments belong to this entry.
            check_whole(inner)?;
            let inner_msg = convert(inner, inner.raw_message())?;
            if original.is_none()
                && let Some(from) = inner_msg.from.clone()
            {
                original = Some((from, inner_msg.body.clone(), inner_msg.date));
            }
            attachments.extend(inner_msg.attachments);
            continue;
        }
        let content_type = part
            .content_type()
            .map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_string(),
            })
            .unwrap_or_else(|| "application/octet-stream".into())
            .to_ascii_lowercase();
        let filename = part
            .attachment_name()
            .map(safe_filename)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("attachment-{}", attachments.len() + 1));
        attachments.push(Attachment {
            filename,
            content_type: clean_line(&content_type, 100),
            data: part.contents().to_vec(),
        });
    }
    let mut body = body_of(m);
    let mut date = m.date().and_then(local_time);
    let original_from = original.map(|(from, inner_body, inner_date)| {
        if !inner_body.is_empty() {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(FORWARD_SEPARATOR);
            body.push('\n');
            body.push_str(&inner_body);
        }
        date = inner_date.or(date);
        from
    });
    Ok(Message {
        key: key_of(m.message_id(), raw),
        from: mailboxes(m.from()).into_iter().next(),
        original_from,
        to: mailboxes(m.to()),
        cc: mailboxes(m.cc()),
        date,
        subject: m.subject().map(|s| clean_line(s, 500)).unwrap_or_default(),
        body,
        attachments,
    })
}

/// Put between a forwarder's note and the forwarded text.
pub const FORWARD_SEPARATOR: &str = "---------- Forwarded message ----------";

/// Lines that start a forward pasted into a message's text, in the forms
/// the common mail programs write (Gmail, Outlook, Apple Mail, Thunderbird).
const FORWARD_MARKERS: &[&str] = &[
    "---------- forwarded message",
    "-----original message-----",
    "begin forwarded message:",
    "-------- forwarded message --------",
    "-------- original message --------",
    "________________________________",
];

/// The "From:" of the first forwarded block in a text, if the text has one:
/// after a marker line, or (Outlook writes no marker in plain text) in a
/// `From:` / `Sent:` header block of a message whose subject says forward.
pub fn inline_forward(subject: &str, body: &str) -> Option<Mailbox> {
    let lower = body.to_lowercase();
    let marked = FORWARD_MARKERS.iter().filter_map(|m| lower.find(m)).min();
    let block = match marked {
        Some(start) => body.get(start..)?,
        None if is_forward_subject(subject) => body,
        None => return None,
    };
    let lines: Vec<&str> = block
        .lines()
        .skip(usize::from(marked.is_some()))
        .map(|l| l.trim().trim_start_matches('>').trim())
        .collect();
    let window = if marked.is_some() { 8 } else { lines.len() };
    for (i, line) in lines.iter().enumerate().take(window) {
        let rest = ["From:", "from:", "*From:*", "Oddi wrth:", "Oddi wrth :"]
            .iter()
            .find_map(|p| line.strip_prefix(p));
        let Some(rest) = rest else { continue };
        // Without a marker, only a real header block counts.
        let headerish = marked.is_some()
            || lines.iter().skip(i + 1).take(3).any(|l| {
                l.starts_with("Sent:") || l.starts_with("Date:") || l.starts_with("Anfonwyd:")
            });
        if headerish {
            return parse_address_line(rest.trim_start_matches('*').trim());
        }
    }
    None
}

/// A forward's subject prefixes, lower case: `Fwd:`, `Fw:`, `FW:` and
/// Outlook's Welsh `Ymlaen:`.
const FORWARD: [&str; 3] = ["fwd:", "fw:", "ymlaen:"];
/// A reply's: `Re:`, `RE:` and the Welsh `Ateb:`.
const REPLY: [&str; 2] = ["re:", "ateb:"];

/// `Fwd:`, `Fw:`, `FW:` (any case) and Outlook's Welsh `Ymlaen:`.
fn is_forward_subject(subject: &str) -> bool {
    let s = subject.trim_start().to_lowercase();
    FORWARD.iter().any(|p| s.starts_with(p))
}

/// A new case's title from a message's subject: without the forward and
/// reply prefixes mail clients stack at its start ("Fwd: RE: Damp at
/// no. 4" is about "Damp at no. 4"). Empty when nothing else is left.
pub fn case_title(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        // The prefixes are ASCII: a match ends on a character boundary.
        let Some(rest) = FORWARD.iter().chain(REPLY.iter()).find_map(|p| {
            let head = s.as_bytes().get(..p.len())?;
            head.eq_ignore_ascii_case(p.as_bytes())
                .then(|| s.get(p.len()..))
                .flatten()
        }) else {
            return s;
        };
        s = rest.trim_start();
    }
}

/// `Name <a@b>`, `a@b`, `"Name" <a@b>` or `Name [mailto:a@b]`.
fn parse_address_line(s: &str) -> Option<Mailbox> {
    let (name, address) = if let Some(open) = s.find('<') {
        let close = s[open..].find('>')? + open;
        (&s[..open], &s[open + 1..close])
    } else if let Some(open) = s.find("[mailto:") {
        let close = s[open..].find(']')? + open;
        (&s[..open], &s[open + 8..close])
    } else {
        ("", s)
    };
    let address = address.trim();
    if !address.contains('@') || address.contains(char::is_whitespace) {
        return None;
    }
    let name = name.trim().trim_matches('"').trim();
    Some(Mailbox {
        name: (!name.is_empty()).then(|| clean_line(name, 200)),
        address: clean_line(address, 320),
    })
}

/// A file name from a message, safe to save: no folders, no control
/// characters, no leading dots, at most 150 characters.
pub fn safe_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .take(150)
        .collect();
    cleaned.trim().trim_start_matches('.').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_title_loses_the_forward_and_reply_prefixes() {
        for (subject, title) in [
            ("Fwd: Damp at no. 4", "Damp at no. 4"),
            ("FW: Damp", "Damp"),
            ("fw:Damp", "Damp"),
            ("Ymlaen: Lleithder", "Lleithder"),
            ("RE: Fwd: Re: Bins", "Bins"),
            ("Ateb: Biniau", "Biniau"),
            ("  Re:  ", ""),
            ("Refuse collection", "Refuse collection"),
            ("Fwdn't", "Fwdn't"),
            ("Ré: accents stay", "Ré: accents stay"),
        ] {
            assert_eq!(case_title(subject), title, "{subject:?}");
        }
    }

    #[test]
    fn an_inline_forward_names_the_original_sender() {
        let body = "See below\n\n---------- Forwarded message ---------\nFrom: Siân Jones <sian@example.org>\nDate: Mon\n\nHello";
        let m = inline_forward("Fwd: x", body).expect("found");
        assert_eq!(m.address, "sian@example.org");
        assert_eq!(m.name.as_deref(), Some("Siân Jones"));
        assert_eq!(
            inline_forward("Re: x", "From: someone@example.org wrote"),
            None
        );
        let outlook = "See below\n\nFrom: Dai <dai@example.org>\nSent: Monday\nSubject: x\n\nHi";
        assert_eq!(
            inline_forward("FW: x", outlook)
                .map(|m| m.address)
                .as_deref(),
            Some("dai@example.org")
        );
        assert_eq!(inline_forward("Re: x", outlook), None);
    }

    #[test]
    fn filenames_lose_folders_and_controls() {
        assert_eq!(safe_filename("../../etc/passwd"), "passwd");
        assert_eq!(safe_filename("C:\\x\\a\x1b[31m.pdf"), "a[31m.pdf");
        assert_eq!(safe_filename(".bashrc"), "bashrc");
    }

    #[test]
    fn the_same_message_id_gives_the_same_key() {
        assert_eq!(key_of(Some("<a@b>"), b"x"), key_of(Some("a@b"), b"y"));
        assert_ne!(key_of(None, b"x"), key_of(None, b"y"));
    }
}

// What taking a message in did: facts the store returns and `words` says.

/// Where a message was filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// On the case its subject named, or the person's only open case.
    Case(String),
    /// On a case started from it (`--new-case`).
    NewCase(String),
    /// With the person only; these open cases of theirs could take it.
    Unfiled { open_cases: Vec<String> },
}

/// What happened to one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub subject: String,
    pub kind: EntryKind,
    /// `None`: the message was already in the diary (same Message-ID).
    pub entry: Option<Id<Entry>>,
    pub contact: Option<(Id<Contact>, String)>,
    pub contact_created: bool,
    pub filed: Filed,
    pub attachments: usize,
    /// A `[reference]` in the subject that names no case here.
    pub unknown_reference: Option<String>,
}
