//! Referrals: a case passed to an officer or agency, with a reply due.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use super::rows::{META, new_uuid, opt, record, stamp};
use crate::domain::rules::Happened;
use crate::domain::workdays::{add_working_days, working_days_between};
use crate::domain::{
    Case, CasePerson, CaseStatus, Contact, ContactKind, Entry, EntryKind, Id, Instruction, Record,
    Referral, Role,
};
use crate::{Error, Result};

const COLUMNS: &str = "case_id, to_contact_id, referred_on, council_ref, instruction, note, \
     constituent_copied, due_on, reply_on, reply";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM referrals")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<Referral>> {
    let data = Referral {
        case: row.get(4)?,
        to: row.get(5)?,
        referred_on: row.get(6)?,
        council_ref: row.get(7)?,
        instruction: row.get(8)?,
        note: row.get(9)?,
        constituent_copied: row.get(10)?,
        due_on: row.get(11)?,
        reply_on: row.get(12)?,
        reply: row.get(13)?,
    };
    record(row, data)
}

pub(crate) fn insert(tx: &Connection, r: &Referral) -> Result<Id<Referral>> {
    if r.due_on < r.referred_on {
        return Err(Error::user(
            crate::error::Msg::new("error-referral-due-before")
                .text("due", r.due_on.to_string())
                .text("referred", r.referred_on.to_string()),
        ));
    }
    let now = stamp();
    tx.prepare_cached(&format!(
        "INSERT INTO referrals (uuid, created_at, updated_at, {COLUMNS}) \
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        new_uuid(),
        now,
        r.case,
        r.to,
        r.referred_on,
        opt(&r.council_ref),
        r.instruction,
        opt(&r.note),
        r.constituent_copied,
        r.due_on,
        r.reply_on,
        opt(&r.reply),
    ])?;
    Ok(Id::new(tx.last_insert_rowid()))
}

pub(crate) fn get(conn: &Connection, id: Id<Referral>) -> Result<Record<Referral>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "referral",
            name: format!("{id:?}"),
        })
}

impl Store {
    pub fn add_referral(&mut self, r: &Referral) -> Result<Record<Referral>> {
        let id = self.write(|tx| insert(tx, r))?;
        self.referral(id)
    }

    pub fn referral(&self, id: Id<Referral>) -> Result<Record<Referral>> {
        get(self.conn(), id)
    }

    pub fn referrals_of_case(&self, case: Id<Case>) -> Result<Vec<Record<Referral>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE case_id = ?1 ORDER BY referred_on, id",
            select()
        ))?;
        let rows = stmt.query_map([case], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records the reply to a referral.
    pub fn record_reply(&mut self, id: Id<Referral>, on: NaiveDate, reply: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE referrals SET reply_on = ?2, reply = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, on, reply.trim(), stamp()],
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    what: "referral",
                    name: format!("{id:?}"),
                });
            }
            Ok(())
        })
    }
}

/// A referral as the councillor asks for it: the store works out the reply
/// date in working days, moves the case on and writes the diary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReferral {
    pub case: Id<Case>,
    /// An officer or agency (from the directory).
    pub to: Id<Contact>,
    /// When it was made; the diary entry is stamped with it.
    pub at: NaiveDateTime,
    pub council_ref: Option<String>,
    pub instruction: Instruction,
    /// What was asked, in the councillor's words.
    pub note: Option<String>,
    pub constituent_copied: bool,
    /// Working days the officer has to reply (`config.referral_reply_days`).
    pub reply_days: u32,
}

/// Why a referral waits for the councillor to confirm it (a fact: the UI
/// and the CLI say it in the reader's words): the constituent
/// has not agreed to their details being shared (the workbook: "always ask
/// permission before sharing their information or views with a third party").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentWarning {
    pub case_reference: String,
    /// `Some(false)`: they said no; `None`: not asked yet.
    pub consent: Option<bool>,
}

/// What [`Store::refer`] did.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum ReferOutcome {
    /// Saved: the referral, the case moved to waiting, and a diary entry.
    Referred(Record<Referral>),
    /// Nothing saved: ask the councillor, and call again with
    /// `confirmed_without_consent = true` if they say go ahead.
    NeedsConfirmation(ConsentWarning),
}

/// What recording a reply did.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyOutcome {
    pub referral: Record<Referral>,
    pub case_reference: String,
    /// The case's status afterwards: back to `open` when nothing else is
    /// awaited from the council or partners.
    pub status: CaseStatus,
    /// Working days after the due date that the reply came (0: in time).
    pub working_days_late: u32,
}

fn case_ref_line(to: &Contact) -> String {
    match (opt(&to.department), opt(&to.organisation)) {
        (Some(d), _) => format!("{} ({d})", to.name),
        (None, Some(o)) => format!("{} ({o})", to.name),
        (None, None) => to.name.clone(),
    }
}

/// The diary text of a referral: who, the instruction, the reference and
/// the date the reply is due.
fn referral_entry_text(to: &Contact, r: &NewReferral, due_on: NaiveDate) -> String {
    crate::domain::referral_note::write(&crate::domain::referral_note::ReferralNote {
        to: &case_ref_line(to),
        instruction: r.instruction,
        council_ref: opt(&r.council_ref),
        copied: r.constituent_copied,
        due: due_on,
        note: opt(&r.note),
    })
}

impl Store {
    /// Refers a case to an officer or agency: saves the referral with its
    /// reply date counted in working days, adds the officer to the case,
    /// moves the case to waiting (`waiting_council` for an officer,
    /// `waiting_other` for an agency) and writes a diary entry, all in one
    /// transaction.
    ///
    /// When the constituent has not agreed to sharing (`consent_to_share`
    /// is not `Some(true)`) nothing is saved unless
    /// `confirmed_without_consent`: the answer is
    /// [`ReferOutcome::NeedsConfirmation`], for the UI to ask.
    pub fn refer(
        &mut self,
        r: &NewReferral,
        confirmed_without_consent: bool,
    ) -> Result<ReferOutcome> {
        crate::domain::rules::check_reply_days(r.reply_days)?;
        let saved = self.write(|tx| {
            let case = super::cases::get(tx, r.case)?;
            if case.is_closed() {
                return Err(Error::user(
                    crate::error::Msg::new("error-refer-closed").text("reference", &case.reference),
                ));
            }
            if case.consent_to_share != Some(true) && !confirmed_without_consent {
                return Ok(Err(ConsentWarning {
                    consent: case.consent_to_share,
                    case_reference: case.data.reference,
                }));
            }
            let to = super::contacts::get(tx, r.to)?;
            let in_directory: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM directory WHERE contact_id = ?1)")?
                .query_row([r.to], |row| row.get(0))?;
            if !crate::domain::rules::can_receive_referral(to.kind(), in_directory) {
                return Err(Error::user(
                    crate::error::Msg::new("error-refer-not-officer").text("name", &to.name),
                ));
            }
            let role = match to.kind() {
                ContactKind::Agency | ContactKind::Organisation => Role::Agency,
                _ => Role::Officer,
            };
            let referred_on = r.at.date();
            let due_on = add_working_days(referred_on, r.reply_days);
            let id = insert(
                tx,
                &Referral {
                    case: r.case,
                    to: r.to,
                    referred_on,
                    council_ref: r.council_ref.clone(),
                    instruction: r.instruction,
                    note: r.note.clone(),
                    constituent_copied: r.constituent_copied,
                    due_on,
                    reply_on: None,
                    reply: None,
                },
            )?;
            super::cases::add_person(
                tx,
                CasePerson {
                    case: r.case,
                    contact: r.to,
                    role,
                },
            )?;
            let waiting = if role == Role::Agency {
                CaseStatus::WaitingOther
            } else {
                CaseStatus::WaitingCouncil
            };
            tx.execute(
                "UPDATE cases SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![r.case, waiting, stamp()],
            )?;
            super::entries::insert(
                tx,
                &Entry {
                    case: Some(r.case),
                    contact: Some(r.to),
                    kind: EntryKind::Action,
                    at: r.at,
                    text: referral_entry_text(&to, r, due_on),
                    confidential: false,
                    surgery: None,
                },
            )?;
            Ok(Ok(id))
        })?;
        match saved {
            Ok(id) => Ok(ReferOutcome::Referred(self.referral(id)?)),
            Err(warning) => Ok(ReferOutcome::NeedsConfirmation(warning)),
        }
    }

    /// Referrals of a case still waiting for a reply, oldest first.
    pub fn awaiting_referrals(&self, case: Id<Case>) -> Result<Vec<Record<Referral>>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE case_id = ?1 AND reply_on IS NULL ORDER BY referred_on, id",
            select()
        ))?;
        let rows = stmt.query_map([case], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records the reply to a referral and moves the case on: a diary entry
    /// of the reply, and the case back to `open` when it was waiting and no
    /// other referral of it is still awaited.
    pub fn reply_to_referral(
        &mut self,
        id: Id<Referral>,
        at: NaiveDateTime,
        reply: &str,
    ) -> Result<ReplyOutcome> {
        let reply = reply.trim();
        if reply.is_empty() {
            return Err(Error::user(crate::error::Msg::new("error-reply-empty")));
        }
        crate::domain::rules::check_not_future_by_system_clock(at, Happened::Reply)?;
        let (case_reference, status) = self.write(|tx| {
            let referral = get(tx, id)?;
            if let Some(on) = referral.reply_on {
                return Err(Error::user(
                    crate::error::Msg::new("error-reply-already").text("date", on.to_string()),
                ));
            }
            if at.date() < referral.referred_on {
                return Err(Error::user(
                    crate::error::Msg::new("error-reply-before-referral")
                        .text("date", at.date().to_string())
                        .text("referred", referral.referred_on.to_string()),
                ));
            }
            tx.execute(
                "UPDATE referrals SET reply_on = ?2, reply = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, at.date(), reply, stamp()],
            )?;
            let to = super::contacts::get(tx, referral.to)?;
            super::entries::insert(
                tx,
                &Entry {
                    case: Some(referral.case),
                    contact: Some(referral.to),
                    kind: EntryKind::Note,
                    at,
                    text: format!("Reply from {}: {reply}", case_ref_line(&to)),
                    confidential: false,
                    surgery: None,
                },
            )?;
            let case = super::cases::get(tx, referral.case)?;
            let still_awaited: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM referrals WHERE case_id = ?1 AND reply_on IS NULL)",
                )?
                .query_row([referral.case], |r| r.get(0))?;
            let mut status = case.status;
            if !still_awaited
                && matches!(
                    status,
                    CaseStatus::WaitingCouncil | CaseStatus::WaitingOther
                )
            {
                status = CaseStatus::Open;
                tx.execute(
                    "UPDATE cases SET status = 'open', updated_at = ?2 WHERE id = ?1",
                    params![referral.case, stamp()],
                )?;
            }
            Ok((case.data.reference, status))
        })?;
        let referral = self.referral(id)?;
        let working_days_late = working_days_between(referral.due_on, at.date());
        Ok(ReplyOutcome {
            referral,
            case_reference,
            status,
            working_days_late,
        })
    }
}
