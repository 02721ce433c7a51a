//! Correspondence in the diary: emails taken in (with their attachments,
//! kept inside the diary) and drafts made from templates.
//!
//! A run of `casebook mail` is one transaction: every message of every file
//! is saved, or none is (a bad file refuses the run before anything is
//! written; see `cli/mail.rs`).

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::Store;
use super::rows::{UuidText, new_uuid, stamp};
use super::{cases, contacts, entries};
use crate::domain::correspondence::case_reference_in;
use crate::domain::{Case, CaseStatus, Channel, Contact, Entry, EntryKind, Id, Role};
use crate::error::Msg;
use crate::mail::{Message, sha256_hex};
use crate::{Error, Result};

/// What `take_in_mail` needs besides the messages.
#[derive(Debug, Clone)]
pub struct TakeIn {
    /// The councillor's address (`[me] email`): mail from it is `email_out`.
    pub me: Option<String>,
    /// Start a case (titled with the subject) when none can be chosen.
    pub new_case: bool,
    /// The time given to a message with no date.
    pub now: NaiveDateTime,
    /// The title of a case started from a message with no subject.
    pub untitled: String,
    pub categories: Vec<String>,
    /// File every message on this case (taken in from the case screen),
    /// whatever its subject says.
    pub onto: Option<Id<Case>>,
}

pub use crate::mail::{Filed, Taken};

/// An email's own fields, beside its diary entry (the export's shape).
pub use crate::exchange::json::Mail as MailMeta;

/// One attachment, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentLine {
    pub id: i64,
    pub uuid: Uuid,
    pub entry: Id<Entry>,
    pub entry_at: NaiveDateTime,
    pub case: Option<String>,
    pub filename: String,
    pub content_type: String,
    pub size: u64,
    pub sha256: String,
}

/// A draft letter or email to record on a case.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDraft {
    pub case: Id<Case>,
    pub contact: Option<Id<Contact>>,
    pub kind: EntryKind,
    pub at: NaiveDateTime,
    pub text: String,
    pub mail: Option<MailMeta>,
}

const LINE_COLUMNS: &str = "a.id, a.uuid, a.entry_id, e.at, c.reference, a.filename, \
     a.content_type, a.size, a.sha256 FROM attachments a JOIN entries e ON e.id = a.entry_id \
     LEFT JOIN cases c ON c.id = e.case_id";

fn line_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AttachmentLine> {
    Ok(AttachmentLine {
        id: r.get(0)?,
        uuid: r.get::<_, UuidText>(1)?.0,
        entry: Id::new(r.get(2)?),
        entry_at: r.get(3)?,
        case: r.get(4)?,
        filename: r.get(5)?,
        content_type: r.get(6)?,
        size: r.get::<_, i64>(7)?.max(0) as u64,
        sha256: r.get(8)?,
    })
}

pub(crate) fn insert_mail(tx: &Connection, entry: Id<Entry>, m: &MailMeta) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO entry_mail (uuid, created_at, updated_at, entry_id, message_key, sender, \
         recipients, cc, subject) \
         SELECT ?7, created_at, updated_at, id, ?2, ?3, ?4, ?5, ?6 FROM entries WHERE id = ?1",
    )?
    .execute(params![
        entry,
        m.message_key,
        m.sender,
        m.recipients,
        m.cc,
        m.subject,
        new_uuid()
    ])?;
    Ok(())
}

pub(crate) fn insert_attachment(
    tx: &Connection,
    entry: Id<Entry>,
    filename: &str,
    content_type: &str,
    data: &[u8],
) -> Result<()> {
    let now = stamp();
    insert_attachment_row(
        tx,
        &new_uuid(),
        &now,
        &now,
        entry,
        filename,
        content_type,
        data,
    )
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_attachment_row(
    tx: &Connection,
    uuid: &str,
    created_at: &str,
    updated_at: &str,
    entry: Id<Entry>,
    filename: &str,
    content_type: &str,
    data: &[u8],
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO attachments (uuid, created_at, updated_at, entry_id, filename, \
         content_type, size, sha256, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        uuid,
        created_at,
        updated_at,
        entry,
        filename,
        content_type,
        data.len() as i64,
        sha256_hex(data),
        data
    ])?;
    Ok(())
}

/// Erasure of correspondence: the attachments of the entries `filter`
/// selects (with `?1` bound to `id`) are deleted and their email fields
/// blanked. The digest of the Message-ID stays: it names no one, and it
/// keeps an erased message from being taken in again from an old mailbox.
pub(crate) fn erase_mail(tx: &Connection, filter: &str, id: i64) -> Result<()> {
    tx.execute(
        &format!(
            "DELETE FROM attachments WHERE entry_id IN (SELECT id FROM entries WHERE {filter})"
        ),
        [id],
    )?;
    tx.execute(
        &format!(
            "UPDATE entry_mail SET sender = NULL, recipients = NULL, cc = NULL, subject = NULL \
             WHERE entry_id IN (SELECT id FROM entries WHERE {filter})"
        ),
        [id],
    )?;
    Ok(())
}

fn join(list: &[crate::mail::Mailbox]) -> Option<String> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|m| m.display())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// The person's open cases (their own: constituent or on behalf of).
fn open_cases_of(tx: &Connection, contact: Id<Contact>) -> Result<Vec<(Id<Case>, String)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT DISTINCT c.id, c.reference FROM case_people p JOIN cases c ON c.id = p.case_id \
         WHERE p.contact_id = ?1 AND p.role IN ('constituent', 'on_behalf_of') \
         AND c.status <> 'closed' ORDER BY c.opened, c.id",
    )?;
    let rows = stmt.query_map([contact], |r| Ok((Id::new(r.get(0)?), r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn contact_by_email(tx: &Connection, address: &str) -> Result<Option<Id<Contact>>> {
    Ok(tx
        .query_row(
            "SELECT id FROM contacts WHERE lower(email) = lower(?1) AND email IS NOT NULL \
             ORDER BY id LIMIT 1",
            [address.trim()],
            |r| r.get(0),
        )
        .optional()?
        .map(Id::new))
}

/// Where a message goes, decided without writing: the case `opts.onto`
/// names; else the case a `[REF]` in the subject names; else the person's
/// only open case; else none (with the person's open cases, for a choice).
/// `contact` is the person the message is about, if already in the diary.
fn destination(
    tx: &Connection,
    m: &Message,
    opts: &TakeIn,
    contact: Option<Id<Contact>>,
) -> Result<(Option<Id<Case>>, Filed, Option<String>)> {
    let mut unknown = None;
    if let Some(id) = opts.onto {
        return Ok((
            Some(id),
            Filed::Case(cases::get(tx, id)?.data.reference),
            None,
        ));
    }
    if let Some(reference) = case_reference_in(&m.subject) {
        match cases::by_reference(tx, &reference)? {
            Some(c) => return Ok((Some(c.id), Filed::Case(c.data.reference), None)),
            None => unknown = Some(reference),
        }
    }
    let open = match contact {
        Some(contact) => open_cases_of(tx, contact)?,
        None => Vec::new(),
    };
    if let [(id, reference)] = open.as_slice() {
        return Ok((Some(*id), Filed::Case(reference.clone()), unknown));
    }
    let open_cases = open.into_iter().map(|(_, r)| r).collect();
    Ok((None, Filed::Unfiled { open_cases }, unknown))
}

/// Who a message is about: the author (original sender of a forward), or
/// for the councillor's own email, whom it went to.
fn person_of(m: &Message, kind: EntryKind) -> Option<&crate::mail::Mailbox> {
    match kind {
        EntryKind::EmailOut => m.to.first(),
        _ => m.author(),
    }
}

fn kind_of(m: &Message, me: Option<&str>) -> EntryKind {
    let from_me = match (&m.from, me) {
        (Some(from), Some(me)) => from.same_address(me),
        _ => false,
    };
    if from_me && m.original_from.is_none() {
        EntryKind::EmailOut
    } else {
        EntryKind::EmailIn
    }
}

fn take_one(tx: &Connection, m: &Message, opts: &TakeIn) -> Result<Taken> {
    let already: Option<i64> = tx
        .query_row(
            "SELECT entry_id FROM entry_mail WHERE message_key = ?1",
            [&m.key],
            |r| r.get(0),
        )
        .optional()?;
    let kind = kind_of(m, opts.me.as_deref());
    let person = person_of(m, kind);
    let mut taken = Taken {
        subject: m.subject.clone(),
        kind,
        entry: None,
        contact: None,
        contact_created: false,
        filed: Filed::Unfiled {
            open_cases: Vec::new(),
        },
        attachments: m.attachments.len(),
        unknown_reference: None,
    };
    if let Some(entry) = already {
        let e = entries::get(tx, Id::new(entry))?;
        if let Some(c) = e.data.case {
            taken.filed = Filed::Case(cases::get(tx, c)?.data.reference);
        }
        if let Some(k) = e.data.contact {
            taken.contact = Some((k, contacts::get(tx, k)?.data.name));
        }
        return Ok(taken);
    }

    let existing = match person {
        Some(p) => contact_by_email(tx, &p.address)?,
        None => None,
    };
    let (mut case, filed, unknown) = destination(tx, m, opts, existing)?;
    taken.filed = filed;
    taken.unknown_reference = unknown;
    let contact = match (existing, person) {
        (Some(id), _) => Some(id),
        (None, None) => None,
        (None, Some(p)) => {
            let mut c = Contact::named(p.name.clone().unwrap_or_else(|| p.address.clone()));
            c.email = Some(p.address.clone());
            taken.contact_created = true;
            Some(contacts::insert(tx, &c)?)
        }
    };
    if let Some(id) = contact {
        taken.contact = Some((id, contacts::get(tx, id)?.data.name));
    }
    let at = m.date.unwrap_or(opts.now);
    if case.is_none() && opts.new_case {
        let title = match crate::mail::case_title(&m.subject) {
            "" => opts.untitled.clone(),
            s => s.to_string(),
        };
        let mut new = Case::new(title, at.date());
        new.channel = Channel::Email;
        new.status = CaseStatus::Open;
        let id = cases::insert(tx, &new, &opts.categories)?;
        if let Some(contact) = contact {
            cases::add_person(
                tx,
                crate::domain::CasePerson {
                    case: id,
                    contact,
                    role: Role::Constituent,
                },
            )?;
        }
        case = Some(id);
        taken.filed = Filed::NewCase(cases::get(tx, id)?.data.reference);
    }

    let subject = m.subject.trim();
    let text = match (subject, m.body.trim()) {
        ("", "") => opts.untitled.clone(),
        (s, "") => s.to_string(),
        ("", b) => b.to_string(),
        (s, b) => format!("{s}\n\n{b}"),
    };
    let entry = entries::insert(
        tx,
        &Entry {
            case,
            contact,
            kind,
            at,
            text,
            confidential: false,
            surgery: None,
        },
    )?;
    insert_mail(
        tx,
        entry,
        &MailMeta {
            message_key: Some(m.key.clone()),
            sender: m.from.as_ref().map(|f| f.display()),
            recipients: join(&m.to),
            cc: join(&m.cc),
            subject: (!subject.is_empty()).then(|| subject.to_string()),
        },
    )?;
    for a in &m.attachments {
        insert_attachment(tx, entry, &a.filename, &a.content_type, &a.data)?;
    }
    taken.entry = Some(entry);
    Ok(taken)
}

impl Store {
    /// Takes messages into the diary, all in one transaction (see the
    /// module notes). A message already taken in (same Message-ID) is
    /// reported and not added again.
    pub fn take_in_mail(&mut self, messages: &[Message], opts: &TakeIn) -> Result<Vec<Taken>> {
        self.write(|tx| messages.iter().map(|m| take_one(tx, m, opts)).collect())
    }

    /// Where [`Store::take_in_mail`] would file `m`, without writing: for
    /// the inbox screen, which asks which case when the message does not
    /// say. `None`: the message is in the diary already.
    pub fn mail_destination(&self, m: &Message, opts: &TakeIn) -> Result<Option<Filed>> {
        let tx = self.conn();
        let already: Option<i64> = tx
            .query_row(
                "SELECT entry_id FROM entry_mail WHERE message_key = ?1",
                [&m.key],
                |r| r.get(0),
            )
            .optional()?;
        if already.is_some() {
            return Ok(None);
        }
        let contact = match person_of(m, kind_of(m, opts.me.as_deref())) {
            Some(p) => contact_by_email(tx, &p.address)?,
            None => None,
        };
        Ok(Some(destination(tx, m, opts, contact)?.1))
    }

    /// Which of `keys` (message keys, [`crate::mail::Message::key`]) are in
    /// the diary already.
    pub fn known_mail_keys<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k str>,
    ) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT 1 FROM entry_mail WHERE message_key = ?1")?;
        let mut known = std::collections::HashSet::new();
        for k in keys {
            if stmt.exists([k])? {
                known.insert(k.to_string());
            }
        }
        Ok(known)
    }

    /// The attachments on a case's entries, oldest entry first.
    pub fn attachments_of_case(&self, case: Id<Case>) -> Result<Vec<AttachmentLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {LINE_COLUMNS} WHERE e.case_id = ?1 ORDER BY e.at, a.id LIMIT 500"
        ))?;
        let rows = stmt.query_map([case], line_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The attachments of one entry.
    pub fn attachments_of_entry(&self, entry: Id<Entry>) -> Result<Vec<AttachmentLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {LINE_COLUMNS} WHERE a.entry_id = ?1 ORDER BY a.id"
        ))?;
        let rows = stmt.query_map([entry], line_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One attachment and its bytes, by its number or UUID.
    pub fn attachment(&self, which: &str) -> Result<(AttachmentLine, Vec<u8>)> {
        let which = which.trim().trim_start_matches('#');
        let (filter, key) = match Uuid::parse_str(which) {
            Ok(u) => ("a.uuid = ?1", u.to_string()),
            Err(_) => match which.parse::<i64>() {
                Ok(n) => ("a.id = ?1", n.to_string()),
                Err(_) => {
                    return Err(Error::user(
                        Msg::new("error-attachment-id").text(
                            "input",
                            which
                                .chars()
                                .filter(|c| !c.is_control())
                                .take(40)
                                .collect::<String>(),
                        ),
                    ));
                }
            },
        };
        self.conn()
            .query_row(
                &format!("SELECT {LINE_COLUMNS_DATA} WHERE {filter}"),
                [key],
                |r| Ok((line_from_row(r)?, r.get::<_, Vec<u8>>(9)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "attachment",
                name: which.to_string(),
            })
    }

    /// The email fields of an entry, if it is an email.
    pub fn mail_of_entry(&self, entry: Id<Entry>) -> Result<Option<MailMeta>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT message_key, sender, recipients, cc, subject FROM entry_mail \
                 WHERE entry_id = ?1",
                [entry],
                |r| {
                    Ok(MailMeta {
                        message_key: r.get(0)?,
                        sender: r.get(1)?,
                        recipients: r.get(2)?,
                        cc: r.get(3)?,
                        subject: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records a letter or email made from a template, marked draft.
    pub fn record_draft(&mut self, d: &NewDraft) -> Result<Id<Entry>> {
        if !matches!(d.kind, EntryKind::EmailOut | EntryKind::LetterOut) {
            return Err(Error::System(Msg::new("error-draft-kind")));
        }
        self.write(|tx| {
            let entry = entries::insert(
                tx,
                &Entry {
                    case: Some(d.case),
                    contact: d.contact,
                    kind: d.kind,
                    at: d.at,
                    text: d.text.clone(),
                    confidential: false,
                    surgery: None,
                },
            )?;
            tx.execute("UPDATE entries SET draft = 1 WHERE id = ?1", [entry])?;
            if let Some(m) = &d.mail {
                insert_mail(tx, entry, m)?;
            }
            Ok(entry)
        })
    }

    /// True when the entry is a draft not yet confirmed sent.
    pub fn is_draft(&self, entry: Id<Entry>) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT draft FROM entries WHERE id = ?1", [entry], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(false))
    }

    /// The councillor confirms a draft was sent: it becomes an ordinary
    /// entry, dated `at`. False when it was not a draft.
    pub fn mark_sent(&mut self, entry: Id<Entry>, at: NaiveDateTime) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE entries SET draft = 0, at = ?2, updated_at = ?3 WHERE id = ?1 AND draft = 1",
                params![entry, super::rows::moment(at), stamp()],
            )?;
            Ok(n == 1)
        })
    }

    /// The drafts on a case not yet confirmed sent, oldest first.
    pub fn drafts_of_case(&self, case: Id<Case>) -> Result<Vec<Id<Entry>>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id FROM entries WHERE case_id = ?1 AND draft = 1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([case], |r| Ok(Id::new(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

const LINE_COLUMNS_DATA: &str = "a.id, a.uuid, a.entry_id, e.at, c.reference, a.filename, \
     a.content_type, a.size, a.sha256, a.data FROM attachments a JOIN entries e ON e.id = a.entry_id \
     LEFT JOIN cases c ON c.id = e.case_id";

impl Store {
    /// A contact's preferred language (`en`, `cy`, `both`; schema 6), read
    /// here until the contact model carries it.
    pub fn contact_language(&self, contact: Id<Contact>) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT language FROM contacts WHERE id = ?1",
                [contact],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// True when a case holds a confidential entry: its constituent is then
    /// never copied in on a referral draft.
    pub fn case_has_confidential(&self, case: Id<Case>) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE case_id = ?1 AND confidential = 1)",
            [case],
            |r| r.get(0),
        )?)
    }
}

impl Store {
    /// The sentence on how a case ended (schema 6), read here until the
    /// case model carries it.
    pub fn case_outcome_note(&self, case: Id<Case>) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT outcome_note FROM cases WHERE id = ?1",
                [case],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }
}

/// Fills in the email fields and attachments of exported entries.
pub(crate) fn export_mail(
    conn: &Connection,
    entries: &mut [crate::exchange::json::Entry],
) -> Result<()> {
    use base64::Engine;
    use std::collections::HashMap;
    let index: HashMap<Uuid, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.uuid, i))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT e.uuid, m.message_key, m.sender, m.recipients, m.cc, m.subject \
         FROM entry_mail m JOIN entries e ON e.id = m.entry_id ORDER BY m.entry_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, UuidText>(0)?.0,
            MailMeta {
                message_key: r.get(1)?,
                sender: r.get(2)?,
                recipients: r.get(3)?,
                cc: r.get(4)?,
                subject: r.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (uuid, mail) = row?;
        if let Some(&i) = index.get(&uuid) {
            entries[i].mail = Some(mail);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT e.uuid, a.uuid, a.created_at, a.updated_at, a.filename, a.content_type, \
         a.sha256, a.data FROM attachments a JOIN entries e ON e.id = a.entry_id ORDER BY a.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let entry = r.get::<_, UuidText>(0)?.0;
        let Some(&i) = index.get(&entry) else {
            continue;
        };
        // Borrowed from SQLite's buffer, one attachment at a time.
        let data = match r.get_ref(7)? {
            rusqlite::types::ValueRef::Blob(b) => {
                base64::engine::general_purpose::STANDARD.encode(b)
            }
            _ => String::new(),
        };
        entries[i]
            .attachments
            .push(crate::exchange::json::Attachment {
                uuid: r.get::<_, UuidText>(1)?.0,
                created_at: r.get(2)?,
                updated_at: r.get(3)?,
                filename: r.get(4)?,
                content_type: r.get(5)?,
                sha256: r.get(6)?,
                data,
            });
    }
    Ok(())
}

/// Saves an imported entry's draft flag, email fields and attachments.
pub(crate) fn import_mail(
    tx: &Connection,
    entry: Id<Entry>,
    e: &crate::exchange::json::Entry,
) -> Result<()> {
    use base64::Engine;
    if e.draft {
        tx.execute("UPDATE entries SET draft = 1 WHERE id = ?1", [entry])
            .map_err(|err| {
                Error::user(
                    Msg::new("error-entry-refused")
                        .text("uuid", e.uuid.to_string())
                        .text("detail", err.to_string()),
                )
            })?;
    }
    if let Some(m) = &e.mail {
        insert_mail(tx, entry, m)?;
    }
    for a in &e.attachments {
        let data = base64::engine::general_purpose::STANDARD
            .decode(a.data.as_bytes())
            .map_err(|_| {
                Error::user(
                    Msg::new("error-attachment-not-base64").text("uuid", a.uuid.to_string()),
                )
            })?;
        if sha256_hex(&data) != a.sha256 {
            return Err(Error::user(
                Msg::new("error-attachment-altered").text("uuid", a.uuid.to_string()),
            ));
        }
        insert_attachment_row(
            tx,
            &a.uuid.to_string(),
            &a.created_at,
            &a.updated_at,
            entry,
            &a.filename,
            &a.content_type,
            &data,
        )?;
    }
    Ok(())
}
