//! The casebook JSON export, version 1: every table and every field, each
//! record with its UUID and created/updated timestamps, and records pointing
//! at each other by UUID (local row ids mean nothing outside one file).
//!
//! Derived columns (a contact's folded name, a case's area) are left out:
//! they are recomputed on import. Timestamps are kept as the exact text
//! stored, so export → import → export gives identical bytes.
//!
//! Unknown fields are refused rather than dropped: dropping them would lose
//! data silently.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::{
    AgeBand, CaseKind, CaseStatus, Channel, ContactKind, EntryKind, Instruction, Language, Outcome,
    PreferredContact, Role,
};
use crate::error::Msg;
use crate::{Error, Result};

pub const FORMAT: &str = "casebook-export";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// The version of this file format, [`VERSION`].
    pub version: u32,
    /// The database schema version it was written from.
    pub schema: i64,
    /// False when confidential entries were left out.
    pub confidential_included: bool,
    pub contacts: Vec<Contact>,
    pub directory: Vec<DirectoryEntry>,
    pub surgeries: Vec<Surgery>,
    pub cases: Vec<Case>,
    pub entries: Vec<Entry>,
    pub referrals: Vec<Referral>,
    pub follow_ups: Vec<FollowUp>,
    pub tombstones: Vec<Tombstone>,
    /// The last case reference number given out in each year, so that a
    /// restored diary does not hand out a number again.
    pub reference_counters: Vec<ReferenceCounter>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub name: String,
    pub kind: ContactKind,
    pub organisation: Option<String>,
    pub department: Option<String>,
    pub role: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub preferred_contact: Option<PreferredContact>,
    pub gender: Option<String>,
    pub age_band: Option<AgeBand>,
    pub ethnicity: Option<String>,
    pub employment_status: Option<String>,
    pub caution: Option<String>,
    pub notes: Option<String>,
    /// Schema 6; absent from older exports.
    #[serde(default)]
    pub language: Option<Language>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryEntry {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    /// The contact (officer or agency) this entry describes.
    pub contact: Uuid,
    pub handles: String,
    pub categories: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Surgery {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub held_on: NaiveDate,
    pub venue: String,
    pub started_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub reference: String,
    pub title: String,
    pub opened: NaiveDate,
    pub closed: Option<NaiveDate>,
    pub kind: CaseKind,
    pub category: String,
    pub channel: Channel,
    pub location: Option<String>,
    pub postcode: Option<String>,
    pub facts: Option<String>,
    pub wants: Option<String>,
    pub history: Option<String>,
    pub others_involved: Option<String>,
    pub status: CaseStatus,
    pub outcome: Option<Outcome>,
    /// How the case ended, in a sentence (schema 6). Absent from older
    /// exports, which import with none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_note: Option<String>,
    pub satisfaction: Option<u8>,
    pub feedback: Option<String>,
    pub promised_by: Option<NaiveDate>,
    pub consent_to_share: Option<bool>,
    pub surgery: Option<Uuid>,
    pub publicise: bool,
    // Schema 6; absent from older exports.
    #[serde(default)]
    pub contacted_on: Option<NaiveDate>,
    #[serde(default)]
    pub consent_on: Option<NaiveDate>,
    #[serde(default)]
    pub shared: bool,
    /// The people on the case and their roles.
    pub people: Vec<CasePerson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePerson {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub contact: Uuid,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub case: Option<Uuid>,
    pub contact: Option<Uuid>,
    pub kind: EntryKind,
    pub at: NaiveDateTime,
    pub text: String,
    pub confidential: bool,
    pub surgery: Option<Uuid>,
    /// An outgoing letter or email made from a template and not yet
    /// confirmed sent (schema 8; absent means false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// An email's own fields (schema 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<Mail>,
    /// Files attached to the entry, bytes in base64 (schema 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// An email's fields beside its diary entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mail {
    /// SHA-256 of the Message-ID: the same message is not taken in twice.
    pub message_key: Option<String>,
    pub sender: Option<String>,
    pub recipients: Option<String>,
    pub cc: Option<String>,
    pub subject: Option<String>,
}

/// A file attached to a diary entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub filename: String,
    pub content_type: String,
    /// SHA-256 (hex) of the bytes, checked on import.
    pub sha256: String,
    /// The bytes, base64 (standard alphabet, padded).
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub case: Uuid,
    pub to: Uuid,
    pub referred_on: NaiveDate,
    pub council_ref: Option<String>,
    pub instruction: Instruction,
    pub note: Option<String>,
    pub constituent_copied: bool,
    pub due_on: NaiveDate,
    pub reply_on: Option<NaiveDate>,
    pub reply: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub uuid: Uuid,
    pub created_at: String,
    pub updated_at: String,
    pub case: Option<Uuid>,
    pub contact: Option<Uuid>,
    /// The diary entry it came from. (When that entry is confidential and
    /// left out, so is the follow-up: its text quotes the entry.)
    pub entry: Option<Uuid>,
    pub due_on: NaiveDate,
    pub what: String,
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tombstone {
    pub uuid: Uuid,
    /// `contact`, `case`, `entry`, … (what the deleted record was).
    pub kind: String,
    pub deleted_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceCounter {
    pub year: i32,
    pub last: i64,
}

impl Export {
    /// The export as pretty-printed JSON with a final newline.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let mut bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| Error::failed(Msg::new("doing-write-export"), e))?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// Reads an export; `file` names it in messages. Checks the header and
    /// every timestamp, so that what is refused is refused before anything
    /// is written.
    pub fn parse(bytes: &[u8], file: &str, known_schema: i64) -> Result<Export> {
        let text = std::str::from_utf8(super::strip_bom(bytes)).map_err(|_| {
            Error::user(crate::error::Msg::new("error-export-not-utf8").text("file", file))
        })?;
        // Read the header first, so that another program's JSON is named as
        // such rather than reported as a missing field.
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
            schema: Option<i64>,
        }
        let header: Header = serde_json::from_str(text).map_err(|e| {
            Error::user(
                crate::error::Msg::new("error-export-not-json")
                    .text("file", file)
                    .num("line", i64::try_from(e.line()).unwrap_or(i64::MAX))
                    .text("detail", e.to_string()),
            )
        })?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(Error::user(
                crate::error::Msg::new("error-export-not-ours")
                    .text("file", file)
                    .text("format", FORMAT),
            ));
        }
        match (header.version, header.schema) {
            (Some(v), _) if v > VERSION => {
                return Err(Error::user(
                    crate::error::Msg::new("error-export-newer-version")
                        .text("file", file)
                        .num("found", i64::from(v))
                        .num("known", i64::from(VERSION)),
                ));
            }
            (_, Some(s)) if s > known_schema => {
                return Err(Error::user(
                    crate::error::Msg::new("error-export-newer-schema")
                        .text("file", file)
                        .num("found", s)
                        .num("known", known_schema),
                ));
            }
            _ => {}
        }
        let export: Export = serde_json::from_str(text).map_err(|e| {
            Error::user(
                crate::error::Msg::new("error-export-invalid")
                    .text("file", file)
                    .num("line", i64::try_from(e.line()).unwrap_or(i64::MAX))
                    .num("column", i64::try_from(e.column()).unwrap_or(i64::MAX))
                    .text("detail", e.to_string()),
            )
        })?;
        export.check_stamps(file)?;
        export.check_references(file)?;
        Ok(export)
    }

    /// Every UUID a record points at must be a record of the file.
    fn check_references(&self, file: &str) -> Result<()> {
        use std::collections::HashSet;
        let contacts: HashSet<&Uuid> = self.contacts.iter().map(|c| &c.uuid).collect();
        let surgeries: HashSet<&Uuid> = self.surgeries.iter().map(|s| &s.uuid).collect();
        let cases: HashSet<&Uuid> = self.cases.iter().map(|c| &c.uuid).collect();
        let entries: HashSet<&Uuid> = self.entries.iter().map(|e| &e.uuid).collect();
        let mut refs: Vec<(&str, &Uuid, &str, &HashSet<&Uuid>, &Uuid)> = Vec::new();
        for d in &self.directory {
            refs.push(("directory entry", &d.uuid, "contact", &contacts, &d.contact));
        }
        for c in &self.cases {
            if let Some(s) = &c.surgery {
                refs.push(("case", &c.uuid, "surgery", &surgeries, s));
            }
            for p in &c.people {
                refs.push(("case person", &p.uuid, "contact", &contacts, &p.contact));
            }
        }
        for e in &self.entries {
            let links = [
                ("case", &cases, &e.case),
                ("contact", &contacts, &e.contact),
                ("surgery", &surgeries, &e.surgery),
            ];
            for (what, set, link) in links {
                if let Some(u) = link {
                    refs.push(("entry", &e.uuid, what, set, u));
                }
            }
        }
        for r in &self.referrals {
            refs.push(("referral", &r.uuid, "case", &cases, &r.case));
            refs.push(("referral", &r.uuid, "contact", &contacts, &r.to));
        }
        for f in &self.follow_ups {
            let links = [
                ("case", &cases, &f.case),
                ("contact", &contacts, &f.contact),
                ("entry", &entries, &f.entry),
            ];
            for (what, set, link) in links {
                if let Some(u) = link {
                    refs.push(("follow-up", &f.uuid, what, set, u));
                }
            }
        }
        for (from, from_uuid, what, set, uuid) in refs {
            if !set.contains(uuid) {
                return Err(Error::user(
                    Msg::new("error-export-missing-record")
                        .text("file", file)
                        .msg("from", Msg::record(from))
                        .text("from_uuid", from_uuid.to_string())
                        .msg("what", Msg::record(what))
                        .text("uuid", uuid.to_string()),
                ));
            }
        }
        Ok(())
    }

    /// Every created/updated/deleted timestamp must be RFC 3339, as stored.
    fn check_stamps(&self, file: &str) -> Result<()> {
        let mut stamps: Vec<(&str, &Uuid, &str)> = Vec::new();
        for c in &self.contacts {
            stamps.push(("contact", &c.uuid, &c.created_at));
            stamps.push(("contact", &c.uuid, &c.updated_at));
        }
        for d in &self.directory {
            stamps.push(("directory entry", &d.uuid, &d.created_at));
            stamps.push(("directory entry", &d.uuid, &d.updated_at));
        }
        for s in &self.surgeries {
            stamps.push(("surgery", &s.uuid, &s.created_at));
            stamps.push(("surgery", &s.uuid, &s.updated_at));
        }
        for c in &self.cases {
            stamps.push(("case", &c.uuid, &c.created_at));
            stamps.push(("case", &c.uuid, &c.updated_at));
            for p in &c.people {
                stamps.push(("case person", &p.uuid, &p.created_at));
                stamps.push(("case person", &p.uuid, &p.updated_at));
            }
        }
        for e in &self.entries {
            stamps.push(("entry", &e.uuid, &e.created_at));
            stamps.push(("entry", &e.uuid, &e.updated_at));
        }
        for r in &self.referrals {
            stamps.push(("referral", &r.uuid, &r.created_at));
            stamps.push(("referral", &r.uuid, &r.updated_at));
        }
        for f in &self.follow_ups {
            stamps.push(("follow-up", &f.uuid, &f.created_at));
            stamps.push(("follow-up", &f.uuid, &f.updated_at));
        }
        for t in &self.tombstones {
            stamps.push(("tombstone", &t.uuid, &t.deleted_at));
        }
        for (what, uuid, stamp) in stamps {
            if DateTime::parse_from_rfc3339(stamp).is_err() {
                return Err(Error::user(
                    Msg::new("error-export-bad-timestamp")
                        .text("file", file)
                        .msg("what", Msg::record(what))
                        .text("uuid", uuid.to_string())
                        .text("stamp", stamp),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_json_is_named_as_such() {
        let e = Export::parse(b"{\"hello\": 1}", "x.json", 1).expect_err("not ours");
        assert!(e.to_string().contains("not a casebook export"), "{e}");
        let e = Export::parse(
            b"{\"format\": \"casebook-export\", \"version\": 9}",
            "x.json",
            1,
        )
        .expect_err("too new");
        assert!(e.to_string().contains("newer casebook"), "{e}");
        let e = Export::parse(b"{ nope", "x.json", 1).expect_err("broken");
        assert!(e.to_string().contains("line 1"), "{e}");
    }
}
