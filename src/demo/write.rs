//! Saves what [`super::plan`] invented, through the store's bulk writer, in
//! the order it was planned: a plan's people are numbered in that order, so
//! the nth contact saved is `PersonNo(n)`.

use super::plan::{CallPlan, CasePlan, EntryPlan, FollowUpPlan, Listed, PersonNo, SurgeryNo};
use crate::Result;
use crate::domain::{Case, Contact, DirectoryEntry, Entry, FollowUp, Id, Referral, Surgery};
use crate::store::Bulk;

/// The store's ids of what has been saved so far.
#[derive(Debug, Default)]
pub struct Writer {
    people: Vec<Id<Contact>>,
    surgeries: Vec<Id<Surgery>>,
}

impl Writer {
    fn person(&self, n: PersonNo) -> Id<Contact> {
        // Plans only name people invented before them, and each is saved
        // before the plan that names it.
        self.people[n.0]
    }

    fn surgery(&self, n: SurgeryNo) -> Id<Surgery> {
        self.surgeries[n.0]
    }

    fn new_people(&mut self, b: &Bulk<'_>, people: &[Contact]) -> Result<()> {
        for c in people {
            self.people.push(b.contact(c)?);
        }
        Ok(())
    }

    pub fn directory(&mut self, b: &Bulk<'_>, listed: &[Listed]) -> Result<()> {
        for l in listed {
            let id = b.contact(&l.contact)?;
            self.people.push(id);
            if let Some((handles, categories)) = &l.handles {
                b.directory(&DirectoryEntry {
                    contact: id,
                    handles: handles.clone(),
                    categories: categories.clone(),
                })?;
            }
        }
        Ok(())
    }

    pub fn surgeries(&mut self, b: &Bulk<'_>, surgeries: &[Surgery]) -> Result<()> {
        for s in surgeries {
            self.surgeries.push(b.surgery(s)?);
        }
        Ok(())
    }

    pub fn case(&mut self, b: &Bulk<'_>, plan: CasePlan) -> Result<()> {
        self.new_people(b, &plan.new_people)?;
        let case_id = b.case(&Case {
            surgery: plan.surgery.map(|s| self.surgery(s)),
            ..plan.case
        })?;
        for (who, role) in &plan.people {
            b.person(case_id, self.person(*who), *role)?;
        }
        if let Some(r) = plan.referral {
            b.referral(&Referral {
                case: case_id,
                to: self.person(r.to),
                referred_on: r.referred_on,
                council_ref: r.council_ref,
                instruction: r.instruction,
                note: r.note,
                constituent_copied: r.constituent_copied,
                due_on: r.due_on,
                reply_on: r.reply_on,
                reply: r.reply,
            })?;
        }
        let mut entries = Vec::with_capacity(plan.entries.len());
        for e in plan.entries {
            entries.push(self.entry(b, Some(case_id), e)?);
        }
        for f in plan.follow_ups {
            self.follow_up(b, Some(case_id), entries.get(f.entry).copied(), f)?;
        }
        Ok(())
    }

    pub fn call(&mut self, b: &Bulk<'_>, plan: CallPlan) -> Result<()> {
        self.new_people(b, &plan.new_people)?;
        let entry = self.entry(b, None, plan.entry)?;
        if let Some(f) = plan.follow_up {
            self.follow_up(b, None, Some(entry), f)?;
        }
        Ok(())
    }

    fn entry(&self, b: &Bulk<'_>, case: Option<Id<Case>>, e: EntryPlan) -> Result<Id<Entry>> {
        b.entry(&Entry {
            case,
            contact: e.contact.map(|c| self.person(c)),
            kind: e.kind,
            at: e.at,
            text: e.text,
            confidential: e.confidential,
            surgery: e.surgery.map(|s| self.surgery(s)),
        })
    }

    fn follow_up(
        &self,
        b: &Bulk<'_>,
        case: Option<Id<Case>>,
        entry: Option<Id<Entry>>,
        f: FollowUpPlan,
    ) -> Result<()> {
        b.follow_up(&FollowUp {
            case,
            contact: Some(self.person(f.contact)),
            entry,
            due_on: f.due_on,
            what: f.what,
            done_on: f.done_on,
        })
    }
}
