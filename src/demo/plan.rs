//! What the demo invents, as data: a case with its people, diary, referral
//! and follow-ups, said without a store. People and surgeries are named by
//! the order they were invented in ([`PersonNo`], [`SurgeryNo`]);
//! [`super::write::Writer`] saves a plan and turns those numbers into the
//! store's ids.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{Case, Contact, EntryKind, Instruction, Role};

/// The nth contact the demo invented, counting from 0: the directory's
/// first, then constituents as cases meet them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonNo(pub usize);

/// The nth ward surgery, in date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurgeryNo(pub usize);

/// Someone in the directory (an officer or agency, with what they handle)
/// or a fellow councillor (no listing).
#[derive(Debug, Clone)]
pub struct Listed {
    pub contact: Contact,
    /// What they deal with, and the categories they handle.
    pub handles: Option<(String, Vec<String>)>,
}

/// One invented case, start to finish.
#[derive(Debug, Clone)]
pub struct CasePlan {
    /// People first met on this case, numbered on from those before.
    pub new_people: Vec<Contact>,
    /// The case as it stands today (its surgery is `surgery`).
    pub case: Case,
    pub surgery: Option<SurgeryNo>,
    /// Who is on the case, in order: the constituent first.
    pub people: Vec<(PersonNo, Role)>,
    pub referral: Option<ReferralPlan>,
    /// The diary, in the order it happened.
    pub entries: Vec<EntryPlan>,
    pub follow_ups: Vec<FollowUpPlan>,
}

/// A call, email or visit not filed on any case.
#[derive(Debug, Clone)]
pub struct CallPlan {
    pub new_people: Vec<Contact>,
    pub entry: EntryPlan,
    /// Its follow-up (`entry` is 0: this call).
    pub follow_up: Option<FollowUpPlan>,
}

#[derive(Debug, Clone)]
pub struct EntryPlan {
    pub contact: Option<PersonNo>,
    pub kind: EntryKind,
    pub at: NaiveDateTime,
    pub text: String,
    pub confidential: bool,
    pub surgery: Option<SurgeryNo>,
}

#[derive(Debug, Clone)]
pub struct ReferralPlan {
    pub to: PersonNo,
    pub referred_on: NaiveDate,
    pub council_ref: Option<String>,
    pub instruction: Instruction,
    pub note: Option<String>,
    pub constituent_copied: bool,
    pub due_on: NaiveDate,
    pub reply_on: Option<NaiveDate>,
    pub reply: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FollowUpPlan {
    pub contact: PersonNo,
    /// The entry it follows, by its place in the plan's diary.
    pub entry: usize,
    pub due_on: NaiveDate,
    pub what: String,
    pub done_on: Option<NaiveDate>,
}

/// Adds an entry to a diary being planned; its place, for a follow-up.
pub fn plan_entry(entries: &mut Vec<EntryPlan>, e: EntryPlan) -> usize {
    entries.push(e);
    entries.len() - 1
}
