//! Outlook `.msg`: a compound file (CFB/OLE) holding the message's MAPI
//! properties, one stream each (`__substg1.0_IIIITTTT`: property id and
//! type), fixed-size ones in `__properties_version1.0`, recipients and
//! attachments in sub-storages ([MS-OXMSG]).
//!
//! When Outlook kept the internet headers (`PidTagTransportMessageHeaders`),
//! they give the Message-ID and date exactly as an `.eml` would.

use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

use cfb::CompoundFile;
use chrono::{DateTime, Local, NaiveDateTime};

use super::{
    Attachment, MailError, Mailbox, Message, MsgProblem, clean_line, key_of, safe_filename,
    tidy_body,
};

const SUBJECT: u16 = 0x0037;
const BODY: u16 = 0x1000;
const BODY_HTML: u16 = 0x1013;
const SENDER_NAME: u16 = 0x0C1A;
const SENDER_EMAIL: u16 = 0x0C1F;
const SENDER_SMTP: u16 = 0x5D01;
// "Sent on behalf of" and creator addresses: Exchange often keeps the
// sender's SMTP address only in one of these.
const SENT_REPRESENTING_SMTP: u16 = 0x5D02;
const SENT_REPRESENTING_EMAIL: u16 = 0x0065;
const CREATOR_SMTP: u16 = 0x5D0A;
const SENT_REPRESENTING_NAME: u16 = 0x0042;
const MESSAGE_ID: u16 = 0x1035;
const HEADERS: u16 = 0x007D;
const SUBMIT_TIME: u16 = 0x0039;
const DELIVERY_TIME: u16 = 0x0E06;
const RECIPIENT_TYPE: u16 = 0x0C15;
const RECIPIENT_NAME: u16 = 0x3001;
const RECIPIENT_EMAIL: u16 = 0x3003;
const RECIPIENT_SMTP: u16 = 0x39FE;
const ATTACH_DATA: u16 = 0x3701;
const ATTACH_FILENAME: u16 = 0x3704;
const ATTACH_LONG_FILENAME: u16 = 0x3707;
const ATTACH_MIME: u16 = 0x370E;

const PT_UNICODE: u16 = 0x001F;
const PT_STRING8: u16 = 0x001E;
const PT_BINARY: u16 = 0x0102;
const PT_SYSTIME: u16 = 0x0040;
const PT_LONG: u16 = 0x0003;

/// Streams larger than this are refused: no real message property is.
const MAX_STREAM: u64 = 256 * 1024 * 1024;

fn bad(what: MsgProblem) -> MailError {
    MailError::BadMsg(what)
}

/// The compound-file reader's failure, kept as its detail.
fn container(e: impl std::fmt::Display) -> MailError {
    bad(MsgProblem::Container(e.to_string()))
}

pub(super) fn read(bytes: &[u8]) -> Result<Message, MailError> {
    let mut cf = CompoundFile::open(Cursor::new(bytes)).map_err(container)?;
    let (mut message, message_id) = read_message(&mut cf, Path::new("/"), ROOT_HEADER, 0)?;
    message.key = key_of(message_id.as_deref(), bytes);
    Ok(message)
}

/// The sender, date, subject and Message-ID of a `.msg`, read from its
/// top-level properties only (the compound file is read by sector, so a
/// large attachment is never loaded): for listing an inbox folder.
pub(super) fn peek<F: Read + Seek>(file: F) -> Result<super::Peek, MailError> {
    let mut cf = CompoundFile::open(file).map_err(container)?;
    let root = Path::new("/");
    let subject = string(&mut cf, root, SUBJECT)?;
    let headers = string(&mut cf, root, HEADERS)?;
    let parsed = headers
        .as_deref()
        .and_then(|h| mail_parser::MessageParser::default().parse_headers(h.as_bytes()));
    let mut from = None;
    for id in [
        SENDER_SMTP,
        SENDER_EMAIL,
        SENT_REPRESENTING_SMTP,
        SENT_REPRESENTING_EMAIL,
    ] {
        if let Some(a) = string(&mut cf, root, id)?.filter(|a| a.contains('@')) {
            from = Some(a);
            break;
        }
    }
    let name =
        string(&mut cf, root, SENDER_NAME)?.or(string(&mut cf, root, SENT_REPRESENTING_NAME)?);
    let from = match (from, name) {
        (Some(address), name) => Some(Mailbox {
            name: name
                .map(|n| clean_line(&n, 200))
                .filter(|n| !n.trim().is_empty()),
            address: clean_line(&address, 320),
        }),
        (None, Some(name)) => Some(Mailbox {
            name: None,
            address: clean_line(&name, 200),
        }),
        (None, None) => parsed
            .as_ref()
            .and_then(|h| super::mailboxes(h.from()).into_iter().next()),
    };
    let props = properties(&mut cf, root, ROOT_HEADER)?;
    let date = parsed
        .as_ref()
        .and_then(|h| h.date())
        .and_then(super::local_time)
        .or_else(|| systime(&props, SUBMIT_TIME))
        .or_else(|| systime(&props, DELIVERY_TIME));
    let message_id = string(&mut cf, root, MESSAGE_ID)?.or_else(|| {
        parsed
            .as_ref()
            .and_then(|h| h.message_id().map(str::to_string))
    });
    Ok(super::Peek {
        from,
        date,
        subject: subject.map(|s| clean_line(&s, 500)).unwrap_or_default(),
        key: message_id.map(|id| key_of(Some(&id), b"")),
        several: false,
    })
}

/// The properties header of the message at the top of the file; an
/// embedded (attached) message's is 8 bytes shorter ([MS-OXMSG] 2.4.1).
const ROOT_HEADER: usize = 32;
const EMBEDDED_HEADER: usize = 24;
/// How deep messages attached to attached messages are followed: Outlook
/// users forward forwards, but no real chain is this deep.
const MAX_DEPTH: usize = 8;

const ATTACH_METHOD: u16 = 0x3705;
const ATTACH_DISPLAY_NAME: u16 = 0x3001;
/// `afEmbeddedMessage`: the attachment is an Outlook message, stored as a
/// storage (`__substg1.0_3701000D`) holding its own properties,
/// recipients and attachments.
const METHOD_EMBEDDED: u64 = 5;
const PT_OBJECT: u16 = 0x000D;

/// Reads the message whose properties are in the storage `root`: the file's
/// own message, or (at `depth` > 0) one attached to it. The key is left
/// empty; the message's Message-ID, if it had one, comes beside it.
fn read_message<F: Read + Seek>(
    cf: &mut CompoundFile<F>,
    root: &Path,
    header: usize,
    depth: usize,
) -> Result<(Message, Option<String>), MailError> {
    let subject = string(cf, root, SUBJECT)?;
    let headers = string(cf, root, HEADERS)?;
    let parsed_headers = headers
        .as_deref()
        .and_then(|h| mail_parser::MessageParser::default().parse_headers(h.as_bytes()));
    if subject.is_none()
        && string(cf, root, BODY)?.is_none()
        && !cf.is_stream(stream_name(root, SENDER_NAME, PT_UNICODE))
        && !cf.is_stream(stream_name(root, SENDER_NAME, PT_STRING8))
    {
        return Err(bad(MsgProblem::Empty));
    }

    let mut from_address = None;
    for id in [
        SENDER_SMTP,
        SENDER_EMAIL,
        SENT_REPRESENTING_SMTP,
        SENT_REPRESENTING_EMAIL,
        CREATOR_SMTP,
    ] {
        if let Some(a) = string(cf, root, id)?.filter(|a| a.contains('@')) {
            from_address = Some(a);
            break;
        }
    }
    let from_address = from_address.or_else(|| {
        parsed_headers
            .as_ref()
            .and_then(|h| super::mailboxes(h.from()).into_iter().next())
            .map(|m| m.address)
    });
    let from = from_address.map(|address| Mailbox {
        name: None,
        address: clean_line(&address, 320),
    });
    let name = string(cf, root, SENDER_NAME)?.or(string(cf, root, SENT_REPRESENTING_NAME)?);
    let from = match (from, name) {
        (Some(mut m), Some(name)) => {
            m.name = Some(clean_line(&name, 200)).filter(|n| !n.trim().is_empty());
            Some(m)
        }
        (m, _) => m,
    };

    let mut body = match string(cf, root, BODY)? {
        Some(b) => tidy_body(&b),
        None => match binary(cf, root, BODY_HTML)? {
            Some(html) => tidy_body(&mail_parser::decoders::html::html_to_text(
                &String::from_utf8_lossy(&html),
            )),
            None => String::new(),
        },
    };

    let props = properties(cf, root, header)?;
    let mut date = parsed_headers
        .as_ref()
        .and_then(|h| h.date())
        .and_then(super::local_time)
        .or_else(|| systime(&props, SUBMIT_TIME))
        .or_else(|| systime(&props, DELIVERY_TIME));

    let message_id = string(cf, root, MESSAGE_ID)?.or_else(|| {
        parsed_headers
            .as_ref()
            .and_then(|h| h.message_id().map(str::to_string))
    });

    let (mut to, mut cc) = (Vec::new(), Vec::new());
    let mut attachments = Vec::new();
    let mut original_from = None;
    let subs: Vec<(String, PathBuf)> = cf
        .read_storage(root)
        .map_err(container)?
        .filter(|e| e.is_storage())
        .map(|e| (e.name().to_string(), e.path().to_path_buf()))
        .collect();
    for (name, path) in subs {
        if name.starts_with("__recip_version1.0_") {
            let address =
                string(cf, &path, RECIPIENT_SMTP)?
                    .or(string(cf, &path, RECIPIENT_EMAIL)?.filter(|a| a.contains('@')));
            let Some(address) = address else { continue };
            let mailbox = Mailbox {
                name: string(cf, &path, RECIPIENT_NAME)?
                    .map(|n| clean_line(&n, 200))
                    .filter(|n| !n.trim().is_empty() && !n.eq_ignore_ascii_case(&address)),
                address: clean_line(&address, 320),
            };
            let kind = properties(cf, &path, 8)?
                .iter()
                .find(|p| p.id == RECIPIENT_TYPE && p.kind == PT_LONG)
                .map(|p| p.value & 0xFF)
                .unwrap_or(1);
            match kind {
                2 => cc.push(mailbox),
                1 => to.push(mailbox),
                _ => {} // Bcc: not written on the message others saw
            }
        } else if name.starts_with("__attach_version1.0_") {
            let inner = path.join(format!("__substg1.0_{ATTACH_DATA:04X}{PT_OBJECT:04X}"));
            if cf.is_storage(&inner) {
                let method = properties(cf, &path, 8)?
                    .iter()
                    .find(|p| p.id == ATTACH_METHOD && p.kind == PT_LONG)
                    .map(|p| p.value & 0xFFFF_FFFF);
                // An OLE object (method 6) also lives in a storage; only a
                // message is read. Outlook always writes the method.
                if method != Some(METHOD_EMBEDDED) {
                    continue;
                }
                // "Forward as attachment" in Outlook, or a message dragged
                // into one: as with an attached .eml, its author is whom the
                // entry is about, its text follows the forwarder's note and
                // its attachments are kept on the entry.
                let shown = string(cf, &path, ATTACH_DISPLAY_NAME)?
                    .or(string(cf, &path, ATTACH_LONG_FILENAME)?)
                    .map(|n| clean_line(&n, 80))
                    .unwrap_or_else(|| format!("{}", attachments.len() + 1));
                if depth + 1 > MAX_DEPTH {
                    return Err(bad(MsgProblem::TooDeep(MAX_DEPTH)));
                }
                let embedded =
                    read_message(cf, &inner, EMBEDDED_HEADER, depth + 1).map_err(|e| match e {
                        MailError::BadMsg(why) if depth == 0 => bad(MsgProblem::InAttached {
                            name: shown.clone(),
                            problem: Box::new(why),
                        }),
                        other => other,
                    })?;
                let (embedded, _) = embedded;
                if original_from.is_none() {
                    original_from = embedded.author().cloned();
                }
                if !embedded.body.is_empty() {
                    if !body.is_empty() {
                        body.push_str("\n\n");
                    }
                    body.push_str(super::FORWARD_SEPARATOR);
                    body.push('\n');
                    body.push_str(&embedded.body);
                }
                date = embedded.date.or(date);
                attachments.extend(embedded.attachments);
                continue;
            }
            let Some(data) = binary(cf, &path, ATTACH_DATA)? else {
                continue;
            };
            let filename = string(cf, &path, ATTACH_LONG_FILENAME)?
                .or(string(cf, &path, ATTACH_FILENAME)?)
                .map(|n| safe_filename(&n))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("attachment-{}", attachments.len() + 1));
            let content_type = string(cf, &path, ATTACH_MIME)?
                .map(|t| clean_line(t.trim(), 100).to_ascii_lowercase())
                .filter(|t| t.contains('/'))
                .unwrap_or_else(|| "application/octet-stream".into());
            attachments.push(Attachment {
                filename,
                content_type,
                data,
            });
        }
    }

    let mut message = Message {
        key: String::new(),
        from,
        original_from,
        to,
        cc,
        date,
        subject: subject.map(|s| clean_line(&s, 500)).unwrap_or_default(),
        body,
        attachments,
    };
    if message.original_from.is_none() {
        message.original_from = super::inline_forward(&message.subject, &message.body);
    }
    Ok((message, message_id))
}

fn stream_name(dir: &Path, id: u16, kind: u16) -> PathBuf {
    dir.join(format!("__substg1.0_{id:04X}{kind:04X}"))
}

fn raw<F: Read + Seek>(
    cf: &mut CompoundFile<F>,
    path: &Path,
) -> Result<Option<Vec<u8>>, MailError> {
    if !cf.is_stream(path) {
        return Ok(None);
    }
    let mut stream = cf.open_stream(path).map_err(container)?;
    if stream.len() > MAX_STREAM {
        return Err(bad(MsgProblem::PropertyTooLarge));
    }
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).map_err(container)?;
    Ok(Some(buf))
}

/// A string property, in either of its two encodings.
fn string<F: Read + Seek>(
    cf: &mut CompoundFile<F>,
    dir: &Path,
    id: u16,
) -> Result<Option<String>, MailError> {
    if let Some(b) = raw(cf, &stream_name(dir, id, PT_UNICODE))? {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let s = String::from_utf16_lossy(&units);
        return Ok(Some(s.trim_end_matches('\0').to_string()).filter(|s| !s.is_empty()));
    }
    if let Some(b) = raw(cf, &stream_name(dir, id, PT_STRING8))? {
        // 8-bit strings are in the message's code page, almost always
        // Windows-1252 for the languages casebook serves.
        let s = match mail_parser::decoders::charsets::map::charset_decoder(b"windows-1252") {
            Some(decode) => decode(&b),
            None => String::from_utf8_lossy(&b).into_owned(),
        };
        return Ok(Some(s.trim_end_matches('\0').to_string()).filter(|s| !s.is_empty()));
    }
    Ok(None)
}

fn binary<F: Read + Seek>(
    cf: &mut CompoundFile<F>,
    dir: &Path,
    id: u16,
) -> Result<Option<Vec<u8>>, MailError> {
    raw(cf, &stream_name(dir, id, PT_BINARY))
}

struct Property {
    id: u16,
    kind: u16,
    value: u64,
}

/// The fixed-size properties of a storage: a header (32 bytes for the
/// message, 8 for a recipient or attachment), then 16 bytes a property.
fn properties<F: Read + Seek>(
    cf: &mut CompoundFile<F>,
    dir: &Path,
    header: usize,
) -> Result<Vec<Property>, MailError> {
    let Some(b) = raw(cf, &dir.join("__properties_version1.0"))? else {
        return Ok(Vec::new());
    };
    Ok(b.get(header..)
        .unwrap_or_default()
        .chunks_exact(16)
        .map(|c| {
            let tag = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let mut v = [0u8; 8];
            v.copy_from_slice(&c[8..16]);
            Property {
                id: (tag >> 16) as u16,
                kind: (tag & 0xFFFF) as u16,
                value: u64::from_le_bytes(v),
            }
        })
        .collect())
}

/// A FILETIME (100 ns since 1601) property as local time.
fn systime(props: &[Property], id: u16) -> Option<NaiveDateTime> {
    let p = props.iter().find(|p| p.id == id && p.kind == PT_SYSTIME)?;
    let secs = i64::try_from(p.value / 10_000_000).ok()? - 11_644_473_600;
    DateTime::from_timestamp(secs, 0).map(|t| t.with_timezone(&Local).naive_local())
}
