//! Read-only queries shaped for the screens of the terminal UI: one row a
//! line, with the names and references a line shows already joined in.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Row, params};

use super::Store;
use crate::Result;
use crate::domain::{Case, Contact, ContactKind, Entry, EntryKind, FollowUp, Id, Referral};

/// A follow-up as a line: when, what, with whom, on which case.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpLine {
    pub id: Id<FollowUp>,
    pub due_on: NaiveDate,
    pub what: String,
    pub done_on: Option<NaiveDate>,
    pub contact: Option<String>,
    pub contact_id: Option<Id<Contact>>,
    pub case: Option<(Id<Case>, String)>,
}

/// A diary entry as a line.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryLine {
    pub id: Id<Entry>,
    pub at: NaiveDateTime,
    pub kind: EntryKind,
    pub text: String,
    pub confidential: bool,
    pub contact: Option<String>,
    pub contact_id: Option<Id<Contact>>,
    pub case: Option<(Id<Case>, String)>,
}

/// A contact as a line of the contact list.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactLine {
    pub id: Id<Contact>,
    pub name: String,
    /// The paging key (with `id`).
    pub name_fold: String,
    pub kind: ContactKind,
    pub organisation: Option<String>,
    pub postcode: Option<String>,
    pub caution: Option<String>,
    pub open_cases: u64,
}

/// A referral as a line, with the name of whom it went to.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralLine {
    pub id: Id<Referral>,
    pub to: String,
    pub referred_on: NaiveDate,
    pub council_ref: Option<String>,
    pub due_on: NaiveDate,
    pub reply_on: Option<NaiveDate>,
}

const FOLLOW_UP_LINE: &str = "SELECT f.id, f.due_on, f.what, f.done_on, k.name, c.id, c.reference, k.id \
     FROM follow_ups f LEFT JOIN contacts k ON k.id = f.contact_id \
     LEFT JOIN cases c ON c.id = f.case_id";

fn follow_up_line(r: &Row<'_>) -> rusqlite::Result<FollowUpLine> {
    let case_id: Option<Id<Case>> = r.get(5)?;
    let case_ref: Option<String> = r.get(6)?;
    Ok(FollowUpLine {
        id: r.get(0)?,
        due_on: r.get(1)?,
        what: r.get(2)?,
        done_on: r.get(3)?,
        contact: r.get(4)?,
        contact_id: r.get(7)?,
        case: case_id.zip(case_ref),
    })
}

const ENTRY_LINE: &str = "SELECT e.id, e.at, e.kind, e.text, e.confidential, k.name, c.id, c.reference, k.id \
     FROM entries e LEFT JOIN contacts k ON k.id = e.contact_id \
     LEFT JOIN cases c ON c.id = e.case_id";

fn entry_line(r: &Row<'_>) -> rusqlite::Result<EntryLine> {
    let case_id: Option<Id<Case>> = r.get(6)?;
    let case_ref: Option<String> = r.get(7)?;
    Ok(EntryLine {
        id: r.get(0)?,
        at: r.get(1)?,
        kind: r.get(2)?,
        text: r.get(3)?,
        confidential: r.get(4)?,
        contact: r.get(5)?,
        contact_id: r.get(8)?,
        case: case_id.zip(case_ref),
    })
}

impl Store {
    /// Follow-ups not done and due on or before `until`, soonest first.
    pub fn due_follow_up_lines(&self, until: NaiveDate, limit: usize) -> Result<Vec<FollowUpLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{FOLLOW_UP_LINE} WHERE f.done_on IS NULL AND f.due_on <= ?1 ORDER BY f.due_on, f.id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![until, limit as i64], follow_up_line)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A case's follow-ups: pending ones first by date, then done ones.
    pub fn follow_up_lines_of_case(&self, case: Id<Case>) -> Result<Vec<FollowUpLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{FOLLOW_UP_LINE} WHERE f.case_id = ?1 ORDER BY f.done_on IS NOT NULL, f.due_on, f.id LIMIT 200"
        ))?;
        let rows = stmt.query_map([case], follow_up_line)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest entries in the diary, newest first.
    pub fn latest_entry_lines(&self, limit: usize) -> Result<Vec<EntryLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{ENTRY_LINE} ORDER BY e.at DESC, e.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], entry_line)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A case's timeline: the latest `limit` entries, oldest first.
    pub fn entry_lines_of_case(&self, case: Id<Case>, limit: usize) -> Result<Vec<EntryLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT * FROM ({ENTRY_LINE} WHERE e.case_id = ?1 ORDER BY e.at DESC, e.id DESC LIMIT ?2) \
             ORDER BY 2, 1"
        ))?;
        let rows = stmt.query_map(params![case, limit as i64], entry_line)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A contact's entries, newest first.
    pub fn entry_lines_of_contact(
        &self,
        contact: Id<Contact>,
        limit: usize,
    ) -> Result<Vec<EntryLine>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{ENTRY_LINE} WHERE e.contact_id = ?1 ORDER BY e.at DESC, e.id DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![contact, limit as i64], entry_line)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One entry as a line.
    pub fn entry_line(&self, id: Id<Entry>) -> Result<Option<EntryLine>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{ENTRY_LINE} WHERE e.id = ?1"))?;
        let mut rows = stmt.query_map([id], entry_line)?;
        Ok(rows.next().transpose()?)
    }

    /// One page of the contact list in name order, after `after` (the
    /// `name_fold` and id of the previous page's last line): keyset paging.
    pub fn contact_lines_page(
        &self,
        after: Option<(&str, Id<Contact>)>,
        limit: usize,
    ) -> Result<Vec<ContactLine>> {
        let (after_name, after_id) = after.unwrap_or(("", Id::new(0)));
        let mut stmt = self.conn().prepare_cached(
            "SELECT k.id, k.name, k.name_fold, k.kind, k.organisation, k.postcode, k.caution, \
             (SELECT count(*) FROM case_people p JOIN cases c ON c.id = p.case_id \
              WHERE p.contact_id = k.id AND c.status <> 'closed') \
             FROM contacts k WHERE (k.name_fold, k.id) > (?1, ?2) ORDER BY k.name_fold, k.id LIMIT ?3",
        )?;
        let rows = stmt.query_map(params![after_name, after_id, limit as i64], |r| {
            Ok(ContactLine {
                id: r.get(0)?,
                name: r.get(1)?,
                name_fold: r.get(2)?,
                kind: r.get(3)?,
                organisation: r.get(4)?,
                postcode: r.get(5)?,
                caution: r.get(6)?,
                open_cases: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A case's referrals with the name of each officer or agency, oldest first.
    pub fn referral_lines_of_case(&self, case: Id<Case>) -> Result<Vec<ReferralLine>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.id, k.name, r.referred_on, r.council_ref, r.due_on, r.reply_on \
             FROM referrals r JOIN contacts k ON k.id = r.to_contact_id \
             WHERE r.case_id = ?1 ORDER BY r.referred_on, r.id",
        )?;
        let rows = stmt.query_map([case], |r| {
            Ok(ReferralLine {
                id: r.get(0)?,
                to: r.get(1)?,
                referred_on: r.get(2)?,
                council_ref: r.get(3)?,
                due_on: r.get(4)?,
                reply_on: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{LogRequest, Who};

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a moment")
    }

    #[test]
    fn lines_join_names_and_page_contacts() {
        let mut s = Store::open_in_memory().expect("store");
        for (name, text) in [
            ("Siân Davies", "bins"),
            ("Alun Rees", "parking"),
            ("Bethan Ellis", "lights"),
        ] {
            s.log(&LogRequest {
                who: Who::Named(name.into()),
                case: None,
                kind: EntryKind::CallIn,
                at: at("2026-03-01 09:00"),
                text: text.into(),
                follow_up: NaiveDate::from_ymd_opt(2026, 3, 2),
                confidential: false,
                surgery: None,
            })
            .expect("logged");
        }
        let latest = s.latest_entry_lines(10).expect("latest");
        assert_eq!(latest.len(), 3);
        assert_eq!(latest[0].contact.as_deref(), Some("Bethan Ellis"));
        let due = s
            .due_follow_up_lines(NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"), 10)
            .expect("due");
        assert_eq!(due.len(), 3);
        assert_eq!(due[0].contact.as_deref(), Some("Siân Davies"));
        let page1 = s.contact_lines_page(None, 2).expect("page");
        assert_eq!(
            page1.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["Alun Rees", "Bethan Ellis"]
        );
        let last = page1.last().expect("a line");
        let page2 = s
            .contact_lines_page(Some((&last.name_fold, last.id)), 2)
            .expect("page");
        assert_eq!(page2.len(), 1);
        assert_eq!(page2[0].name, "Siân Davies");
    }
}
