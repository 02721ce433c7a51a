//! Cases, their references, and the people on them.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::Store;
use super::rows::{Bind, META, assignments, bind, bind_opt, new_uuid, opt, placeholders, stamp};
use crate::domain::text::{area_key, normalise_postcode};
use crate::domain::{
    Case, CaseKind, CasePerson, CaseStatus, Contact, Entry, Id, Outcome, Record, Role,
};
use crate::{Error, Result};

const COLUMNS: &str = "reference, title, opened, closed, kind, category, channel, location, postcode, \
     facts, wants, history, others_involved, status, outcome, satisfaction, feedback, promised_by, \
     consent_to_share, surgery_id, publicise, contacted_on, consent_on, shared, outcome_note";

pub(crate) fn select() -> String {
    format!("SELECT {META}, {COLUMNS} FROM cases")
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Record<Case>> {
    from_row_at(row, 0)
}

/// All columns of a case, each prefixed with `alias.`, for joins.
pub(crate) fn columns_of(alias: &str) -> String {
    super::rows::prefixed(&format!("{META}, {COLUMNS}"), alias)
}

/// The next reference for a case opened in `year`: `2026-0042`.
pub(crate) fn next_reference(tx: &Connection, year: i32) -> Result<String> {
    loop {
        let n: i64 = tx.query_row(
            "INSERT INTO reference_counters (year, last) VALUES (?1, 1) \
             ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
            [year],
            |r| r.get(0),
        )?;
        let reference = format!("{year}-{n:04}");
        // An imported reference may already use this number: skip past it.
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM cases WHERE reference = ?1)",
            [&reference],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(reference);
        }
    }
}

fn postcode(c: &Case) -> Option<String> {
    opt(&c.postcode).map(|p| normalise_postcode(p).unwrap_or_else(|| p.to_string()))
}

/// The columns written: the area key, then [`COLUMNS`].
fn written() -> String {
    format!("area, {COLUMNS}")
}

/// The values of [`written`], in order: listed once for INSERT and UPDATE.
fn values(c: &Case, reference: &str) -> Vec<Bind> {
    let pc = postcode(c);
    vec![
        bind(area_key(opt(&c.location), pc.as_deref())),
        bind(reference.to_string()),
        bind(c.title.trim().to_string()),
        bind(c.opened),
        bind(c.closed),
        bind(c.kind),
        bind(c.category.clone()),
        bind(c.channel),
        bind_opt(&c.location),
        bind(pc),
        bind_opt(&c.facts),
        bind_opt(&c.wants),
        bind_opt(&c.history),
        bind_opt(&c.others_involved),
        bind(c.status),
        bind(c.outcome),
        bind(c.satisfaction),
        bind_opt(&c.feedback),
        bind(c.promised_by),
        bind(c.consent_to_share),
        bind(c.surgery),
        bind(c.publicise),
        bind(c.contacted_on),
        bind(c.consent_on),
        bind(c.shared),
        bind_opt(&c.outcome_note),
    ]
}

pub(crate) fn insert(tx: &Connection, c: &Case, categories: &[String]) -> Result<Id<Case>> {
    c.validate(categories)?;
    let reference = match c.reference.trim() {
        "" => next_reference(tx, c.opened.year())?,
        r => r.to_string(),
    };
    let values = values(c, &reference);
    let sql = format!(
        "INSERT INTO cases (uuid, created_at, updated_at, {}) VALUES (?1, ?2, ?2, {})",
        written(),
        placeholders(3, values.len())
    );
    let head: [Bind; 2] = [bind(new_uuid()), bind(stamp())];
    tx.prepare_cached(&sql)?
        .execute(params_from_iter(head.iter().chain(values.iter())))
        .map_err(|e| duplicate_reference(e, &reference))?;
    Ok(Id::new(tx.last_insert_rowid()))
}

pub(crate) fn update(tx: &Connection, id: Id<Case>, c: &Case, categories: &[String]) -> Result<()> {
    c.validate(categories)?;
    let sql = format!(
        "UPDATE cases SET updated_at = ?2, {} WHERE id = ?1",
        assignments(&written(), 3)
    );
    let head: [Bind; 2] = [bind(id), bind(stamp())];
    let n = tx
        .prepare_cached(&sql)?
        .execute(params_from_iter(
            head.iter().chain(values(c, c.reference.trim()).iter()),
        ))
        .map_err(|e| duplicate_reference(e, &c.reference))?;
    if n == 0 {
        return Err(not_found(format!("{id:?}")));
    }
    Ok(())
}

fn duplicate_reference(e: rusqlite::Error, reference: &str) -> Error {
    if let rusqlite::Error::SqliteFailure(f, Some(msg)) = &e
        && f.code == rusqlite::ErrorCode::ConstraintViolation
        && msg.contains("cases.reference")
    {
        return Error::user(
            crate::error::Msg::new("error-case-reference-taken").text("reference", reference),
        );
    }
    Error::Sqlite(e)
}

fn not_found(name: String) -> Error {
    Error::NotFound { what: "case", name }
}

pub(crate) fn get(conn: &Connection, id: Id<Case>) -> Result<Record<Case>> {
    conn.query_row(&format!("{} WHERE id = ?1", select()), [id], from_row)
        .optional()?
        .ok_or_else(|| not_found(format!("{id:?}")))
}

pub(crate) fn by_reference(conn: &Connection, reference: &str) -> Result<Option<Record<Case>>> {
    Ok(conn
        .query_row(
            &format!("{} WHERE reference = ?1", select()),
            [reference.trim()],
            from_row,
        )
        .optional()?)
}

pub(crate) fn add_person(tx: &Connection, p: CasePerson) -> Result<()> {
    let now = stamp();
    tx.prepare_cached(
        "INSERT INTO case_people (uuid, created_at, updated_at, case_id, contact_id, role) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5) ON CONFLICT (case_id, contact_id, role) DO NOTHING",
    )?
    .execute(params![new_uuid(), now, p.case, p.contact, p.role])?;
    Ok(())
}

/// Someone to put on a new case: a contact already in the diary, or a new
/// one (written in the same transaction as the case).
#[derive(Debug, Clone, PartialEq)]
pub enum Person {
    Known(Id<Contact>),
    New(Box<Contact>),
}

/// How a person came to be on a newly opened case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    Known,
    /// Typed as new, but the same email, phone or name and postcode as a
    /// contact already in the diary: that contact was used.
    SamePerson,
    Created,
}

/// A case just opened, and who is on it (in the order given).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedCase {
    pub case: Record<Case>,
    pub people: Vec<(Id<Contact>, Joined)>,
}

/// What a case list shows: one line a case, with its first constituent.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSummary {
    pub id: Id<Case>,
    pub reference: String,
    pub title: String,
    pub opened: NaiveDate,
    pub status: CaseStatus,
    pub kind: CaseKind,
    pub category: String,
    pub constituent: Option<String>,
    pub caution: bool,
}

/// Filters for the case list; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    /// Everything but closed.
    pub open_only: bool,
    pub category: Option<String>,
    pub kind: Option<CaseKind>,
    /// The area key of the bigger picture (`cases.area`), e.g. from a cluster.
    pub area: Option<String>,
    /// Opened on or after this day.
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseSort {
    /// Newest opened first.
    #[default]
    NewestFirst,
    OldestFirst,
}

impl Store {
    /// Saves a new case and the people on it, in one transaction.
    pub fn add_case(
        &mut self,
        case: &Case,
        people: &[(Id<Contact>, Role)],
        categories: &[String],
    ) -> Result<Record<Case>> {
        let id = self.write(|tx| {
            let id = insert(tx, case, categories)?;
            for &(contact, role) in people {
                add_person(
                    tx,
                    CasePerson {
                        case: id,
                        contact,
                        role,
                    },
                )?;
            }
            Ok(id)
        })?;
        self.case(id)
    }

    pub fn update_case(
        &mut self,
        id: Id<Case>,
        case: &Case,
        categories: &[String],
    ) -> Result<Record<Case>> {
        self.write(|tx| update(tx, id, case, categories))?;
        self.case(id)
    }

    pub fn case(&self, id: Id<Case>) -> Result<Record<Case>> {
        get(self.conn(), id)
    }

    pub fn case_by_reference(&self, reference: &str) -> Result<Option<Record<Case>>> {
        by_reference(self.conn(), reference)
    }

    /// Moves a case to a new status (not `closed`: use [`Store::close_case`]).
    pub fn set_case_status(&mut self, id: Id<Case>, status: CaseStatus) -> Result<()> {
        if status == CaseStatus::Closed {
            return Err(Error::user(crate::error::Msg::new(
                "error-close-needs-outcome",
            )));
        }
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE cases SET status = ?2, closed = NULL, outcome = NULL, outcome_note = NULL, \
                 updated_at = ?3 WHERE id = ?1",
                params![id, status, stamp()],
            )?;
            if n == 0 {
                return Err(not_found(format!("{id:?}")));
            }
            Ok(())
        })
    }

    /// Closes a case with its outcome (the workbook: closing asks for it).
    pub fn close_case(&mut self, id: Id<Case>, outcome: Outcome, on: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let opened: NaiveDate = get(tx, id)?.opened;
            if on < opened {
                return Err(Error::user(
                    crate::error::Msg::new("error-close-before-opening")
                        .text("date", on.to_string())
                        .text("opened", opened.to_string()),
                ));
            }
            tx.execute(
                "UPDATE cases SET status = 'closed', outcome = ?2, closed = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, outcome, on, stamp()],
            )?;
            Ok(())
        })
    }

    /// Closes a case as the closing form asks: outcome, a note on how it
    /// ended, satisfaction and comment if known, and (when asked) its open
    /// follow-ups marked done the same day, all in one transaction. Returns
    /// how many follow-ups it closed.
    pub fn close_case_with(&mut self, id: Id<Case>, c: &CaseClosing) -> Result<usize> {
        if let Some(s) = c.satisfaction
            && !(1..=5).contains(&s)
        {
            return Err(Error::user(
                crate::error::Msg::new("error-satisfaction-range").num("value", s),
            ));
        }
        self.write(|tx| {
            let case = get(tx, id)?;
            if case.is_closed() {
                return Err(Error::user(
                    crate::error::Msg::new("error-case-already-closed")
                        .text("reference", &case.reference),
                ));
            }
            if c.on < case.opened {
                return Err(Error::user(
                    crate::error::Msg::new("error-close-before-opening")
                        .text("date", c.on.to_string())
                        .text("opened", case.opened.to_string()),
                ));
            }
            tx.execute(
                "UPDATE cases SET status = 'closed', outcome = ?2, closed = ?3, outcome_note = ?4, \
                 satisfaction = ?5, feedback = ?6, updated_at = ?7 WHERE id = ?1",
                params![
                    id,
                    c.outcome,
                    c.on,
                    c.note.as_deref().map(str::trim).filter(|s| !s.is_empty()),
                    c.satisfaction,
                    c.feedback
                        .as_deref()
                        .map(str::trim)
                        .filter(|s| !s.is_empty()),
                    stamp()
                ],
            )?;
            let closed = if c.close_follow_ups {
                tx.execute(
                    "UPDATE follow_ups SET done_on = ?2, updated_at = ?3 \
                     WHERE case_id = ?1 AND done_on IS NULL",
                    params![id, c.on, stamp()],
                )?
            } else {
                0
            };
            Ok(closed)
        })
    }

    /// How many follow-ups of a case are still to do.
    pub fn open_follow_up_count(&self, id: Id<Case>) -> Result<usize> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM follow_ups WHERE case_id = ?1 AND done_on IS NULL",
            [id],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The people on a case with their roles, constituents first.
    pub fn case_people(&self, case: Id<Case>) -> Result<Vec<(Role, Record<Contact>)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT p.role, {} FROM case_people p JOIN contacts c ON c.id = p.contact_id \
             WHERE p.case_id = ?1 \
             ORDER BY CASE p.role WHEN 'constituent' THEN 0 WHEN 'on_behalf_of' THEN 1 ELSE 2 END, p.id",
            super::contacts::columns_of("c")
        ))?;
        let rows = stmt.query_map([case], |row| {
            Ok((row.get(0)?, super::contacts::from_row_at(row, 1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Opens a case with its people in one transaction: people new to the
    /// diary are written first (unless the same-person rule finds them
    /// already there), then the case, then who is on it. A refusal leaves
    /// nothing behind.
    pub fn open_case(
        &mut self,
        case: &Case,
        people: &[(Person, Role)],
        categories: &[String],
    ) -> Result<OpenedCase> {
        self.open_case_filing(case, people, categories, None)
    }

    /// [`Store::open_case`], filing a diary entry (a call logged before
    /// anyone knew it was a case) on the new case in the same transaction:
    /// the case is not opened without it, nor it filed without the case.
    pub fn open_case_filing(
        &mut self,
        case: &Case,
        people: &[(Person, Role)],
        categories: &[String],
        entry: Option<Id<Entry>>,
    ) -> Result<OpenedCase> {
        let (id, joined) = self.write(|tx| {
            case.validate(categories)?;
            let mut joined = Vec::with_capacity(people.len());
            let mut ids = Vec::with_capacity(people.len());
            for (person, role) in people {
                let (contact, how) = match person {
                    Person::Known(id) => (*id, Joined::Known),
                    Person::New(c) => {
                        let who = crate::domain::Identity::of_contact(c);
                        match super::contacts::find_same_person(tx, &who)? {
                            Some(id) if !who.is_empty() => (id, Joined::SamePerson),
                            _ => (super::contacts::insert(tx, c)?, Joined::Created),
                        }
                    }
                };
                joined.push((contact, how));
                ids.push((contact, *role));
            }
            let id = insert(tx, case, categories)?;
            for (contact, role) in ids {
                add_person(
                    tx,
                    CasePerson {
                        case: id,
                        contact,
                        role,
                    },
                )?;
            }
            if let Some(entry) = entry {
                let filed = tx.execute(
                    "UPDATE entries SET case_id = ?2, updated_at = ?3 WHERE id = ?1",
                    params![entry, id, stamp()],
                )?;
                if filed == 0 {
                    return Err(Error::NotFound {
                        what: "diary entry",
                        name: entry.raw().to_string(),
                    });
                }
                super::followups::follow_entry(tx, entry, Some(id))?;
            }
            Ok((id, joined))
        })?;
        Ok(OpenedCase {
            case: self.case(id)?,
            people: joined,
        })
    }

    /// Takes a person off a case in one role (the tombstone and audit
    /// triggers record it).
    pub fn remove_case_person(
        &mut self,
        case: Id<Case>,
        contact: Id<Contact>,
        role: Role,
    ) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM case_people WHERE case_id = ?1 AND contact_id = ?2 AND role = ?3",
                params![case, contact, role],
            )?;
            if n == 0 {
                return Err(Error::NotFound {
                    what: "person on the case",
                    name: format!("{contact:?}"),
                });
            }
            Ok(())
        })
    }

    /// Changes the part a person plays on a case. When they already hold
    /// the new role there, the old one simply goes.
    pub fn set_case_person_role(
        &mut self,
        case: Id<Case>,
        contact: Id<Contact>,
        from: Role,
        to: Role,
    ) -> Result<()> {
        if from == to {
            return Ok(());
        }
        self.write(|tx| {
            let holds: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM case_people WHERE case_id = ?1 AND contact_id = ?2 AND role = ?3)",
                params![case, contact, to],
                |r| r.get(0),
            )?;
            let n = if holds {
                tx.execute(
                    "DELETE FROM case_people WHERE case_id = ?1 AND contact_id = ?2 AND role = ?3",
                    params![case, contact, from],
                )?
            } else {
                tx.execute(
                    "UPDATE case_people SET role = ?4, updated_at = ?5 \
                     WHERE case_id = ?1 AND contact_id = ?2 AND role = ?3",
                    params![case, contact, from, to, stamp()],
                )?
            };
            if n == 0 {
                return Err(Error::NotFound {
                    what: "person on the case",
                    name: format!("{contact:?}"),
                });
            }
            Ok(())
        })
    }

    pub fn add_case_person(
        &mut self,
        case: Id<Case>,
        contact: Id<Contact>,
        role: Role,
    ) -> Result<()> {
        self.write(|tx| {
            add_person(
                tx,
                CasePerson {
                    case,
                    contact,
                    role,
                },
            )
        })
    }

    /// The cases a contact is on, newest first.
    pub fn cases_of_contact(&self, contact: Id<Contact>) -> Result<Vec<(Role, Record<Case>)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT p.role, {} FROM case_people p JOIN cases c ON c.id = p.case_id \
             WHERE p.contact_id = ?1 ORDER BY c.opened DESC, c.id DESC",
            columns_of("c")
        ))?;
        let rows = stmt.query_map([contact], |row| Ok((row.get(0)?, from_row_at(row, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One page of the case list. Keyset paging on (opened, id): `after` is
    /// the last row of the previous page; a page costs the same at 100k cases
    /// as at 100.
    pub fn cases_page(
        &self,
        filter: &CaseFilter,
        sort: CaseSort,
        after: Option<(NaiveDate, Id<Case>)>,
        limit: usize,
    ) -> Result<Vec<CaseSummary>> {
        let (cmp, order) = match sort {
            CaseSort::NewestFirst => ("<", "DESC"),
            CaseSort::OldestFirst => (">", "ASC"),
        };
        let mut sql = String::from(
            "SELECT c.id, c.reference, c.title, c.opened, c.status, c.kind, c.category, \
             (SELECT k.name FROM case_people p JOIN contacts k ON k.id = p.contact_id \
              WHERE p.case_id = c.id AND p.role = 'constituent' ORDER BY p.id LIMIT 1), \
             EXISTS (SELECT 1 FROM case_people p JOIN contacts k ON k.id = p.contact_id \
              WHERE p.case_id = c.id AND k.caution IS NOT NULL) \
             FROM cases c WHERE 1",
        );
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(s) = filter.status {
            args.push(Box::new(s));
            sql += &format!(" AND c.status = ?{}", args.len());
        } else if filter.open_only {
            sql += " AND c.status <> 'closed'";
        }
        if let Some(cat) = &filter.category {
            args.push(Box::new(cat.clone()));
            sql += &format!(" AND c.category = ?{}", args.len());
        }
        if let Some(area) = &filter.area {
            args.push(Box::new(area.clone()));
            sql += &format!(" AND c.area = ?{}", args.len());
        }
        if let Some(k) = filter.kind {
            args.push(Box::new(k));
            sql += &format!(" AND c.kind = ?{}", args.len());
        }
        if let Some(since) = filter.since {
            args.push(Box::new(since));
            sql += &format!(" AND c.opened >= ?{}", args.len());
        }
        if let Some((opened, id)) = after {
            args.push(Box::new(opened));
            args.push(Box::new(id));
            sql += &format!(
                " AND (c.opened, c.id) {cmp} (?{}, ?{})",
                args.len() - 1,
                args.len()
            );
        }
        args.push(Box::new(limit as i64));
        sql += &format!(
            " ORDER BY c.opened {order}, c.id {order} LIMIT ?{}",
            args.len()
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(CaseSummary {
                id: r.get(0)?,
                reference: r.get(1)?,
                title: r.get(2)?,
                opened: r.get(3)?,
                status: r.get(4)?,
                kind: r.get(5)?,
                category: r.get(6)?,
                constituent: r.get(7)?,
                caution: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A contact's cases still open, newest first: what a case picker
    /// offers. One person's few cases through `case_people_contact`, so the
    /// cost does not grow with the diary.
    pub fn open_cases_of_contact(&self, contact: Id<Contact>) -> Result<Vec<CaseChoice>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT c.id, c.reference, c.title, c.opened FROM case_people p \
             JOIN cases c ON c.id = p.case_id \
             WHERE p.contact_id = ?1 AND c.status <> 'closed' \
             ORDER BY c.opened DESC, c.id DESC LIMIT 50",
        )?;
        let rows = stmt.query_map([contact], |r| {
            Ok(CaseChoice {
                id: r.get(0)?,
                reference: r.get(1)?,
                title: r.get(2)?,
                opened: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open cases by status, for the home screen.
    pub fn open_case_counts(&self) -> Result<Vec<(CaseStatus, u64)>> {
        // Kept by triggers in `tallies` (schema step 10): counting the open
        // cases read thousands of index entries at 100k cases.
        let mut stmt = self.conn().prepare_cached(
            "SELECT substr(what, 7), n FROM tallies \
             WHERE what IN ('cases:open','cases:waiting_council','cases:waiting_constituent', \
                            'cases:waiting_other') AND n > 0 \
             ORDER BY what",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// How a case is closed (the closing form).
#[derive(Debug, Clone, PartialEq)]
pub struct CaseClosing {
    pub outcome: Outcome,
    pub on: NaiveDate,
    /// How it ended, in a sentence.
    pub note: Option<String>,
    /// 1–5, when the constituent said.
    pub satisfaction: Option<u8>,
    /// Their comment, when they made one.
    pub feedback: Option<String>,
    /// Mark the case's open follow-ups done.
    pub close_follow_ups: bool,
}

/// A case as a picker offers it: its reference and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseChoice {
    pub id: Id<Case>,
    pub reference: String,
    pub title: String,
    pub opened: NaiveDate,
}

/// Reads a case whose columns start at `offset` (after joined columns).
pub(crate) fn from_row_at(row: &Row<'_>, offset: usize) -> rusqlite::Result<Record<Case>> {
    let g = |i: usize| offset + i;
    let data = Case {
        reference: row.get(g(4))?,
        title: row.get(g(5))?,
        opened: row.get(g(6))?,
        closed: row.get(g(7))?,
        kind: row.get(g(8))?,
        category: row.get(g(9))?,
        channel: row.get(g(10))?,
        location: row.get(g(11))?,
        postcode: row.get(g(12))?,
        facts: row.get(g(13))?,
        wants: row.get(g(14))?,
        history: row.get(g(15))?,
        others_involved: row.get(g(16))?,
        status: row.get(g(17))?,
        outcome: row.get(g(18))?,
        satisfaction: row.get(g(19))?,
        feedback: row.get(g(20))?,
        promised_by: row.get(g(21))?,
        consent_to_share: row.get(g(22))?,
        surgery: row.get(g(23))?,
        publicise: row.get(g(24))?,
        contacted_on: row.get(g(25))?,
        consent_on: row.get(g(26))?,
        shared: row.get(g(27))?,
        outcome_note: row.get(g(28))?,
    };
    super::rows::record_at(row, offset, data)
}
