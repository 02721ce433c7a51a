//! The records of casework (SPEC section 2), as plain data. The store wraps
//! each in a [`Record`](super::Record) once saved.
//!
//! Records that point at others hold local ids, which mean nothing outside
//! one file: exports carry UUIDs instead, so these types are not serialised.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::Id;
use super::kinds::*;
use crate::{Error, Result};

/// A person or organisation: a constituent, an officer, an agency, a councillor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub kind: Option<ContactKind>,
    pub organisation: Option<String>,
    pub department: Option<String>,
    pub role: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub preferred_contact: Option<PreferredContact>,
    /// English, Welsh or both; `None`: not asked.
    pub language: Option<Language>,
    /// Self-described; `prefer_not_to_say` allowed; `None` is unknown.
    pub gender: Option<String>,
    pub age_band: Option<AgeBand>,
    pub ethnicity: Option<String>,
    pub employment_status: Option<String>,
    /// A personal-safety caution (the safe-surgeries guidance). Shown wherever
    /// this person appears.
    pub caution: Option<String>,
    pub notes: Option<String>,
}

impl Contact {
    pub fn named(name: impl Into<String>) -> Self {
        Contact {
            name: name.into(),
            ..Default::default()
        }
    }

    pub fn with_kind(mut self, kind: ContactKind) -> Self {
        self.kind = Some(kind);
        self
    }

    pub fn kind(&self) -> ContactKind {
        self.kind.unwrap_or(ContactKind::Constituent)
    }

    pub fn validate(&self) -> Result<()> {
        require("name", &super::text::normalise_name(&self.name))?;
        if let Some(email) = self.email.as_deref().filter(|e| !e.trim().is_empty())
            && !looks_like_email(email)
        {
            return Err(Error::user(
                crate::error::Msg::new("error-not-an-email").text("input", email),
            ));
        }
        Ok(())
    }
}

/// One individual problem being resolved for one or more constituents.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// Human reference such as `2026-0042`; the store assigns one when empty.
    pub reference: String,
    pub title: String,
    pub opened: NaiveDate,
    pub closed: Option<NaiveDate>,
    pub kind: CaseKind,
    pub category: String,
    pub channel: Channel,
    pub location: Option<String>,
    pub postcode: Option<String>,
    /// The facts (not just opinions).
    pub facts: Option<String>,
    /// What the constituent wants done.
    pub wants: Option<String>,
    /// Who was approached before; how long it has gone on.
    pub history: Option<String>,
    pub others_involved: Option<String>,
    pub status: CaseStatus,
    pub outcome: Option<Outcome>,
    /// A sentence on how the case ended, asked for with the outcome.
    pub outcome_note: Option<String>,
    /// Constituent feedback, 1–5.
    pub satisfaction: Option<u8>,
    pub feedback: Option<String>,
    /// The response time promised to the constituent ("managing expectations").
    pub promised_by: Option<NaiveDate>,
    /// Whether the constituent agreed to their details being shared with
    /// officers or third parties. `None`: not yet asked.
    pub consent_to_share: Option<bool>,
    pub surgery: Option<Id<Surgery>>,
    /// A success to publicise (anonymised) in a leaflet or newsletter.
    pub publicise: bool,
    // Schema 6 (SPEC section 2): first contact, consent date, shared flag.
    /// The day the constituent first made contact, when before `opened`
    /// (surgery notes typed up that evening). `None`: the opened date.
    pub contacted_on: Option<NaiveDate>,
    /// When consent was given (or refused).
    pub consent_on: Option<NaiveDate>,
    /// Shared with the councillor's office; `false`: private.
    pub shared: bool,
}

impl Case {
    /// A new open case with the least a case needs.
    pub fn new(title: impl Into<String>, opened: NaiveDate) -> Self {
        Case {
            reference: String::new(),
            title: title.into(),
            opened,
            closed: None,
            kind: CaseKind::DirectQuery,
            category: "other".into(),
            channel: Channel::Phone,
            location: None,
            postcode: None,
            facts: None,
            wants: None,
            history: None,
            others_involved: None,
            status: CaseStatus::Open,
            outcome: None,
            outcome_note: None,
            satisfaction: None,
            feedback: None,
            promised_by: None,
            consent_to_share: None,
            surgery: None,
            publicise: false,
            contacted_on: None,
            consent_on: None,
            shared: false,
        }
    }

    pub fn is_closed(&self) -> bool {
        self.status == CaseStatus::Closed
    }

    /// Checks the case against itself and the configured categories.
    pub fn validate(&self, categories: &[String]) -> Result<()> {
        require("title", &self.title)?;
        if !categories.iter().any(|c| c == &self.category) {
            return Err(Error::user(
                crate::error::Msg::new("error-unknown-value")
                    .text("list", "category")
                    .text("value", &self.category)
                    .text("names", categories.join(", ")),
            ));
        }
        if let Some(s) = self.satisfaction
            && !(1..=5).contains(&s)
        {
            return Err(Error::user(
                crate::error::Msg::new("error-satisfaction-range").num("value", s),
            ));
        }
        if let Some(closed) = self.closed
            && closed < self.opened
        {
            return Err(Error::user(
                crate::error::Msg::new("error-case-closed-before-opened")
                    .text("closed", closed.to_string())
                    .text("opened", self.opened.to_string()),
            ));
        }
        if let Some(on) = self.contacted_on
            && on > self.opened
        {
            return Err(Error::user(
                crate::error::Msg::new("error-case-contacted-after-opened")
                    .text("contacted", on.to_string())
                    .text("opened", self.opened.to_string()),
            ));
        }
        if let Some(on) = self.consent_on
            && self.consent_to_share.is_none()
        {
            return Err(Error::user(
                crate::error::Msg::new("error-case-consent-undecided").text("date", on.to_string()),
            ));
        }
        if self.status == CaseStatus::Closed && self.closed.is_none() {
            return Err(Error::user(crate::error::Msg::new(
                "error-case-closed-needs-date",
            )));
        }
        if self.status != CaseStatus::Closed
            && (self.closed.is_some() || self.outcome.is_some() || self.outcome_note.is_some())
        {
            return Err(Error::user(
                crate::error::Msg::new("error-case-open-with-outcome")
                    .text("status", self.status.as_str()),
            ));
        }
        Ok(())
    }
}

/// A person on a case, and the part they play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CasePerson {
    pub case: Id<Case>,
    pub contact: Id<Contact>,
    pub role: Role,
}

/// One thing that happened: a call, an email, a note, an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// `None`: an unfiled entry (a call not yet tied to a case).
    pub case: Option<Id<Case>>,
    /// Who it was with.
    pub contact: Option<Id<Contact>>,
    pub kind: EntryKind,
    pub at: NaiveDateTime,
    pub text: String,
    /// Hidden on screen until revealed; left out of exports unless asked for.
    pub confidential: bool,
    pub surgery: Option<Id<Surgery>>,
}

impl Entry {
    pub fn validate(&self) -> Result<()> {
        require("text", &self.text)
    }
}

/// A case passed to an officer or agency, with a reply due.
#[derive(Debug, Clone, PartialEq)]
pub struct Referral {
    pub case: Id<Case>,
    /// An officer or agency from the directory.
    pub to: Id<Contact>,
    pub referred_on: NaiveDate,
    /// The council's own reference number for it.
    pub council_ref: Option<String>,
    pub instruction: Instruction,
    /// What was asked, in the councillor's words.
    pub note: Option<String>,
    pub constituent_copied: bool,
    /// Counted in working days (weekends and bank holidays skipped).
    pub due_on: NaiveDate,
    pub reply_on: Option<NaiveDate>,
    pub reply: Option<String>,
}

/// A dated reminder: call back, chase the officer, tell the constituent.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub case: Option<Id<Case>>,
    pub contact: Option<Id<Contact>>,
    /// The diary entry it came from, if any.
    pub entry: Option<Id<Entry>>,
    pub due_on: NaiveDate,
    pub what: String,
    pub done_on: Option<NaiveDate>,
}

impl FollowUp {
    pub fn validate(&self) -> Result<()> {
        require("what", &self.what)
    }
}

/// An advice session at a date and venue.
#[derive(Debug, Clone, PartialEq)]
pub struct Surgery {
    pub held_on: NaiveDate,
    pub venue: String,
    pub started_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub notes: Option<String>,
}

/// An officer or agency in the directory: "who do I speak to?"
#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryEntry {
    pub contact: Id<Contact>,
    /// What they handle, in plain words ("fly-tipping, missed bins, bulky waste").
    pub handles: String,
    /// Categories they deal with.
    pub categories: Vec<String>,
}

/// `field` names the field for the message's selector (`name`, `title`,
/// `text`, `what`).
fn require(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::user(
            crate::error::Msg::new("error-field-empty").text("field", field),
        ))
    } else {
        Ok(())
    }
}

fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !s.contains(' ')
        }
        None => false,
    }
}
