//! The store's side of import and export: reading every table for the JSON
//! and CSV exports, loading a JSON export into an empty diary with its UUIDs
//! and timestamps kept, and carrying out a checked spreadsheet import.
//!
//! The JSON import has its own insert statements: the ordinary ones give a
//! record a new UUID and the current time, which a restore must not do.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::rows::{UuidText, moment, opt};
use super::{SCHEMA_VERSION, Store, cases, contacts};
use crate::domain::text::{area_key, name_key, normalise_name};
use crate::domain::{CasePerson, Contact, Id};
use crate::error::Msg;
use crate::exchange::csv_export::CsvRow;
use crate::exchange::csv_import::Plan;
use crate::exchange::json as x;
use crate::{Error, Result};

/// What a spreadsheet import did (or, for a dry run, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvImportSummary {
    pub cases_imported: usize,
    /// Rows whose reference is already a case in the diary.
    pub cases_skipped: usize,
    pub contacts_created: usize,
    /// People of the file found already in the diary.
    pub contacts_matched: usize,
}

impl CsvImportSummary {
    /// What importing `plan` into a new, empty diary would do.
    pub fn into_empty_diary(plan: &Plan) -> CsvImportSummary {
        CsvImportSummary {
            cases_imported: plan.cases.len(),
            cases_skipped: 0,
            contacts_created: plan.people.len(),
            contacts_matched: 0,
        }
    }
}

/// What an export without confidential entries left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub entries: usize,
    /// Follow-ups made from a confidential entry (their text quotes it).
    pub follow_ups: usize,
}

/// How many records of each kind a JSON import loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JsonImportSummary {
    pub contacts: usize,
    pub cases: usize,
    pub entries: usize,
    pub referrals: usize,
    pub follow_ups: usize,
    pub surgeries: usize,
}

impl JsonImportSummary {
    pub fn of(doc: &x::Export) -> JsonImportSummary {
        JsonImportSummary {
            contacts: doc.contacts.len(),
            cases: doc.cases.len(),
            entries: doc.entries.len(),
            referrals: doc.referrals.len(),
            follow_ups: doc.follow_ups.len(),
            surgeries: doc.surgeries.len(),
        }
    }
}

/// Every table a JSON import needs empty.
const TABLES: &[&str] = &[
    "contacts",
    "directory",
    "surgeries",
    "cases",
    "case_people",
    "entries",
    "entry_mail",
    "attachments",
    "referrals",
    "follow_ups",
    "tombstones",
    "reference_counters",
];

fn uuid_at(row: &Row<'_>, i: usize) -> rusqlite::Result<Uuid> {
    Ok(row.get::<_, UuidText>(i)?.0)
}

fn opt_uuid_at(row: &Row<'_>, i: usize) -> rusqlite::Result<Option<Uuid>> {
    Ok(row.get::<_, Option<UuidText>>(i)?.map(|u| u.0))
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], f)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// True when no table holds a row (not even a tombstone).
fn blank(conn: &Connection) -> Result<bool> {
    for table in TABLES {
        let any: bool =
            conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| {
                r.get(0)
            })?;
        if any {
            return Ok(false);
        }
    }
    Ok(true)
}

impl Store {
    /// True when the diary holds nothing at all, not even a tombstone: the
    /// only diary a JSON export may be loaded into.
    pub fn is_blank(&self) -> Result<bool> {
        blank(self.conn())
    }

    /// As [`Store::is_blank`], as an error that says what to do.
    pub fn check_blank(&self) -> Result<()> {
        if blank(self.conn())? {
            Ok(())
        } else {
            Err(not_blank())
        }
    }

    /// Everything, for the lossless JSON export, and what was left out (nothing
    /// when `include_confidential`). Read in one transaction, so a write from
    /// elsewhere cannot tear it.
    pub fn export_all(&self, include_confidential: bool) -> Result<(x::Export, LeftOut)> {
        let tx = self.conn().unchecked_transaction()?;
        let conn: &Connection = &tx;

        let contacts = all(conn, CONTACTS, contact_row)?;

        let directory = all(conn, DIRECTORY, directory_row)?;

        let surgeries = all(conn, SURGERIES, surgery_row)?;

        let mut case_index: HashMap<i64, usize> = HashMap::new();
        let mut cases = all(conn, CASES, case_row)?
            .into_iter()
            .enumerate()
            .map(|(i, (id, case))| {
                case_index.insert(id, i);
                case
            })
            .collect::<Vec<_>>();
        let people = all(conn, PEOPLE, case_person_row)?;
        for (case_id, person) in people {
            if let Some(&i) = case_index.get(&case_id) {
                cases[i].people.push(person);
            }
        }

        let mut left_out: HashSet<Uuid> = HashSet::new();
        let entries = all(conn, ENTRIES, entry_row)?
            .into_iter()
            .filter(|e| {
                let keep = include_confidential || !e.confidential;
                if !keep {
                    left_out.insert(e.uuid);
                }
                keep
            })
            .collect();

        let mut entries: Vec<x::Entry> = entries;
        super::mail::export_mail(conn, &mut entries)?;

        let referrals = all(conn, REFERRALS, referral_row)?;

        let follow_ups = all(conn, FOLLOW_UPS, follow_up_row)?;
        // A follow-up made from a confidential entry quotes it: it goes too.
        let (follow_ups, hidden): (Vec<x::FollowUp>, Vec<x::FollowUp>) = follow_ups
            .into_iter()
            .partition(|f| !f.entry.is_some_and(|e| left_out.contains(&e)));

        let tombstones = all(conn, TOMBSTONES, tombstone_row)?;
        let reference_counters = all(conn, REFERENCE_COUNTERS, counter_row)?;

        let export = x::Export {
            format: x::FORMAT.to_string(),
            version: x::VERSION,
            schema: SCHEMA_VERSION,
            confidential_included: include_confidential,
            contacts,
            directory,
            surgeries,
            cases,
            entries,
            referrals,
            follow_ups,
            tombstones,
            reference_counters,
        };
        let left_out = LeftOut {
            entries: left_out.len(),
            follow_ups: hidden.len(),
        };
        Ok((export, left_out))
    }

    /// Loads a JSON export into this diary, which must be blank, keeping
    /// every UUID and timestamp. All of it is loaded, or none.
    pub fn import_json(&mut self, doc: &x::Export) -> Result<JsonImportSummary> {
        self.write(|tx| {
            if !blank(tx)? {
                return Err(not_blank());
            }
            load(tx, doc)?;
            Ok(JsonImportSummary::of(doc))
        })
    }

    /// One spreadsheet row a case, in the import columns, oldest first.
    pub fn export_csv_rows(&self) -> Result<Vec<CsvRow>> {
        all(
            self.conn(),
            "SELECT c.reference, c.opened, c.closed, c.title, c.kind, c.category, c.channel, \
             c.status, c.outcome, CAST(c.satisfaction AS TEXT), c.location, c.postcode, \
             k.name, k.email, k.phone, k.address, k.gender, k.age_band, k.ethnicity, \
             k.employment_status, b.name, c.facts FROM cases c \
             LEFT JOIN contacts k ON k.id = (SELECT contact_id FROM case_people \
                 WHERE case_id = c.id AND role = 'constituent' ORDER BY id LIMIT 1) \
             LEFT JOIN contacts b ON b.id = (SELECT contact_id FROM case_people \
                 WHERE case_id = c.id AND role = 'on_behalf_of' ORDER BY id LIMIT 1) \
             ORDER BY c.opened, c.id",
            |r| {
                let mut row: CsvRow = Default::default();
                for (i, v) in row.iter_mut().enumerate() {
                    *v = r.get(i)?;
                }
                Ok(row)
            },
        )
    }

    /// What importing `plan` would do, writing nothing.
    pub fn preview_csv_import(&self, plan: &Plan) -> Result<CsvImportSummary> {
        let tx = self.conn().unchecked_transaction()?;
        let r = resolve(&tx, plan)?;
        Ok(r.summary(plan))
    }

    /// Carries out a checked spreadsheet import in one transaction. Rows whose
    /// reference is already a case are skipped; people already in the diary
    /// (by the identity rule) are reused, not duplicated.
    pub fn import_csv(&mut self, plan: &Plan, categories: &[String]) -> Result<CsvImportSummary> {
        if let Some(e) = plan.problems_error() {
            return Err(e);
        }
        self.write(|tx| {
            let r = resolve(tx, plan)?;
            let summary = r.summary(plan);
            let mut ids: Vec<Option<Id<Contact>>> = Vec::with_capacity(plan.people.len());
            for (person, found) in plan.people.iter().zip(&r.people) {
                ids.push(match found {
                    Found::Unused => None,
                    Found::Existing(id) => {
                        // The file's details for a known person land on their card.
                        let known = contacts::get(tx, *id)?;
                        let mut filled = known.data.clone();
                        crate::exchange::csv_import::fill(&mut filled, &person.contact);
                        if filled != known.data {
                            contacts::update(tx, *id, &filled)?;
                        }
                        Some(*id)
                    }
                    Found::New => Some(contacts::insert(tx, &person.contact)?),
                });
            }
            // Rows with their own reference first, so that a number handed
            // out to a row without one never takes a reference the file uses.
            let order = plan
                .cases
                .iter()
                .zip(&r.skip)
                .filter(|(_, skip)| !**skip)
                .map(|(c, _)| c);
            let (with_ref, without_ref): (Vec<_>, Vec<_>) =
                order.partition(|c| !c.case.reference.trim().is_empty());
            for planned in with_ref.into_iter().chain(without_ref) {
                let case = cases::insert(tx, &planned.case, categories).map_err(|e| {
                    Error::user(
                        Msg::new("error-import-line")
                            .num("line", i64::try_from(planned.line).unwrap_or(i64::MAX))
                            .arg("problem", crate::error::Arg::from_error(e)),
                    )
                })?;
                let people = [
                    (planned.constituent, crate::domain::Role::Constituent),
                    (planned.on_behalf_of, crate::domain::Role::OnBehalfOf),
                ];
                for (person, role) in people {
                    if let Some(contact) = person.and_then(|i| ids.get(i).copied().flatten()) {
                        cases::add_person(
                            tx,
                            CasePerson {
                                case,
                                contact,
                                role,
                            },
                        )?;
                    }
                }
            }
            Ok(summary)
        })
    }
}

// ── Export: one query and one row mapping per table ──

/// contacts: the query and the mapping of one row of the export.
const CONTACTS: &str = "SELECT uuid, created_at, updated_at, name, kind, organisation, department, role, \
             address, postcode, phone, email, preferred_contact, gender, age_band, ethnicity, \
             employment_status, caution, notes, language FROM contacts ORDER BY id";

fn contact_row(r: &Row<'_>) -> rusqlite::Result<x::Contact> {
    Ok(x::Contact {
        uuid: uuid_at(r, 0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        name: r.get(3)?,
        kind: r.get(4)?,
        organisation: r.get(5)?,
        department: r.get(6)?,
        role: r.get(7)?,
        address: r.get(8)?,
        postcode: r.get(9)?,
        phone: r.get(10)?,
        email: r.get(11)?,
        preferred_contact: r.get(12)?,
        gender: r.get(13)?,
        age_band: r.get(14)?,
        ethnicity: r.get(15)?,
        employment_status: r.get(16)?,
        caution: r.get(17)?,
        notes: r.get(18)?,
        language: r.get(19)?,
    })
}

/// directory: the query and the mapping of one row of the export.
const DIRECTORY: &str = "SELECT d.uuid, d.created_at, d.updated_at, k.uuid, d.handles, d.categories \
             FROM directory d JOIN contacts k ON k.id = d.contact_id ORDER BY d.id";

fn directory_row(r: &Row<'_>) -> rusqlite::Result<x::DirectoryEntry> {
    let categories: String = r.get(5)?;
    Ok(x::DirectoryEntry {
        uuid: uuid_at(r, 0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        contact: uuid_at(r, 3)?,
        handles: r.get(4)?,
        categories: super::directory::split_categories(&categories),
    })
}

/// surgeries: the query and the mapping of one row of the export.
const SURGERIES: &str = "SELECT uuid, created_at, updated_at, held_on, venue, started_at, ended_at, notes \
             FROM surgeries ORDER BY id";

fn surgery_row(r: &Row<'_>) -> rusqlite::Result<x::Surgery> {
    Ok(x::Surgery {
        uuid: uuid_at(r, 0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        held_on: r.get(3)?,
        venue: r.get(4)?,
        started_at: r.get(5)?,
        ended_at: r.get(6)?,
        notes: r.get(7)?,
    })
}

/// cases: the query and the mapping of one row of the export.
const CASES: &str = "SELECT c.id, c.uuid, c.created_at, c.updated_at, c.reference, c.title, c.opened, \
             c.closed, c.kind, c.category, c.channel, c.location, c.postcode, c.facts, c.wants, \
             c.history, c.others_involved, c.status, c.outcome, c.satisfaction, c.feedback, \
             c.promised_by, c.consent_to_share, s.uuid, c.publicise, \
             c.contacted_on, c.consent_on, c.shared, c.outcome_note \
             FROM cases c LEFT JOIN surgeries s ON s.id = c.surgery_id ORDER BY c.id";

fn case_row(r: &Row<'_>) -> rusqlite::Result<(i64, x::Case)> {
    Ok((
        r.get::<_, i64>(0)?,
        x::Case {
            uuid: uuid_at(r, 1)?,
            created_at: r.get(2)?,
            updated_at: r.get(3)?,
            reference: r.get(4)?,
            title: r.get(5)?,
            opened: r.get(6)?,
            closed: r.get(7)?,
            kind: r.get(8)?,
            category: r.get(9)?,
            channel: r.get(10)?,
            location: r.get(11)?,
            postcode: r.get(12)?,
            facts: r.get(13)?,
            wants: r.get(14)?,
            history: r.get(15)?,
            others_involved: r.get(16)?,
            status: r.get(17)?,
            outcome: r.get(18)?,
            outcome_note: r.get(28)?,
            satisfaction: r.get(19)?,
            feedback: r.get(20)?,
            promised_by: r.get(21)?,
            consent_to_share: r.get(22)?,
            surgery: opt_uuid_at(r, 23)?,
            publicise: r.get(24)?,
            contacted_on: r.get(25)?,
            consent_on: r.get(26)?,
            shared: r.get(27)?,
            people: Vec::new(),
        },
    ))
}

/// people: the query and the mapping of one row of the export.
const PEOPLE: &str = "SELECT p.case_id, p.uuid, p.created_at, p.updated_at, k.uuid, p.role \
             FROM case_people p JOIN contacts k ON k.id = p.contact_id ORDER BY p.case_id, p.id";

fn case_person_row(r: &Row<'_>) -> rusqlite::Result<(i64, x::CasePerson)> {
    Ok((
        r.get::<_, i64>(0)?,
        x::CasePerson {
            uuid: uuid_at(r, 1)?,
            created_at: r.get(2)?,
            updated_at: r.get(3)?,
            contact: uuid_at(r, 4)?,
            role: r.get(5)?,
        },
    ))
}

/// entries: the query and the mapping of one row of the export.
const ENTRIES: &str = "SELECT e.uuid, e.created_at, e.updated_at, c.uuid, k.uuid, e.kind, e.at, e.text, \
             e.confidential, s.uuid, e.draft FROM entries e \
             LEFT JOIN cases c ON c.id = e.case_id \
             LEFT JOIN contacts k ON k.id = e.contact_id \
             LEFT JOIN surgeries s ON s.id = e.surgery_id ORDER BY e.id";

fn entry_row(r: &Row<'_>) -> rusqlite::Result<x::Entry> {
    Ok(x::Entry {
        uuid: uuid_at(r, 0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        case: opt_uuid_at(r, 3)?,
        contact: opt_uuid_at(r, 4)?,
        kind: r.get(5)?,
        at: r.get(6)?,
        text: r.get(7)?,
        confidential: r.get(8)?,
        surgery: opt_uuid_at(r, 9)?,
        draft: r.get(10)?,
        mail: None,
        attachments: Vec::new(),
    })
}

/// referrals: the query and the mapping of one row of the export.
const REFERRALS: &str = "SELECT r.uuid, r.created_at, r.updated_at, c.uuid, k.uuid, r.referred_on, \
             r.council_ref, r.instruction, r.note, r.constituent_copied, r.due_on, r.reply_on, \
             r.reply FROM referrals r JOIN cases c ON c.id = r.case_id \
             JOIN contacts k ON k.id = r.to_contact_id ORDER BY r.id";

fn referral_row(r: &Row<'_>) -> rusqlite::Result<x::Referral> {
    Ok(x::Referral {
        uuid: uuid_at(r, 0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        case: uuid_at(r, 3)?,
        to: uuid_at(r, 4)?,
        referred_on: r.get(5)?,
        council_ref: r.get(6)?,
        instruction: r.get(7)?,
        note: r.get(8)?,
        constituent_copied: r.get(9)?,
        due_on: r.get(10)?,
        reply_on: r.get(11)?,
        reply: r.get(12)?,
    })
}

/// follow_ups: the query and the mapping of one row of the export.
const FOLLOW_UPS: &str = "SELECT f.uuid, f.created_at, f.updated_at, c.uuid, k.uuid, e.uuid, f.due_on, f.what, \
             f.done_on FROM follow_ups f \
             LEFT JOIN cases c ON c.id = f.case_id \
             LEFT JOIN contacts k ON k.id = f.contact_id \
             LEFT JOIN entries e ON e.id = f.entry_id ORDER BY f.id";

fn follow_up_row(r: &Row<'_>) -> rusqlite::Result<x::FollowUp> {
    Ok(x::FollowUp {
        uuid: uuid_at(r, 0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        case: opt_uuid_at(r, 3)?,
        contact: opt_uuid_at(r, 4)?,
        entry: opt_uuid_at(r, 5)?,
        due_on: r.get(6)?,
        what: r.get(7)?,
        done_on: r.get(8)?,
    })
}

/// tombstones: the query and the mapping of one row of the export.
const TOMBSTONES: &str = "SELECT uuid, kind, deleted_at FROM tombstones ORDER BY uuid";

fn tombstone_row(r: &Row<'_>) -> rusqlite::Result<x::Tombstone> {
    Ok(x::Tombstone {
        uuid: uuid_at(r, 0)?,
        kind: r.get(1)?,
        deleted_at: r.get(2)?,
    })
}

/// reference_counters: the query and the mapping of one row of the export.
const REFERENCE_COUNTERS: &str = "SELECT year, last FROM reference_counters ORDER BY year";

fn counter_row(r: &Row<'_>) -> rusqlite::Result<x::ReferenceCounter> {
    Ok(x::ReferenceCounter {
        year: r.get(0)?,
        last: r.get(1)?,
    })
}

fn not_blank() -> Error {
    Error::user(Msg::new("error-import-not-empty"))
}

/// How each person of a plan is to be found in the diary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Only on rows that are skipped.
    Unused,
    Existing(Id<Contact>),
    New,
}

struct Resolution {
    /// For each planned case: true when its reference is already taken.
    skip: Vec<bool>,
    people: Vec<Found>,
}

impl Resolution {
    fn summary(&self, plan: &Plan) -> CsvImportSummary {
        let skipped = self.skip.iter().filter(|s| **s).count();
        let mut matched: HashSet<Id<Contact>> = HashSet::new();
        let mut created = 0;
        for f in &self.people {
            match f {
                Found::Existing(id) => {
                    matched.insert(*id);
                }
                Found::New => created += 1,
                Found::Unused => {}
            }
        }
        CsvImportSummary {
            cases_imported: plan.cases.len() - skipped,
            cases_skipped: skipped,
            contacts_created: created,
            contacts_matched: matched.len(),
        }
    }
}

fn resolve(conn: &Connection, plan: &Plan) -> Result<Resolution> {
    let mut exists =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM cases WHERE reference = ?1)")?;
    // A row without a reference is already imported when a case opened the
    // same day has the same title and the same constituent: so a file (or
    // its fixed rejects) imported twice makes no duplicates.
    let mut same = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM cases c WHERE c.opened = ?1 AND c.title = ?2 \
         AND COALESCE((SELECT k.name FROM case_people p JOIN contacts k ON k.id = p.contact_id \
             WHERE p.case_id = c.id AND p.role = 'constituent' ORDER BY p.id LIMIT 1), '') = ?3)",
    )?;
    let mut skip: Vec<bool> = Vec::with_capacity(plan.cases.len());
    let mut used = vec![false; plan.people.len()];
    for c in &plan.cases {
        let reference = c.case.reference.trim();
        let taken: bool = if reference.is_empty() {
            let name = c
                .constituent
                .and_then(|i| plan.people.get(i))
                .map(|p| p.contact.name.trim())
                .unwrap_or("");
            same.query_row(rusqlite::params![c.case.opened, c.case.title, name], |r| {
                r.get(0)
            })?
        } else {
            exists.query_row([reference], |r| r.get(0))?
        };
        skip.push(taken);
        if !taken {
            for i in [c.constituent, c.on_behalf_of].into_iter().flatten() {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
            }
        }
    }
    let mut people = Vec::with_capacity(plan.people.len());
    for (person, used) in plan.people.iter().zip(used) {
        let c = &person.contact;
        let found = if !used {
            Found::Unused
        } else if person.by_name_only {
            match contacts::by_name(conn, &c.name)?.as_slice() {
                [one] => Found::Existing(one.id),
                _ => Found::New,
            }
        } else {
            match contacts::find_same_person(conn, &crate::domain::Identity::of_contact(c))? {
                Some(id) => Found::Existing(id),
                None => Found::New,
            }
        };
        people.push(found);
    }
    Ok(Resolution { skip, people })
}

/// Maps the UUIDs of one table to the local ids given to them.
struct Ids {
    what: &'static str,
    map: HashMap<Uuid, i64>,
}

impl Ids {
    fn new(what: &'static str) -> Ids {
        Ids {
            what,
            map: HashMap::new(),
        }
    }

    fn get(&self, uuid: &Uuid, from: &str, from_uuid: &Uuid) -> Result<i64> {
        self.map.get(uuid).copied().ok_or_else(|| {
            Error::user(
                Msg::new("error-export-link-missing")
                    .msg("from", Msg::record(from))
                    .text("from_uuid", from_uuid.to_string())
                    .msg("what", Msg::record(self.what))
                    .text("uuid", uuid.to_string()),
            )
        })
    }

    fn opt(&self, uuid: &Option<Uuid>, from: &str, from_uuid: &Uuid) -> Result<Option<i64>> {
        uuid.as_ref()
            .map(|u| self.get(u, from, from_uuid))
            .transpose()
    }
}

/// An insert that failed: named by the record, for a file edited by hand.
fn refused(what: &'static str, uuid: &Uuid) -> impl Fn(rusqlite::Error) -> Error {
    let uuid = *uuid;
    move |e| {
        Error::user(
            Msg::new("error-export-record-refused")
                .msg("what", Msg::record(what))
                .text("uuid", uuid.to_string())
                .text("detail", e.to_string()),
        )
    }
}

/// The row ids given so far, by export UUID, for the links of later tables.
struct Links {
    contacts: Ids,
    surgeries: Ids,
    cases: Ids,
    entries: Ids,
}

/// One loader a table, in the order their links need.
type Loader = fn(&Connection, &x::Export, &mut Links) -> Result<()>;
const LOADERS: &[Loader] = &[
    load_contacts,
    load_directory,
    load_surgeries,
    load_cases,
    load_entries,
    load_referrals,
    load_follow_ups,
    load_tombstones,
    load_reference_counters,
];

/// Inserts every record of `doc` with its own UUID and timestamps.
fn load(tx: &Connection, doc: &x::Export) -> Result<()> {
    let mut links = Links {
        contacts: Ids::new("contact"),
        surgeries: Ids::new("surgery"),
        cases: Ids::new("case"),
        entries: Ids::new("entry"),
    };
    for load in LOADERS {
        load(tx, doc, &mut links)?;
    }
    Ok(())
}

fn load_contacts(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO contacts (uuid, created_at, updated_at, name_fold, name, kind, organisation, \
         department, role, address, postcode, phone, email, preferred_contact, gender, age_band, \
         ethnicity, employment_status, caution, notes, language) VALUES \
         (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, \
         ?21)",
    )?;
    for c in &doc.contacts {
        stmt.execute(params![
            c.uuid.to_string(),
            c.created_at,
            c.updated_at,
            name_key(&c.name),
            normalise_name(&c.name),
            c.kind,
            c.organisation,
            c.department,
            c.role,
            c.address,
            c.postcode,
            c.phone,
            c.email,
            c.preferred_contact,
            c.gender,
            c.age_band,
            c.ethnicity,
            c.employment_status,
            c.caution,
            c.notes,
            c.language,
        ])
        .map_err(refused("contact", &c.uuid))?;
        links.contacts.map.insert(c.uuid, tx.last_insert_rowid());
    }
    Ok(())
}

fn load_directory(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO directory (uuid, created_at, updated_at, contact_id, handles, categories) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for d in &doc.directory {
        let contact = links.contacts.get(&d.contact, "directory entry", &d.uuid)?;
        stmt.execute(params![
            d.uuid.to_string(),
            d.created_at,
            d.updated_at,
            contact,
            d.handles,
            d.categories.join(","),
        ])
        .map_err(refused("directory entry", &d.uuid))?;
    }
    Ok(())
}

fn load_surgeries(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO surgeries (uuid, created_at, updated_at, held_on, venue, started_at, ended_at, notes) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for s in &doc.surgeries {
        stmt.execute(params![
            s.uuid.to_string(),
            s.created_at,
            s.updated_at,
            s.held_on,
            s.venue,
            s.started_at.map(moment),
            s.ended_at.map(moment),
            s.notes,
        ])
        .map_err(refused("surgery", &s.uuid))?;
        links.surgeries.map.insert(s.uuid, tx.last_insert_rowid());
    }
    Ok(())
}

fn load_cases(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO cases (uuid, created_at, updated_at, area, reference, title, opened, closed, \
         kind, category, channel, location, postcode, facts, wants, history, others_involved, \
         status, outcome, satisfaction, feedback, promised_by, consent_to_share, surgery_id, \
         publicise, contacted_on, consent_on, shared, outcome_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, \
         ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, \
         ?26, ?27, ?28, ?29)",
    )?;
    let mut person = tx.prepare_cached(
        "INSERT INTO case_people (uuid, created_at, updated_at, case_id, contact_id, role) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for c in &doc.cases {
        let surgery = links.surgeries.opt(&c.surgery, "case", &c.uuid)?;
        stmt.execute(params![
            c.uuid.to_string(),
            c.created_at,
            c.updated_at,
            area_key(opt(&c.location), opt(&c.postcode)),
            c.reference,
            c.title,
            c.opened,
            c.closed,
            c.kind,
            c.category,
            c.channel,
            c.location,
            c.postcode,
            c.facts,
            c.wants,
            c.history,
            c.others_involved,
            c.status,
            c.outcome,
            c.satisfaction,
            c.feedback,
            c.promised_by,
            c.consent_to_share,
            surgery,
            c.publicise,
            c.contacted_on,
            c.consent_on,
            c.shared,
            c.outcome_note,
        ])
        .map_err(refused("case", &c.uuid))?;
        let case_id = tx.last_insert_rowid();
        links.cases.map.insert(c.uuid, case_id);
        for p in &c.people {
            let contact = links.contacts.get(&p.contact, "case person", &p.uuid)?;
            person
                .execute(params![
                    p.uuid.to_string(),
                    p.created_at,
                    p.updated_at,
                    case_id,
                    contact,
                    p.role,
                ])
                .map_err(refused("case person", &p.uuid))?;
        }
    }
    Ok(())
}

fn load_entries(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entries (uuid, created_at, updated_at, case_id, contact_id, kind, at, text, \
         confidential, surgery_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for e in &doc.entries {
        let case = links.cases.opt(&e.case, "entry", &e.uuid)?;
        let contact = links.contacts.opt(&e.contact, "entry", &e.uuid)?;
        let surgery = links.surgeries.opt(&e.surgery, "entry", &e.uuid)?;
        stmt.execute(params![
            e.uuid.to_string(),
            e.created_at,
            e.updated_at,
            case,
            contact,
            e.kind,
            moment(e.at),
            e.text,
            e.confidential,
            surgery,
        ])
        .map_err(refused("entry", &e.uuid))?;
        let id = tx.last_insert_rowid();
        links.entries.map.insert(e.uuid, id);
        super::mail::import_mail(tx, crate::domain::Id::new(id), e)?;
    }
    Ok(())
}

fn load_referrals(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO referrals (uuid, created_at, updated_at, case_id, to_contact_id, referred_on, \
         council_ref, instruction, note, constituent_copied, due_on, reply_on, reply) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for r in &doc.referrals {
        let case = links.cases.get(&r.case, "referral", &r.uuid)?;
        let to = links.contacts.get(&r.to, "referral", &r.uuid)?;
        stmt.execute(params![
            r.uuid.to_string(),
            r.created_at,
            r.updated_at,
            case,
            to,
            r.referred_on,
            r.council_ref,
            r.instruction,
            r.note,
            r.constituent_copied,
            r.due_on,
            r.reply_on,
            r.reply,
        ])
        .map_err(refused("referral", &r.uuid))?;
    }
    Ok(())
}

fn load_follow_ups(tx: &Connection, doc: &x::Export, links: &mut Links) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO follow_ups (uuid, created_at, updated_at, case_id, contact_id, entry_id, \
         due_on, what, done_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for f in &doc.follow_ups {
        let case = links.cases.opt(&f.case, "follow-up", &f.uuid)?;
        let contact = links.contacts.opt(&f.contact, "follow-up", &f.uuid)?;
        let entry = links.entries.opt(&f.entry, "follow-up", &f.uuid)?;
        stmt.execute(params![
            f.uuid.to_string(),
            f.created_at,
            f.updated_at,
            case,
            contact,
            entry,
            f.due_on,
            f.what,
            f.done_on,
        ])
        .map_err(refused("follow-up", &f.uuid))?;
    }
    Ok(())
}

fn load_tombstones(tx: &Connection, doc: &x::Export, _links: &mut Links) -> Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT INTO tombstones (uuid, kind, deleted_at) VALUES (?1, ?2, ?3)")?;
    for t in &doc.tombstones {
        stmt.execute(params![t.uuid.to_string(), t.kind, t.deleted_at])
            .map_err(refused("tombstone", &t.uuid))?;
    }
    Ok(())
}

fn load_reference_counters(tx: &Connection, doc: &x::Export, _links: &mut Links) -> Result<()> {
    let mut stmt =
        tx.prepare_cached("INSERT INTO reference_counters (year, last) VALUES (?1, ?2)")?;
    for c in &doc.reference_counters {
        stmt.execute(params![c.year, c.last]).map_err(|e| {
            Error::user(
                Msg::new("error-export-counter-refused")
                    .num("year", c.year)
                    .text("detail", e.to_string()),
            )
        })?;
    }
    Ok(())
}
