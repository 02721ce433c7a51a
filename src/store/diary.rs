//! Logging one thing that happened, from the shell or the quick call log:
//! find or create the person, file it on a case if asked, add the follow-up,
//! all in one transaction.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

use super::{Store, cases, contacts, entries, followups};
use crate::domain::rules::Happened;
use crate::domain::{Case, Contact, Entry, EntryKind, FollowUp, Id, Role, Surgery};
use crate::{Error, Result};

/// Who a diary entry was with.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    /// Chosen from the contacts (the UI's completion).
    Known(Id<Contact>),
    /// Typed as a name: an existing contact of that name, or a new one.
    Named(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogRequest {
    pub who: Who,
    /// A case reference such as `2026-0042`; `None` leaves the entry unfiled.
    pub case: Option<String>,
    pub kind: EntryKind,
    pub at: NaiveDateTime,
    pub text: String,
    pub follow_up: Option<NaiveDate>,
    pub confidential: bool,
    pub surgery: Option<Id<Surgery>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogOutcome {
    pub entry: Id<Entry>,
    pub contact: Id<Contact>,
    pub contact_name: String,
    /// True when the name was new and a contact was created for it.
    pub contact_created: bool,
    pub case: Option<(Id<Case>, String)>,
    pub follow_up: Option<NaiveDate>,
}

impl Store {
    pub fn log(&mut self, req: &LogRequest) -> Result<LogOutcome> {
        if req.text.trim().is_empty() {
            return Err(Error::user(crate::error::Msg::new("error-log-empty")));
        }
        crate::domain::rules::check_not_future_by_system_clock(req.at, Happened::Entry)?;
        self.write(|tx| {
            let case = match req.case.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                None => None,
                Some(r) => Some(cases::by_reference(tx, r)?.ok_or_else(|| Error::NotFound {
                    what: "case with reference",
                    name: r.to_string(),
                })?),
            };
            let (contact, contact_name, created) = match &req.who {
                Who::Known(id) => (*id, contacts::get(tx, *id)?.data.name, false),
                Who::Named(name) => {
                    // As the contact will be stored: one line, NFC, spaces squashed.
                    let name = crate::domain::text::normalise_name(name);
                    let name = name.as_str();
                    if name.is_empty() {
                        return Err(Error::user(crate::error::Msg::new("error-log-no-name")));
                    }
                    let found = contacts::by_name(tx, name)?;
                    match found.as_slice() {
                        [] => (contacts::insert(tx, &Contact::named(name))?, name.to_string(), true),
                        [one] => (one.id, one.data.name.clone(), false),
                        several => {
                            // Prefer the namesake already on the case, if there is one.
                            let on_case = match &case {
                                Some(c) => {
                                    let mut hit = None;
                                    for s in several {
                                        let on: bool = tx.query_row(
                                            "SELECT EXISTS (SELECT 1 FROM case_people WHERE case_id = ?1 AND contact_id = ?2)",
                                            params![c.id, s.id],
                                            |r| r.get(0),
                                        )?;
                                        if on {
                                            hit = Some(s);
                                            break;
                                        }
                                    }
                                    hit
                                }
                                None => None,
                            };
                            match on_case {
                                Some(s) => (s.id, s.data.name.clone(), false),
                                None => {
                                    let n = several.len();
                                    let n = i64::try_from(n).unwrap_or(i64::MAX);
                                    return Err(Error::user(match &case {
                                        Some(c) => crate::error::Msg::new("error-log-namesakes-on-case")
                                            .num("count", n)
                                            .text("name", name)
                                            .text("reference", &c.data.reference),
                                        None => crate::error::Msg::new("error-log-namesakes")
                                            .num("count", n)
                                            .text("name", name),
                                    }));
                                }
                            }
                        }
                    }
                }
            };
            if let Some(c) = &case {
                let has_constituent: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM case_people WHERE case_id = ?1 AND role = 'constituent')",
                    [c.id],
                    |r| r.get(0),
                )?;
                let on_case: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM case_people WHERE case_id = ?1 AND contact_id = ?2)",
                    params![c.id, contact],
                    |r| r.get(0),
                )?;
                if !on_case {
                    let role = if has_constituent { Role::Other } else { Role::Constituent };
                    cases::add_person(tx, crate::domain::CasePerson { case: c.id, contact, role })?;
                }
            }
            let entry = entries::insert(
                tx,
                &Entry {
                    case: case.as_ref().map(|c| c.id),
                    contact: Some(contact),
                    kind: req.kind,
                    at: req.at,
                    text: req.text.clone(),
                    confidential: req.confidential,
                    surgery: req.surgery,
                },
            )?;
            if let Some(due_on) = req.follow_up {
                followups::insert(
                    tx,
                    &FollowUp {
                        case: case.as_ref().map(|c| c.id),
                        contact: Some(contact),
                        entry: Some(entry),
                        due_on,
                        what: follow_up_text(&contact_name, &req.text),
                        done_on: None,
                    },
                )?;
            }
            Ok(LogOutcome {
                entry,
                contact,
                contact_name,
                contact_created: created,
                case: case.map(|c| (c.id, c.data.reference)),
                follow_up: req.follow_up,
            })
        })
    }
}

/// "Follow up with Siân Davies: bins not collected on Heol …": the stored
/// form of [`crate::domain::followup`].
fn follow_up_text(name: &str, text: &str) -> String {
    crate::domain::followup::stored_with(name, text)
}
