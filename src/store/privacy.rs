//! Data-protection duties: finding one person, subject access requests,
//! erasure (anonymise while the review's counts survive, and make the bytes
//! really go), the retention period, and the end-of-term hand-over.
//!
//! What erasure keeps, so that the review still adds up: every case row with
//! its reference, dates, kind, category, channel, status, outcome,
//! satisfaction and consent; the postcode *sector* as the case's area (a
//! sector is thousands of homes, not a person); every entry's kind, date and
//! case; the contact row with its demographic bands. What goes: names and
//! contact details, every free text (titles, facts, wants, history, others
//! involved, street-level location, feedback, entry text, follow-up and
//! referral notes), and the words in the search index.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::Store;
use super::audit::{self, AuditAction};
use super::rows::{UuidText, stamp};
use crate::domain::disclosure::{
    CaseField, Reason, Standing, With, discloses, discloses_entry, passages_naming,
};
use crate::domain::retention::Activity;
use crate::domain::text::{fold, name_key, names_look_alike, postcode_sector};
use crate::domain::{Case, Contact, ContactKind, Id};
use crate::exchange::json as x;
use crate::{Error, Result};

/// The name an erased person's row keeps (the row stays so counts survive).
pub const ERASED_NAME: &str = "Erased person";
/// The title an anonymised case keeps (a title may not be empty).
pub const ERASED_TITLE: &str = "Erased case";
/// What an erased diary entry or follow-up says.
pub const ERASED_TEXT: &str = "(erased)";

/// Roles that make a case the person's own.
const OWN_ROLES: &str = "('constituent','on_behalf_of')";

/// A contact that a name or UUID matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMatch {
    pub id: Id<Contact>,
    pub uuid: Uuid,
    pub name: String,
    pub postcode: Option<String>,
}

/// An outstanding or answered subject access request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SarRequest {
    pub uuid: Uuid,
    pub requested_on: NaiveDate,
    pub respond_by: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

/// Everything held about one person (for a subject access request).
/// Confidential entries are included: they are the person's own data.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubjectAccess {
    pub person: x::Contact,
    pub cases: Vec<x::Case>,
    pub entries: Vec<x::Entry>,
    pub referrals: Vec<x::Referral>,
    pub follow_ups: Vec<x::FollowUp>,
    /// Names of the officers, agencies and councillors the records point at
    /// (by UUID). Other constituents on a shared case are not named: their
    /// data is not the requester's.
    pub names: std::collections::BTreeMap<Uuid, String>,
    /// What was held back, and why (see [`crate::domain::disclosure`]).
    pub withheld: Vec<Withheld>,
    /// Other cases (or unfiled entries) whose text names the person: only
    /// the passages that do.
    pub mentions: Vec<Mention>,
}

/// The case reference given for entries on no case.
pub const UNFILED: &str = "unfiled";

/// One thing withheld from a subject access export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Withheld {
    /// The case's reference, or "unfiled".
    pub case: String,
    pub what: WithheldItem,
    /// How many, for entries, follow-ups and referrals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    pub reason: Reason,
}

/// A field of a case (see [`CaseField`]), or records on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WithheldItem {
    Title,
    Location,
    Postcode,
    Facts,
    Wants,
    History,
    OthersInvolved,
    Feedback,
    ConsentToShare,
    Entries,
    FollowUps,
    Referrals,
}

impl From<CaseField> for WithheldItem {
    fn from(f: CaseField) -> WithheldItem {
        match f {
            CaseField::Title => WithheldItem::Title,
            CaseField::Location => WithheldItem::Location,
            CaseField::Postcode => WithheldItem::Postcode,
            CaseField::Facts => WithheldItem::Facts,
            CaseField::Wants => WithheldItem::Wants,
            CaseField::History => WithheldItem::History,
            CaseField::OthersInvolved => WithheldItem::OthersInvolved,
            CaseField::Feedback => WithheldItem::Feedback,
            CaseField::ConsentToShare => WithheldItem::ConsentToShare,
        }
    }
}

/// Where another case's text names the person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mention {
    /// The case's reference, or "unfiled".
    pub case: String,
    pub opened: NaiveDate,
    pub passages: Vec<String>,
}

/// Blanks one field of an exported case; true when it held something.
fn withhold_field(c: &mut x::Case, field: CaseField) -> bool {
    fn take(o: &mut Option<String>) -> bool {
        o.take().is_some_and(|s| !s.trim().is_empty())
    }
    match field {
        CaseField::Title => !std::mem::take(&mut c.title).is_empty(),
        CaseField::Location => take(&mut c.location),
        CaseField::Postcode => take(&mut c.postcode),
        CaseField::Facts => take(&mut c.facts),
        CaseField::Wants => take(&mut c.wants),
        CaseField::History => take(&mut c.history),
        CaseField::OthersInvolved => take(&mut c.others_involved),
        CaseField::Feedback => {
            let score = c.satisfaction.take().is_some();
            take(&mut c.feedback) || score
        }
        CaseField::ConsentToShare => c.consent_to_share.take().is_some(),
    }
}

/// What an erasure did, for the message (no personal data in it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erasure {
    /// People erased, by UUID.
    pub people: Vec<Uuid>,
    /// References of the cases anonymised.
    pub cases: Vec<String>,
    /// Diary entries whose text was removed.
    pub entries: usize,
    /// References of other cases whose text still mentions an erased name,
    /// email or phone (with "unfiled" for entries on no case): to edit by hand.
    pub still_mentioned: Vec<String>,
    /// The erasure is saved but the old bytes could not be wiped from the
    /// file yet (another program has it open, the disk is full): recorded,
    /// and finished at the next open ([`Store::finish_pending_wipe`]).
    pub wipe_pending: bool,
}

/// A closed case that may be past the retention period, with the facts the
/// policy ([`crate::domain::retention`]) judges it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionCase {
    pub id: Id<Case>,
    pub reference: String,
    pub category: String,
    pub closed: NaiveDate,
    /// Activity on the case itself (entries, follow-ups, referrals).
    pub activity: Activity,
    /// The people whose own case it is.
    pub people: Vec<Id<Contact>>,
}

/// A person on a case past retention, with their activity of any kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionPerson {
    pub id: Id<Contact>,
    pub uuid: Uuid,
    pub name: String,
    pub activity: Activity,
}

/// Who the end-of-term hand-over sends to the successor, and who not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandoverPlan {
    /// People who consented to sharing on every case of theirs.
    pub consenting: Vec<Id<Contact>>,
    /// Everyone else (not asked, refused on some case, or no case).
    pub rest: Vec<Id<Contact>>,
}

/// What happens to the people not handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestAction {
    /// Keep statistics only: anonymise as an erasure does.
    Anonymise,
    /// Delete their records outright (the review loses their counts).
    Delete,
}

fn erased_filter(alias: &str) -> String {
    format!("NOT EXISTS (SELECT 1 FROM audit a WHERE a.uuid = {alias}.uuid AND a.action = 'erase')")
}

fn ids_of(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(p, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn uuid_of(conn: &Connection, table: &str, id: i64) -> Result<Uuid> {
    Ok(conn
        .query_row(
            &format!("SELECT uuid FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get::<_, UuidText>(0),
        )?
        .0)
}

/// Blanks a case's personal text and everything hanging off it.
fn anonymise_case(tx: &Connection, case: i64) -> Result<Option<String>> {
    let row: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT reference, postcode FROM cases WHERE id = ?1",
            [case],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((reference, postcode)) = row else {
        return Ok(None);
    };
    // A case shared by two people erased together, or anonymised by an
    // earlier run, is counted once.
    let uuid = uuid_of(tx, "cases", case)?;
    let erased: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM audit WHERE uuid = ?1 AND action = 'erase')")?
        .query_row([uuid.to_string()], |r| r.get(0))?;
    if erased {
        return Ok(None);
    }
    let now = stamp();
    tx.prepare_cached(
        "UPDATE cases SET updated_at = ?2, title = ?3, location = NULL, postcode = NULL, \
         area = ?4, facts = NULL, wants = NULL, history = NULL, others_involved = NULL, \
         feedback = NULL, outcome_note = NULL WHERE id = ?1",
    )?
    .execute(params![
        case,
        now,
        ERASED_TITLE,
        postcode.as_deref().and_then(postcode_sector)
    ])?;
    tx.prepare_cached("UPDATE entries SET updated_at = ?2, text = ?3 WHERE case_id = ?1")?
        .execute(params![case, now, ERASED_TEXT])?;
    super::mail::erase_mail(tx, "case_id = ?1", case)?;
    tx.prepare_cached("UPDATE follow_ups SET updated_at = ?2, what = ?3 WHERE case_id = ?1")?
        .execute(params![case, now, ERASED_TEXT])?;
    tx.prepare_cached(
        "UPDATE referrals SET updated_at = ?2, note = NULL, reply = NULL, council_ref = NULL \
         WHERE case_id = ?1",
    )?
    .execute(params![case, now])?;
    audit::record(tx, "case", Some(&uuid), AuditAction::Erase)?;
    Ok(Some(reference))
}

/// Blanks a contact's personal fields (keeping the demographic bands) and
/// the text of every entry and follow-up with them.
fn anonymise_contact(tx: &Connection, contact: i64) -> Result<usize> {
    let now = stamp();
    tx.prepare_cached(
        "UPDATE contacts SET updated_at = ?2, name = ?3, name_fold = ?4, organisation = NULL, \
         department = NULL, role = NULL, address = NULL, postcode = NULL, phone = NULL, \
         email = NULL, preferred_contact = NULL, caution = NULL, notes = NULL WHERE id = ?1",
    )?
    .execute(params![contact, now, ERASED_NAME, fold(ERASED_NAME)])?;
    tx.prepare_cached("UPDATE directory SET updated_at = ?2, handles = '' WHERE contact_id = ?1")?
        .execute(params![contact, now])?;
    let entries = tx
        .prepare_cached(
            "UPDATE entries SET updated_at = ?2, text = ?3 WHERE contact_id = ?1 AND text <> ?3",
        )?
        .execute(params![contact, now, ERASED_TEXT])?;
    super::mail::erase_mail(tx, "contact_id = ?1", contact)?;
    tx.prepare_cached("UPDATE follow_ups SET updated_at = ?2, what = ?3 WHERE contact_id = ?1")?
        .execute(params![contact, now, ERASED_TEXT])?;
    let uuid = uuid_of(tx, "contacts", contact)?;
    audit::record(tx, "contact", Some(&uuid), AuditAction::Erase)?;
    Ok(entries)
}

/// The words to look for elsewhere once a person is erased.
fn identifiers(tx: &Connection, contact: i64) -> Result<Vec<String>> {
    let (name, email, phone): (String, Option<String>, Option<String>) = tx.query_row(
        "SELECT name, email, phone FROM contacts WHERE id = ?1",
        [contact],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok([Some(name), email, phone]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| s.chars().count() >= 4)
        .collect())
}

/// Cases and unfiled entries whose text still holds one of `words`.
fn mentions(tx: &Connection, words: &[String]) -> Result<Vec<String>> {
    let mut found = BTreeSet::new();
    for w in words {
        let like = format!(
            "%{}%",
            w.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut stmt = tx.prepare_cached(
            "SELECT reference FROM cases WHERE concat_ws(' ', title, location, facts, wants, \
             history, others_involved, feedback, outcome_note) LIKE ?1 ESCAPE '\\' \
             UNION SELECT coalesce(c.reference, 'unfiled') FROM entries e \
             LEFT JOIN cases c ON c.id = e.case_id WHERE e.text LIKE ?1 ESCAPE '\\' \
             UNION SELECT coalesce(c.reference, 'unfiled') FROM follow_ups f \
             LEFT JOIN cases c ON c.id = f.case_id WHERE f.what LIKE ?1 ESCAPE '\\'",
        )?;
        let rows = stmt.query_map([like], |r| r.get::<_, String>(0))?;
        for r in rows {
            found.insert(r?);
        }
    }
    Ok(found.into_iter().collect())
}

/// Erases one person inside a transaction: their own cases are anonymised,
/// then the person.
fn erase_in(
    tx: &Connection,
    contact: i64,
    done: &mut Erasure,
    words: &mut Vec<String>,
) -> Result<()> {
    words.extend(identifiers(tx, contact)?);
    let cases = ids_of(
        tx,
        &format!(
            "SELECT DISTINCT case_id FROM case_people WHERE contact_id = ?1 AND role IN {OWN_ROLES}"
        ),
        [contact],
    )?;
    for case in cases {
        let entries: usize = tx.query_row(
            "SELECT count(*) FROM entries WHERE case_id = ?1 AND text <> ?2",
            params![case, ERASED_TEXT],
            |r| r.get(0),
        )?;
        if let Some(reference) = anonymise_case(tx, case)? {
            done.cases.push(reference);
            done.entries += entries;
        }
    }
    done.entries += anonymise_contact(tx, contact)?;
    done.people.push(uuid_of(tx, "contacts", contact)?);
    Ok(())
}

/// Deletes one person and their own cases outright (tombstones keep only UUIDs).
fn delete_in(tx: &Connection, contact: i64) -> Result<()> {
    let cases = ids_of(
        tx,
        &format!(
            "SELECT DISTINCT case_id FROM case_people WHERE contact_id = ?1 AND role IN {OWN_ROLES}"
        ),
        [contact],
    )?;
    for case in cases {
        tx.prepare_cached("DELETE FROM cases WHERE id = ?1")?
            .execute([case])?;
    }
    // Entries with them on other cases or unfiled would only lose their link
    // (ON DELETE SET NULL) and keep the text: delete them first.
    tx.prepare_cached("DELETE FROM entries WHERE contact_id = ?1")?
        .execute([contact])?;
    tx.prepare_cached("DELETE FROM contacts WHERE id = ?1")?
        .execute([contact])?;
    Ok(())
}

/// `2026-03-01` → the date; `''` (nothing dated) → `None`.
fn day(text: String) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
}

/// A calendar month after `d` (the 31st of January → the 28th or 29th of February).
pub fn one_month_after(d: NaiveDate) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(1)).unwrap_or(d)
}

impl Store {
    /// Contacts matching `who`: a UUID, or else a name compared folded (case
    /// and accents ignored), never an erased person.
    pub fn find_person(&self, who: &str) -> Result<Vec<PersonMatch>> {
        let row = |r: &rusqlite::Row<'_>| {
            Ok(PersonMatch {
                id: Id::new(r.get(0)?),
                uuid: r.get::<_, UuidText>(1)?.0,
                name: r.get(2)?,
                postcode: r.get(3)?,
            })
        };
        let (sql, key) = match Uuid::parse_str(who.trim()) {
            Ok(u) => ("uuid = ?1", u.to_string()),
            Err(_) => ("name_fold = ?1", name_key(who)),
        };
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, uuid, name, postcode FROM contacts c WHERE {sql} AND {} ORDER BY id",
            erased_filter("c")
        ))?;
        let rows = stmt.query_map([key], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// People not matched by `who` whose names look alike (see
    /// [`names_look_alike`]): the same person entered twice, perhaps, whom a
    /// subject access request or an erasure must not miss. Reads every name:
    /// for the data-protection commands, never for a keystroke.
    pub fn similar_people(&self, who: &str) -> Result<Vec<PersonMatch>> {
        let key = name_key(who);
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, uuid, name, postcode, name_fold FROM contacts c WHERE {} ORDER BY id",
            erased_filter("c")
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                PersonMatch {
                    id: Id::new(r.get(0)?),
                    uuid: r.get::<_, UuidText>(1)?.0,
                    name: r.get(2)?,
                    postcode: r.get(3)?,
                },
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut found = Vec::new();
        for row in rows {
            let (p, fold) = row?;
            if fold != key && names_look_alike(&p.name, who) {
                found.push(p);
            }
        }
        Ok(found)
    }

    /// Everything held about one person: contact details, every case they
    /// are on, every entry with them or on those cases (confidential ones
    /// too), the referrals and follow-ups of those cases and with them, and
    /// the passages of other cases that name them. What belongs to someone
    /// else is withheld as [`disclosure`] decides, and listed in `withheld`.
    pub fn subject_access(&self, person: Id<Contact>) -> Result<SubjectAccess> {
        let uuid = uuid_of(self.conn(), "contacts", person.raw())?;
        let (all, _) = self.export_all(true)?;
        let person = all
            .contacts
            .iter()
            .find(|c| c.uuid == uuid)
            .cloned()
            .ok_or_else(|| Error::NotFound {
                what: "contact",
                name: uuid.to_string(),
            })?;
        let kinds: HashMap<Uuid, ContactKind> =
            all.contacts.iter().map(|c| (c.uuid, c.kind)).collect();
        let with = |contact: Option<Uuid>| match contact {
            Some(c) if c == uuid => With::Requester,
            Some(c) => With::Other(kinds.get(&c).copied().unwrap_or(ContactKind::Other)),
            None => With::NoOne,
        };
        let identifiers: Vec<String> = [
            Some(person.name.clone()),
            person.email.clone(),
            person.phone.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut withheld = Vec::new();
        let mut standing: HashMap<Uuid, Standing> = HashMap::new();
        let mut cases = Vec::new();
        let mut mentions: Vec<Mention> = Vec::new();
        let mut reference_of: HashMap<Uuid, String> = HashMap::new();
        for mut c in all.cases {
            reference_of.insert(c.uuid, c.reference.clone());
            let on = c
                .people
                .iter()
                .filter(|p| p.contact == uuid)
                .map(|p| Standing::of(p.role))
                .reduce(Standing::closer);
            let Some(st) = on else {
                let passages: Vec<String> = [
                    Some(&c.title),
                    c.location.as_ref(),
                    c.facts.as_ref(),
                    c.wants.as_ref(),
                    c.history.as_ref(),
                    c.others_involved.as_ref(),
                    c.feedback.as_ref(),
                ]
                .into_iter()
                .flatten()
                .flat_map(|t| passages_naming(t, &identifiers))
                .collect();
                if !passages.is_empty() {
                    mentions.push(Mention {
                        case: c.reference.clone(),
                        opened: c.opened,
                        passages,
                    });
                }
                continue;
            };
            standing.insert(c.uuid, st);
            for field in CaseField::ALL {
                if !discloses(st, field) && withhold_field(&mut c, field) {
                    withheld.push(Withheld {
                        case: c.reference.clone(),
                        what: field.into(),
                        count: None,
                        reason: Reason::ThirdParty,
                    });
                }
            }
            // Other people on the case are named only when they are
            // officers or agencies (see `names`), never their roles' holders.
            cases.push(c);
        }
        let mut held_back: std::collections::BTreeMap<(String, WithheldItem), usize> =
            Default::default();
        let mut count_withheld = |case: Option<Uuid>, what: WithheldItem| {
            let reference = case
                .and_then(|c| reference_of.get(&c).cloned())
                .unwrap_or_else(|| UNFILED.to_string());
            *held_back.entry((reference, what)).or_default() += 1;
        };
        let mut entries = Vec::new();
        for e in all.entries {
            let st = e.case.and_then(|c| standing.get(&c).copied());
            let w = with(e.contact);
            match st {
                Some(st) if discloses_entry(st, w) => entries.push(e),
                _ if w == With::Requester => entries.push(e),
                Some(_) => {
                    count_withheld(e.case, WithheldItem::Entries);
                }
                None => {
                    let passages = passages_naming(&e.text, &identifiers);
                    if !passages.is_empty() {
                        let case = e
                            .case
                            .and_then(|c| reference_of.get(&c).cloned())
                            .unwrap_or_else(|| UNFILED.to_string());
                        match mentions.iter_mut().find(|m| m.case == case) {
                            Some(m) => m.passages.extend(passages),
                            None => mentions.push(Mention {
                                case,
                                opened: e.at.date(),
                                passages,
                            }),
                        }
                    }
                }
            }
        }
        let mut follow_ups = Vec::new();
        for f in all.follow_ups {
            let st = f.case.and_then(|c| standing.get(&c).copied());
            let w = with(f.contact);
            match st {
                Some(st) if discloses_entry(st, w) => follow_ups.push(f),
                _ if w == With::Requester => follow_ups.push(f),
                Some(_) => count_withheld(f.case, WithheldItem::FollowUps),
                None => {}
            }
        }
        let mut referrals = Vec::new();
        for r in all.referrals {
            match standing.get(&r.case) {
                Some(Standing::Own | Standing::Subject) => referrals.push(r),
                Some(_) if r.to == uuid => referrals.push(r),
                Some(_) => count_withheld(Some(r.case), WithheldItem::Referrals),
                None => {}
            }
        }
        withheld.extend(held_back.into_iter().map(|((case, what), n)| Withheld {
            case,
            what,
            count: Some(n),
            reason: Reason::ThirdParty,
        }));
        mentions.sort_by(|a, b| a.case.cmp(&b.case));
        let mut pointed: HashSet<Uuid> = HashSet::new();
        pointed.extend(
            cases
                .iter()
                .flat_map(|c| c.people.iter().map(|p| p.contact)),
        );
        pointed.extend(entries.iter().filter_map(|e| e.contact));
        pointed.extend(referrals.iter().map(|r| r.to));
        pointed.extend(follow_ups.iter().filter_map(|f| f.contact));
        let names = all
            .contacts
            .iter()
            .filter(|c| pointed.contains(&c.uuid) && c.uuid != uuid)
            .filter(|c| !matches!(c.kind, ContactKind::Constituent | ContactKind::Other))
            .map(|c| (c.uuid, c.name.clone()))
            .collect();
        Ok(SubjectAccess {
            person,
            cases,
            entries,
            referrals,
            follow_ups,
            names,
            withheld,
            mentions,
        })
    }

    /// Records a subject access request made on `requested_on` (the answer
    /// is due a calendar month later), or returns the one still outstanding.
    /// Logged in the audit log either way.
    pub fn record_sar(
        &mut self,
        person: Id<Contact>,
        requested_on: NaiveDate,
    ) -> Result<SarRequest> {
        self.write(|tx| {
            let uuid = uuid_of(tx, "contacts", person.raw())?;
            let request = match outstanding(tx, person)? {
                Some(r) => r,
                None => {
                    let r = SarRequest {
                        uuid: Uuid::now_v7(),
                        requested_on,
                        respond_by: one_month_after(requested_on),
                        answered_on: None,
                    };
                    let now = stamp();
                    tx.execute(
                        "INSERT INTO sar_requests (uuid, created_at, updated_at, contact_id, \
                         requested_on, respond_by) VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
                        params![
                            r.uuid.to_string(),
                            now,
                            person,
                            r.requested_on,
                            r.respond_by
                        ],
                    )?;
                    r
                }
            };
            audit::record(tx, "contact", Some(&uuid), AuditAction::SubjectAccess)?;
            Ok(request)
        })
    }

    /// Marks the person's outstanding request answered; `None` if there was none.
    pub fn answer_sar(&mut self, person: Id<Contact>, on: NaiveDate) -> Result<Option<SarRequest>> {
        self.write(|tx| {
            let Some(mut r) = outstanding(tx, person)? else {
                return Ok(None);
            };
            tx.execute(
                "UPDATE sar_requests SET answered_on = ?2, updated_at = ?3 WHERE uuid = ?1",
                params![r.uuid.to_string(), on, stamp()],
            )?;
            r.answered_on = Some(on);
            Ok(Some(r))
        })
    }

    /// The person's unanswered subject access request, for their page.
    pub fn outstanding_sar(&self, person: Id<Contact>) -> Result<Option<SarRequest>> {
        outstanding(self.conn(), person)
    }

    /// Erases one person: see the module notes for what stays and what
    /// goes. Then [`Store::scrub`] so the bytes leave the file.
    pub fn erase_person(&mut self, person: Id<Contact>) -> Result<Erasure> {
        let done = self.erase_then_wipe(|tx| {
            let mut done = Erasure::default();
            let mut words = Vec::new();
            erase_in(tx, person.raw(), &mut done, &mut words)?;
            done.still_mentioned = mentions(tx, &words)?;
            Ok(done)
        })?;
        Ok(done)
    }

    /// Closed cases, not yet anonymised, that closed on or before
    /// `closed_by`, with their activity and people: the facts for
    /// [`crate::domain::retention`] to judge.
    pub fn retention_cases(&self, closed_by: NaiveDate) -> Result<Vec<RetentionCase>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT c.id, c.reference, c.category, c.closed, \
             max(substr(c.opened, 1, 10), substr(c.closed, 1, 10), \
                 coalesce((SELECT max(substr(e.at, 1, 10)) FROM entries e WHERE e.case_id = c.id), ''), \
                 coalesce((SELECT max(max(f.due_on, coalesce(f.done_on, ''))) FROM follow_ups f \
                           WHERE f.case_id = c.id), ''), \
                 coalesce((SELECT max(max(r.referred_on, coalesce(r.reply_on, ''))) FROM referrals r \
                           WHERE r.case_id = c.id), '')), \
             (SELECT count(*) FROM follow_ups f WHERE f.case_id = c.id AND f.done_on IS NULL), \
             (SELECT count(*) FROM referrals r WHERE r.case_id = c.id AND r.reply_on IS NULL) \
             FROM cases c WHERE c.closed IS NOT NULL AND c.closed <= ?1 AND {} \
             ORDER BY c.closed, c.reference",
            erased_filter("c")
        ))?;
        let rows = stmt.query_map([closed_by], |r| {
            Ok(RetentionCase {
                id: Id::new(r.get(0)?),
                reference: r.get(1)?,
                category: r.get(2)?,
                closed: r.get(3)?,
                activity: Activity {
                    latest: day(r.get::<_, String>(4)?),
                    open_cases: 0,
                    pending_follow_ups: r.get(5)?,
                    awaiting_replies: r.get(6)?,
                },
                people: Vec::new(),
            })
        })?;
        let mut cases = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for c in &mut cases {
            c.people = ids_of(
                self.conn(),
                &format!(
                    "SELECT DISTINCT contact_id FROM case_people WHERE case_id = ?1 AND role IN {OWN_ROLES} \
                     ORDER BY contact_id"
                ),
                [c.id.raw()],
            )?
            .into_iter()
            .map(Id::new)
            .collect();
        }
        Ok(cases)
    }

    /// The activity of any kind of each of `people` (not erased ones): every
    /// entry with them or on their cases (unfiled ones too), their cases
    /// opened and closed, follow-ups and referrals; what is still open.
    pub fn retention_people(&self, people: &[Id<Contact>]) -> Result<Vec<RetentionPerson>> {
        let own = format!(
            "(SELECT case_id FROM case_people WHERE contact_id = k.id AND role IN {OWN_ROLES})"
        );
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT k.id, k.uuid, k.name, \
             max(coalesce((SELECT max(substr(e.at, 1, 10)) FROM entries e \
                           WHERE e.contact_id = k.id OR e.case_id IN {own}), ''), \
                 coalesce((SELECT max(max(substr(c.opened, 1, 10), coalesce(c.closed, ''))) \
                           FROM cases c WHERE c.id IN {own}), ''), \
                 coalesce((SELECT max(max(f.due_on, coalesce(f.done_on, ''))) FROM follow_ups f \
                           WHERE f.contact_id = k.id OR f.case_id IN {own}), ''), \
                 coalesce((SELECT max(max(r.referred_on, coalesce(r.reply_on, ''))) FROM referrals r \
                           WHERE r.case_id IN {own}), '')), \
             (SELECT count(*) FROM cases c WHERE c.id IN {own} AND c.closed IS NULL AND {}), \
             (SELECT count(*) FROM follow_ups f WHERE f.done_on IS NULL \
                 AND (f.contact_id = k.id OR f.case_id IN {own})), \
             (SELECT count(*) FROM referrals r WHERE r.reply_on IS NULL AND r.case_id IN {own}) \
             FROM contacts k WHERE k.id = ?1 AND {}",
            erased_filter("c"),
            erased_filter("k")
        ))?;
        let mut found = Vec::new();
        for id in people {
            let row = stmt
                .query_row([id.raw()], |r| {
                    Ok(RetentionPerson {
                        id: Id::new(r.get(0)?),
                        uuid: r.get::<_, UuidText>(1)?.0,
                        name: r.get(2)?,
                        activity: Activity {
                            latest: day(r.get::<_, String>(3)?),
                            open_cases: r.get(4)?,
                            pending_follow_ups: r.get(5)?,
                            awaiting_replies: r.get(6)?,
                        },
                    })
                })
                .optional()?;
            found.extend(row);
        }
        Ok(found)
    }

    /// Anonymises `cases` and erases `people` (with their own cases), in one
    /// transaction, then [`Store::scrub`]. Which ones is the caller's
    /// decision (the retention policy); each case is counted once.
    pub fn erase_records(&mut self, cases: &[Id<Case>], people: &[Id<Contact>]) -> Result<Erasure> {
        let done = self.erase_then_wipe(|tx| {
            let mut done = Erasure::default();
            for case in cases {
                let entries: usize = tx.query_row(
                    "SELECT count(*) FROM entries WHERE case_id = ?1 AND text <> ?2",
                    params![case.raw(), ERASED_TEXT],
                    |r| r.get(0),
                )?;
                if let Some(reference) = anonymise_case(tx, case.raw())? {
                    done.cases.push(reference);
                    done.entries += entries;
                }
            }
            let mut words = Vec::new();
            for person in people {
                erase_in(tx, person.raw(), &mut done, &mut words)?;
            }
            done.still_mentioned = mentions(tx, &words)?;
            Ok(done)
        })?;
        Ok(done)
    }

    /// Anonymises these cases (their people stay).
    pub fn erase_cases(&mut self, cases: &[Id<Case>]) -> Result<Erasure> {
        self.erase_records(cases, &[])
    }

    /// Splits the people of the diary for the end-of-term hand-over.
    pub fn handover_plan(&self) -> Result<HandoverPlan> {
        let people = ids_of(
            self.conn(),
            &format!(
                "SELECT k.id FROM contacts k WHERE (k.kind = 'constituent' OR EXISTS \
                 (SELECT 1 FROM case_people p WHERE p.contact_id = k.id AND p.role IN {OWN_ROLES})) \
                 AND {} ORDER BY k.id",
                erased_filter("k")
            ),
            [],
        )?;
        let mut plan = HandoverPlan::default();
        for id in people {
            let (cases, consented): (i64, i64) = self.conn().query_row(
                &format!(
                    "SELECT count(*), coalesce(sum(c.consent_to_share = 1), 0) FROM case_people p \
                     JOIN cases c ON c.id = p.case_id WHERE p.contact_id = ?1 AND p.role IN {OWN_ROLES}"
                ),
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if cases > 0 && cases == consented {
                plan.consenting.push(Id::new(id));
            } else {
                plan.rest.push(Id::new(id));
            }
        }
        Ok(plan)
    }

    /// The export for the successor: the consenting people, their cases
    /// (only cases all of whose people consented), the entries, referrals
    /// and follow-ups of those, the officers and agencies, the directory and
    /// the surgeries. Confidential entries are left out. It loads into a new
    /// diary with `casebook import`.
    pub fn handover_export(&self, consenting: &[Id<Contact>]) -> Result<x::Export> {
        let (mut doc, _) = self.export_all(false)?;
        let mut people: HashSet<Uuid> = HashSet::new();
        for id in consenting {
            people.insert(uuid_of(self.conn(), "contacts", id.raw())?);
        }
        let personal = |k: crate::domain::ContactKind| {
            matches!(
                k,
                crate::domain::ContactKind::Constituent | crate::domain::ContactKind::Other
            )
        };
        let kinds: HashMap<Uuid, crate::domain::ContactKind> =
            doc.contacts.iter().map(|c| (c.uuid, c.kind)).collect();
        let kept_contact =
            |u: &Uuid| people.contains(u) || kinds.get(u).is_some_and(|k| !personal(*k));
        doc.cases.retain(|c| {
            let own: Vec<&x::CasePerson> = c
                .people
                .iter()
                .filter(|p| {
                    matches!(
                        p.role,
                        crate::domain::Role::Constituent | crate::domain::Role::OnBehalfOf
                    )
                })
                .collect();
            !own.is_empty() && own.iter().all(|p| people.contains(&p.contact))
        });
        for c in &mut doc.cases {
            c.people.retain(|p| kept_contact(&p.contact));
        }
        let cases: HashSet<Uuid> = doc.cases.iter().map(|c| c.uuid).collect();
        doc.entries.retain(|e| match e.case {
            Some(c) => cases.contains(&c),
            None => e.contact.is_some_and(|k| people.contains(&k)),
        });
        for e in &mut doc.entries {
            if e.contact.is_some_and(|k| !kept_contact(&k)) {
                e.contact = None;
            }
        }
        let entries: HashSet<Uuid> = doc.entries.iter().map(|e| e.uuid).collect();
        doc.referrals
            .retain(|r| cases.contains(&r.case) && kept_contact(&r.to));
        doc.follow_ups.retain(|f| match f.case {
            Some(c) => cases.contains(&c),
            None => f.contact.is_some_and(|k| people.contains(&k)),
        });
        for f in &mut doc.follow_ups {
            if f.contact.is_some_and(|k| !kept_contact(&k)) {
                f.contact = None;
            }
            if f.entry.is_some_and(|e| !entries.contains(&e)) {
                f.entry = None;
            }
        }
        doc.contacts.retain(|c| kept_contact(&c.uuid));
        doc.tombstones.clear();
        Ok(doc)
    }

    /// Ends the term: everyone in `plan` is anonymised (the consenting were
    /// handed over; the councillor keeps statistics only), except that with
    /// [`RestAction::Delete`] the rest are deleted outright.
    pub fn apply_handover(&mut self, plan: &HandoverPlan, rest: RestAction) -> Result<Erasure> {
        let done = self.erase_then_wipe(|tx| {
            let mut done = Erasure::default();
            let mut words = Vec::new();
            for id in &plan.consenting {
                erase_in(tx, id.raw(), &mut done, &mut words)?;
            }
            for id in &plan.rest {
                match rest {
                    RestAction::Anonymise => erase_in(tx, id.raw(), &mut done, &mut words)?,
                    RestAction::Delete => {
                        words.extend(identifiers(tx, id.raw())?);
                        delete_in(tx, id.raw())?;
                    }
                }
            }
            audit::record(tx, "diary", None, AuditAction::Handover)?;
            done.still_mentioned = mentions(tx, &words)?;
            Ok(done)
        })?;
        Ok(done)
    }

    /// Runs an erasure `f` in one transaction, then wipes the old bytes.
    ///
    /// The wipe is recorded as pending (a marker file beside the diary,
    /// synced) before the transaction commits, and the record is removed
    /// only once the wipe is done: a kill, a full disk or another program
    /// holding the file between the two leaves the record, and the next open
    /// finishes the wipe. secure_delete is on during the erasure itself, so
    /// the pages it rewrites carry zeros where the text was.
    fn erase_then_wipe(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<Erasure>,
    ) -> Result<Erasure> {
        let marker = self.path().map(wipe_marker);
        let was_pending = marker.as_deref().is_some_and(Path::exists);
        if let Some(m) = &marker {
            mark(m)?;
        }
        self.conn().pragma_update(None, "secure_delete", "ON")?;
        let result = self.write(f);
        self.conn().pragma_update(None, "secure_delete", "OFF")?;
        let mut done = match result {
            Ok(done) => done,
            Err(e) => {
                // Nothing was erased: no wipe is owed for this one.
                if let Some(m) = marker.filter(|_| !was_pending) {
                    let _ = std::fs::remove_file(m);
                }
                return Err(e);
            }
        };
        done.wipe_pending = self.finish_pending_wipe().is_err();
        Ok(done)
    }

    /// True when an erasure's wipe was interrupted and is still owed.
    pub fn wipe_pending(&self) -> bool {
        self.path().map(wipe_marker).is_some_and(|m| m.exists())
    }

    /// Finishes an interrupted erasure's wipe, if one is recorded: the
    /// scrub, then the record removed. An error leaves the record.
    pub fn finish_pending_wipe(&mut self) -> Result<()> {
        let Some(marker) = self.path().map(wipe_marker) else {
            return self.scrub();
        };
        if !marker.exists() {
            return Ok(());
        }
        self.scrub()?;
        std::fs::remove_file(&marker).map_err(|e| {
            Error::io(
                crate::error::Msg::new("doing-remove").text("path", marker.display().to_string()),
                e,
            )
        })?;
        if let Some(dir) = marker.parent() {
            super::sync_dir(dir);
        }
        Ok(())
    }

    /// Makes removed text really leave the file: merges the search index so
    /// deleted words are dropped, rewrites the file with secure_delete on
    /// (VACUUM), and empties the write-ahead log. Fails with a clear message
    /// if another program has the diary open (the log cannot be emptied then).
    pub fn scrub(&mut self) -> Result<()> {
        let conn = self.conn();
        conn.execute("INSERT INTO search(search) VALUES('optimize')", [])?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        let result = (|| -> Result<()> {
            checkpoint(conn)?;
            conn.execute_batch("VACUUM")?;
            checkpoint(conn)
        })();
        conn.pragma_update(None, "secure_delete", "OFF")?;
        result
    }
}

/// `t.db` → `t.db.wipe-pending`: present while an erasure's wipe is owed.
pub fn wipe_marker(db: &Path) -> PathBuf {
    super::sibling_path(db, ".wipe-pending")
}

/// Records durably that a wipe is owed (before the erasure commits).
pub(super) fn mark(marker: &Path) -> Result<()> {
    let fail = |e: std::io::Error| Error::cannot_write(marker, &e);
    match crate::files::create_private(marker) {
        Ok(f) => f.sync_all().map_err(fail)?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(fail(e)),
    }
    if let Some(dir) = marker.parent() {
        super::sync_dir(dir);
    }
    Ok(())
}

/// Copies the write-ahead log into the file and truncates it to nothing.
fn checkpoint(conn: &Connection) -> Result<()> {
    if conn.path().is_none_or(str::is_empty) {
        return Ok(());
    }
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(Error::System(crate::error::Msg::new(
            "error-erase-wal-busy",
        )));
    }
    Ok(())
}

fn outstanding(conn: &Connection, person: Id<Contact>) -> Result<Option<SarRequest>> {
    Ok(conn
        .prepare_cached(
            "SELECT uuid, requested_on, respond_by, answered_on FROM sar_requests \
             WHERE contact_id = ?1 AND answered_on IS NULL ORDER BY requested_on LIMIT 1",
        )?
        .query_row([person], |r| {
            Ok(SarRequest {
                uuid: r.get::<_, UuidText>(0)?.0,
                requested_on: r.get(1)?,
                respond_by: r.get(2)?,
                answered_on: r.get(3)?,
            })
        })
        .optional()?)
}

/// What erasing a person would touch, for the refusal without `--yes`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErasurePreview {
    /// References of the cases that would be anonymised.
    pub cases: Vec<String>,
    /// Diary entries whose text would be removed.
    pub entries: usize,
}

impl Store {
    /// What [`Store::erase_person`] would do, changing nothing.
    pub fn erase_preview(&self, person: Id<Contact>) -> Result<ErasurePreview> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT DISTINCT c.reference FROM case_people p JOIN cases c ON c.id = p.case_id \
             WHERE p.contact_id = ?1 AND p.role IN {OWN_ROLES} ORDER BY c.reference"
        ))?;
        let cases = stmt
            .query_map([person], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let entries = conn.query_row(
            &format!(
                "SELECT count(*) FROM entries WHERE text <> ?2 AND (contact_id = ?1 OR case_id IN \
                 (SELECT case_id FROM case_people WHERE contact_id = ?1 AND role IN {OWN_ROLES}))"
            ),
            params![person, ERASED_TEXT],
            |r| r.get(0),
        )?;
        Ok(ErasurePreview { cases, entries })
    }
}
