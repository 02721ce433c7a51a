//! Reading a spreadsheet (SPEC section 4; the rows of any format, from
//! [`super::sheet`]) into a plan: the cases to add and the people on them,
//! with every bad row named. No SQL here: the store carries the plan out in
//! one transaction.
//!
//! Choices where SPEC is silent:
//! - `kind` defaults to `direct_query`, or `indirect_query` when the row
//!   names someone in `on_behalf_of`; `category` defaults to `other`;
//!   `channel` defaults to `other` (a spreadsheet rarely says, and guessing
//!   `phone` would skew the review's "how did they contact you").
//! - `notes` become the case's facts: they are the case's own text, shown
//!   with it and searched with it, and they export back to `notes`.
//! - `postcode` is the case's postcode, and also the constituent's when a
//!   new contact is made for them (so that the name-and-postcode rule finds
//!   them next time).
//! - `on_behalf_of` is a name only: it matches a person already named so in
//!   the file, else (in the store) the one contact of that name, else a new
//!   contact is made.
//! - Headers are read in this order: the user's `--map`, then the column
//!   names themselves, then the words people write
//!   ([`crate::domain::synonyms`]) for a column not already named — so a
//!   sheet with both `location` and `Ward` reads `location` and reports `Ward`.
//!   Values of every list are read through the same tables.
//! - A row closed (by its status, or by giving an outcome) with no closed
//!   date is closed on its opened date, and the plan names its line: the
//!   case stays in the year it came in, and the user is told.
//! - The template's explanation row, right under the header, is passed over.
//! - A leading apostrophe before `= + - @`, tab or CR (how the CSV export
//!   neutralises formulas) is taken off.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::COLUMNS;
use super::sheet::{self, Cell, SheetRow, Table};
use crate::dates::happened;
use crate::domain::synonyms::{self, Choice};
use crate::domain::text::{fold, name_key, normalise_postcode, squash_space};
use crate::domain::{
    AgeBand, Case, CaseKind, CaseStatus, Channel, Contact, ContactKind, Outcome, PREFER_NOT_TO_SAY,
};
use crate::error::{Arg, Msg};
use crate::{Error, Result};

// Positions in [`COLUMNS`].
const REFERENCE: usize = 0;
const OPENED: usize = 1;
const CLOSED: usize = 2;
const TITLE: usize = 3;
const KIND: usize = 4;
const CATEGORY: usize = 5;
const CHANNEL: usize = 6;
const STATUS: usize = 7;
const OUTCOME: usize = 8;
const SATISFACTION: usize = 9;
const LOCATION: usize = 10;
const POSTCODE: usize = 11;
const NAME: usize = 12;
const EMAIL: usize = 13;
const PHONE: usize = 14;
const ADDRESS: usize = 15;
const GENDER: usize = 16;
const AGE_BAND: usize = 17;
const ETHNICITY: usize = 18;
const EMPLOYMENT: usize = 19;
const ON_BEHALF_OF: usize = 20;
const NOTES: usize = 21;

/// The column `--skip-bad` adds to the rejects file; an import of that file
/// (once fixed) passes over it quietly.
pub const REASON_COLUMN: &str = "reason_not_imported";

/// What a spreadsheet asks for, once read and checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// The distinct people of the file (constituents and those a query was
    /// raised for), after the identity rule has merged rows.
    pub people: Vec<Person>,
    /// The valid rows, in file order.
    pub cases: Vec<PlannedCase>,
    /// Header names that are not import columns: reported, then ignored.
    pub unknown_columns: Vec<UnknownColumn>,
    /// Which column each recognised header was read as, in file order.
    pub mapping: Vec<(String, &'static str)>,
    /// Every bad row. Nothing may be written while there is one, unless the
    /// user asked to set bad rows aside (`--skip-bad`).
    pub problems: Vec<Problem>,
    /// The header row as the file has it, for the rejects file.
    pub headers: Vec<String>,
    /// Lines of closed rows that gave no closed date: their opened date was
    /// taken as the closed date.
    pub closed_on_opened: Vec<u64>,
    /// True when the row beneath the header explained the columns (the
    /// template's) and was passed over.
    pub skipped_explanation_row: bool,
}

/// A header that is not an import column, with the columns it is nearest to.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownColumn {
    pub name: String,
    pub nearest: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The details gathered from every row that is this person.
    pub contact: Contact,
    /// Known by name alone (an `on_behalf_of` name): matched to the diary by
    /// name, since there is nothing else to go on.
    pub by_name_only: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCase {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    /// With an empty reference when the row has none (the store assigns one).
    pub case: Case,
    /// Index into [`Plan::people`].
    pub constituent: Option<usize>,
    pub on_behalf_of: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: u64,
    /// Everything wrong with the row, each a catalogue message.
    pub reasons: Vec<Msg>,
    /// The row's cells as the file has them, for the rejects file.
    pub cells: Vec<String>,
}

impl Plan {
    /// The error that lists every bad row (first line: the summary), or
    /// `None` when every row is good.
    pub fn problems_error(&self) -> Option<Error> {
        if self.problems.is_empty() {
            return None;
        }
        let n = i64::try_from(self.problems.len()).unwrap_or(i64::MAX);
        Some(Error::user(
            Msg::new("error-import-bad-rows").num("count", n).arg(
                "rows",
                Arg::Lines(self.problems.iter().map(Problem::said).collect()),
            ),
        ))
    }

    /// The plan without its bad rows: what `--skip-bad` imports.
    pub fn without_problems(&self) -> Plan {
        Plan {
            problems: Vec::new(),
            ..self.clone()
        }
    }
}

/// How to read a sheet's columns and values.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Anchors words such as `today` and two-digit years in date cells.
    pub today: NaiveDate,
    pub categories: &'a [String],
    /// `--map`: the user's header → import column (or `ignore`).
    pub map: &'a [(String, String)],
}

/// Reads and checks a CSV file. `file` names it in messages; `today` anchors
/// words such as `today` in date cells. A file that is not CSV at all is an
/// error; bad rows are collected in [`Plan::problems`].
pub fn parse(bytes: &[u8], file: &str, today: NaiveDate, categories: &[String]) -> Result<Plan> {
    let rows = sheet::read_csv_rows(bytes, file)?;
    let headers = rows.headers().to_vec();
    plan_rows(
        &headers,
        rows,
        file,
        &Options {
            today,
            categories,
            map: &[],
        },
    )
}

/// Parses `--map "Their header=column,Other=ignore"`.
pub fn parse_map(s: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for pair in s.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((theirs, ours)) = pair.split_once('=') else {
            return Err(Error::user(
                Msg::new("error-map-pair").text("pair", pair.trim()),
            ));
        };
        let ours = ours.trim().to_lowercase().replace([' ', '-'], "_");
        if ours != "ignore" && !COLUMNS.contains(&ours.as_str()) {
            let near = synonyms::nearest_columns(&ours, COLUMNS);
            let said = match near.first() {
                Some(c) => Msg::new("error-map-column-near").text("near", c),
                None => Msg::new("error-map-column"),
            };
            return Err(Error::user(
                said.text("column", &ours)
                    .text("columns", COLUMNS.join(", ")),
            ));
        }
        out.push((theirs.trim().to_string(), ours));
    }
    Ok(out)
}

/// Which import column each header of a sheet is read as.
fn map_headers(
    headers: &[String],
    file: &str,
    map: &[(String, String)],
) -> Result<(Vec<Option<usize>>, Vec<UnknownColumn>)> {
    let mut slots: Vec<Option<usize>> = vec![None; headers.len()];
    let mut settled = vec![false; headers.len()];
    let mut seen: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    let take = |slots: &mut Vec<Option<usize>>,
                seen: &mut [Option<usize>; COLUMNS.len()],
                i: usize,
                column: usize,
                by_map: bool| {
        if let Some(first) = seen[column] {
            return Err(Error::user(
                Msg::new(if by_map {
                    "error-import-columns-clash-map"
                } else {
                    "error-import-columns-clash"
                })
                .text("file", file)
                .text("first", &headers[first])
                .text("second", &headers[i])
                .text("column", COLUMNS[column]),
            ));
        }
        seen[column] = Some(i);
        slots[i] = Some(column);
        Ok(())
    };
    // The user's own mapping first, then the column names themselves.
    for (i, h) in headers.iter().enumerate() {
        let k = synonyms::key(h);
        if let Some((_, ours)) = map.iter().find(|(theirs, _)| synonyms::key(theirs) == k) {
            settled[i] = true;
            if let Some(c) = COLUMNS.iter().position(|c| c == ours) {
                take(&mut slots, &mut seen, i, c, true)?;
            }
        } else if k.is_empty() || k == synonyms::key(REASON_COLUMN) {
            settled[i] = true;
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if settled[i] {
            continue;
        }
        let k = synonyms::key(h);
        if let Some(c) = COLUMNS.iter().position(|c| synonyms::key(c) == k) {
            if seen[c].is_some_and(|first| synonyms::key(&headers[first]) == k) {
                return Err(Error::user(
                    Msg::new("error-import-column-twice")
                        .text("file", file)
                        .text("column", COLUMNS[c]),
                ));
            }
            take(&mut slots, &mut seen, i, c, false)?;
            settled[i] = true;
        }
    }
    // Then the words people write, where the column is not already taken.
    let mut unknown = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if settled[i] {
            continue;
        }
        match synonyms::column_for_header(h)
            .and_then(|name| COLUMNS.iter().position(|c| *c == name))
        {
            Some(c) if seen[c].is_none() => {
                seen[c] = Some(i);
                slots[i] = Some(c);
            }
            _ => {
                let free: Vec<&'static str> = COLUMNS
                    .iter()
                    .enumerate()
                    .filter(|(c, _)| seen[*c].is_none())
                    .map(|(_, name)| *name)
                    .collect();
                unknown.push(UnknownColumn {
                    name: h.trim().to_string(),
                    nearest: synonyms::nearest_columns(h, &free),
                });
            }
        }
    }
    Ok((slots, unknown))
}

/// Reads and checks a sheet: its headers recognised (or mapped), every row
/// read as a case, bad rows collected with their reasons.
pub fn plan(table: &Table, file: &str, opts: &Options<'_>) -> Result<Plan> {
    plan_rows(
        &table.headers,
        table.rows.iter().cloned().map(Ok),
        file,
        opts,
    )
}

/// [`plan`] of rows as they are read (a CSV file is streamed: only what is
/// kept of each row stays in memory). The first row that cannot be read
/// stops it with that error.
pub fn plan_rows(
    headers: &[String],
    rows: impl Iterator<Item = Result<SheetRow>>,
    file: &str,
    opts: &Options<'_>,
) -> Result<Plan> {
    let (slots, unknown) = map_headers(headers, file, opts.map)?;
    let mut plan = Plan {
        unknown_columns: unknown,
        headers: headers.to_vec(),
        ..Plan::default()
    };
    plan.mapping = headers
        .iter()
        .zip(&slots)
        .filter_map(|(h, s)| s.map(|c| (h.trim().to_string(), COLUMNS[c])))
        .collect();
    let has = |c: usize| slots.contains(&Some(c));
    let missing: Vec<&str> = [OPENED, TITLE]
        .iter()
        .filter(|&&i| !has(i))
        .map(|&i| COLUMNS[i])
        .collect();
    if !missing.is_empty() {
        let hint = match headers.first() {
            Some(h) if headers.len() == 1 && h.contains(';') => {
                Msg::new("error-import-hint-semicolons")
            }
            _ if !plan.unknown_columns.is_empty() => Msg::new("error-import-hint-map")
                .text("header", &plan.unknown_columns[0].name)
                .text("column", missing[0]),
            _ => Msg::new("error-import-hint-needed"),
        };
        return Err(Error::user(
            Msg::new("error-import-no-column")
                .text("file", file)
                .num("count", i64::try_from(missing.len()).unwrap_or(i64::MAX))
                .text("first", missing[0])
                .text("second", missing.get(1).copied().unwrap_or_default())
                .arg("hint", Arg::Msg(Box::new(hint))),
        ));
    }

    let mut people = People::default();
    let mut references: HashMap<String, u64> = HashMap::new();
    let mut memo = Memo::default();
    for (n, row) in rows.enumerate() {
        let row = row?;
        if row.cells.iter().all(Cell::is_blank) {
            continue; // a blank row between blocks of a spreadsheet
        }
        let mut fields: [Option<&Cell>; COLUMNS.len()] = [None; COLUMNS.len()];
        for (slot, cell) in slots.iter().zip(&row.cells) {
            if let Some(i) = slot {
                fields[*i] = Some(cell);
            }
        }
        if n == 0 && is_explanation(&fields) {
            plan.skipped_explanation_row = true;
            continue;
        }
        let line = row.line;
        let problem = |reasons: Vec<Msg>| Problem {
            line,
            reasons,
            cells: row.cells.iter().map(Cell::text).collect(),
        };
        let read = match read_row(&fields, opts, &mut memo) {
            Ok(read) => read,
            Err(reasons) => {
                plan.problems.push(problem(reasons));
                continue;
            }
        };
        let reference = read.case.reference.clone();
        if !reference.is_empty() {
            if let Some(first) = references.get(&reference) {
                plan.problems.push(problem(vec![
                    Msg::new("import-why-reference-twice")
                        .text("reference", &reference)
                        .num("line", i64::try_from(*first).unwrap_or(i64::MAX)),
                ]));
                continue;
            }
            references.insert(reference, line);
        }
        if read.closed_on_opened {
            plan.closed_on_opened.push(line);
        }
        let constituent = read.constituent.map(|c| people.constituent(c));
        let on_behalf_of = read.on_behalf_of.as_deref().map(|n| people.by_name(n));
        plan.cases.push(PlannedCase {
            line,
            case: read.case,
            constituent,
            on_behalf_of,
        });
    }
    plan.people = people.list;
    Ok(plan)
}

/// The template's second row, which says what each column is for.
fn is_explanation(fields: &[Option<&Cell>; COLUMNS.len()]) -> bool {
    let said = |i: usize| fields[i].map(Cell::text);
    said(TITLE).as_deref() == Some(super::words::explanation(COLUMNS[TITLE]))
        || said(OPENED).as_deref() == Some(super::words::explanation(COLUMNS[OPENED]))
}

/// One good row.
struct Row {
    case: Case,
    constituent: Option<Contact>,
    on_behalf_of: Option<String>,
    /// Closed, with no closed date: the opened date stands in.
    closed_on_opened: bool,
}

/// One clear error for a value not in a closed list: the allowed values and
/// the nearest. `what` is the list's selector key (`case-kind`).
fn not_one_of(what: &str, typed: &str, allowed: &str, nearest: Option<&str>) -> Msg {
    let unknown = Msg::new("error-unknown-value")
        .text("list", what)
        .text("value", typed)
        .text("names", allowed);
    match nearest {
        Some(n) => Msg::new("import-why-nearest")
            .arg("problem", Arg::Msg(Box::new(unknown)))
            .text("nearest", n),
        None => unknown,
    }
}

/// An error as one reason a row is refused.
fn reason(e: Error) -> Msg {
    match e {
        Error::User(m) | Error::System(m) => m,
        other => Msg::new("import-why-other").text("detail", other.to_string()),
    }
}

impl Problem {
    /// "line 4: the title is empty; …", in the catalogue's words.
    pub fn said(&self) -> Msg {
        Msg::new("import-bad-row")
            .num("line", i64::try_from(self.line).unwrap_or(i64::MAX))
            .arg("reasons", Arg::List(self.reasons.clone()))
    }
}

/// The values already looked up: a column holds the same few words on
/// every row, and the synonym tables are searched once for each.
#[derive(Default)]
struct Memo {
    choices: HashMap<(&'static str, String), Option<usize>>,
    categories: HashMap<String, Option<String>>,
}

impl Memo {
    fn choice<T: Choice + PartialEq>(&mut self, list: &'static str, s: &str) -> Option<T> {
        let i = *self
            .choices
            .entry((list, s.to_string()))
            .or_insert_with(|| {
                synonyms::choice::<T>(s).and_then(|v| T::all().iter().position(|x| *x == v))
            });
        i.and_then(|i| T::all().get(i).copied())
    }

    fn category(&mut self, s: &str, categories: &[String]) -> Option<String> {
        self.categories
            .entry(s.to_string())
            .or_insert_with(|| synonyms::category(s, categories))
            .clone()
    }
}

fn pick<T: Choice + PartialEq>(
    memo: &mut Memo,
    what: &'static str,
    typed: &str,
) -> std::result::Result<T, Msg> {
    memo.choice::<T>(what, typed).ok_or_else(|| {
        let allowed = T::all()
            .iter()
            .map(|v| v.name())
            .collect::<Vec<_>>()
            .join(", ");
        not_one_of(
            &what.replace(' ', "-"),
            typed,
            &allowed,
            synonyms::nearest_choice::<T>(typed).map(|v| v.name()),
        )
    })
}

/// Reads one row, or says everything that is wrong with it.
fn read_row(
    f: &[Option<&Cell>; COLUMNS.len()],
    opts: &Options<'_>,
    memo: &mut Memo,
) -> std::result::Result<Row, Vec<Msg>> {
    let mut why: Vec<Msg> = Vec::new();
    // Text as written, with the apostrophe of a formula-escaped export undone.
    let texts: Vec<String> = f
        .iter()
        .map(|c| {
            c.map(|c| sheet::unescape_formula(&c.text()).trim().to_string())
                .unwrap_or_default()
        })
        .collect();
    let get = |i: usize| Some(texts[i].as_str()).filter(|s| !s.is_empty());

    if get(TITLE).is_none() {
        why.push(Msg::new("import-why-no-title"));
    }
    let mut date = |i: usize| -> Option<NaiveDate> {
        get(i)?;
        let cell = match f[i] {
            Some(Cell::Text(_)) | None => Cell::Text(texts[i].clone()),
            Some(other) => other.clone(),
        };
        // Opened and closed record what happened: not in the future.
        match sheet::sheet_date(&cell, opts.today).and_then(|d| happened(d, opts.today)) {
            Ok(d) => Some(d),
            Err(e) => {
                why.push(
                    Msg::new("import-why-column")
                        .text("column", COLUMNS[i])
                        .arg("problem", Arg::from_error(e)),
                );
                None
            }
        }
    };
    let opened = date(OPENED);
    let mut closed = date(CLOSED);
    if get(OPENED).is_none() {
        why.push(Msg::new("import-why-no-opened"));
    }
    let kind: Option<CaseKind> =
        get(KIND).and_then(|s| pick(memo, "case kind", s).map_err(|e| why.push(e)).ok());
    let channel: Option<Channel> =
        get(CHANNEL).and_then(|s| pick(memo, "channel", s).map_err(|e| why.push(e)).ok());
    let mut outcome: Option<Outcome> =
        get(OUTCOME).and_then(|s| pick(memo, "outcome", s).map_err(|e| why.push(e)).ok());
    // "Resolved" in a status column says both: closed, and how.
    let status: Option<CaseStatus> = get(STATUS).and_then(|s| {
        if let Some(st) = memo.choice::<CaseStatus>("status", s) {
            return Some(st);
        }
        if let Some(o) = memo.choice::<Outcome>("outcome", s) {
            if outcome.is_none() {
                outcome = Some(o);
            }
            return Some(CaseStatus::Closed);
        }
        if let Err(e) = pick::<CaseStatus>(memo, "status", s) {
            why.push(e);
        }
        None
    });
    let age_band: Option<AgeBand> = get(AGE_BAND).and_then(|s| match s.parse::<AgeBand>() {
        Ok(v) => Some(v),
        Err(e) => {
            why.push(reason(e));
            None
        }
    });
    let category = match get(CATEGORY) {
        None => "other".to_string(),
        Some(s) => match memo.category(s, opts.categories) {
            Some(c) => c,
            None => {
                why.push(not_one_of(
                    "category",
                    s,
                    &opts.categories.join(", "),
                    synonyms::nearest_category(s, opts.categories).as_deref(),
                ));
                String::new()
            }
        },
    };
    let satisfaction = get(SATISFACTION).and_then(|s| {
        let number = s.split('/').next().unwrap_or(s).trim();
        match number.parse::<f64>() {
            Ok(n) if n.fract() == 0.0 && (1.0..=5.0).contains(&n) => Some(n as u8),
            _ => {
                why.push(Msg::new("import-why-satisfaction").text("value", s));
                None
            }
        }
    });
    let has_details = [
        EMAIL, PHONE, ADDRESS, GENDER, AGE_BAND, ETHNICITY, EMPLOYMENT,
    ]
    .iter()
    .any(|&i| get(i).is_some());
    if has_details && get(NAME).is_none() {
        why.push(Msg::new("import-why-no-name"));
    }
    if let (Some(o), Some(c)) = (opened, closed)
        && c < o
    {
        why.push(
            Msg::new("error-case-closed-before-opened")
                .text("closed", c.to_string())
                .text("opened", o.to_string()),
        );
    }
    if let Some(email) = get(EMAIL)
        && Contact::validate(&Contact {
            email: Some(email.to_string()),
            ..Contact::named("-")
        })
        .is_err()
    {
        why.push(Msg::new("import-why-email").text("input", email));
    }
    if !why.is_empty() {
        return Err(why);
    }
    let (Some(opened), Some(title)) = (opened, get(TITLE)) else {
        return Err(vec![Msg::new("import-why-missing")]);
    };

    // Closed (by its status, or by giving an outcome) with no closed date:
    // the opened date stands in, and the import says so.
    let closes = status == Some(CaseStatus::Closed) || (status.is_none() && outcome.is_some());
    let closed_on_opened = closes && closed.is_none();
    if closed_on_opened {
        closed = Some(opened);
    }

    let on_behalf_of = get(ON_BEHALF_OF).map(String::from);
    let mut case = Case::new(title, opened);
    case.reference = texts[REFERENCE].clone();
    case.closed = closed;
    case.kind = kind.unwrap_or(if on_behalf_of.is_some() {
        CaseKind::IndirectQuery
    } else {
        CaseKind::DirectQuery
    });
    case.category = category;
    case.channel = channel.unwrap_or(Channel::Other);
    case.status = status.unwrap_or(if closed.is_some() {
        CaseStatus::Closed
    } else {
        CaseStatus::Open
    });
    case.outcome = outcome;
    case.satisfaction = satisfaction;
    case.location = get(LOCATION).map(String::from);
    case.postcode = get(POSTCODE).map(String::from);
    case.facts = get(NOTES).map(String::from);
    if let Err(e) = case.validate(opts.categories) {
        why.push(reason(e));
    }

    let constituent = get(NAME)
        .map(|name| Contact {
            name: name.to_string(),
            kind: Some(ContactKind::Constituent),
            address: get(ADDRESS).map(String::from),
            postcode: get(POSTCODE).map(String::from),
            phone: get(PHONE).map(String::from),
            email: get(EMAIL).map(String::from),
            gender: get(GENDER).map(demographic),
            age_band,
            ethnicity: get(ETHNICITY).map(demographic),
            employment_status: get(EMPLOYMENT).map(demographic),
            ..Contact::default()
        })
        .map(crate::domain::tidy_monitoring);
    if let Some(Err(e)) = constituent.as_ref().map(Contact::validate) {
        why.push(
            Msg::new("import-why-column")
                .text("column", "constituent_email")
                .arg("problem", Arg::from_error(e)),
        );
    }
    if !why.is_empty() {
        return Err(why);
    }
    Ok(Row {
        case,
        constituent,
        on_behalf_of,
        closed_on_opened,
    })
}

/// "Prefer not to say", however typed, is stored as one value.
fn demographic(s: &str) -> String {
    if squash_space(&fold(s).replace(['_', '-'], " ")) == "prefer not to say" {
        PREFER_NOT_TO_SAY.to_string()
    } else {
        s.to_string()
    }
}

/// The people of the file, merged by the identity rule of SPEC section 4:
/// the same email, or else the same phone, or else the same name and postcode.
#[derive(Default)]
struct People {
    list: Vec<Person>,
    by_email: HashMap<String, usize>,
    by_phone: HashMap<String, usize>,
    by_name_postcode: HashMap<(String, String), usize>,
    by_name: HashMap<String, Vec<usize>>,
}

impl People {
    fn keys(c: &Contact) -> (Option<String>, Option<String>, Option<(String, String)>) {
        let email = c.email.as_deref().map(|e| e.trim().to_lowercase());
        let phone = c.phone.as_deref().map(|p| p.trim().to_string());
        let name_pc = c
            .postcode
            .as_deref()
            .and_then(normalise_postcode)
            .map(|pc| (name_key(&c.name), pc));
        (email, phone, name_pc)
    }

    /// The index of the person this row's constituent is, adding them if new
    /// and filling in details earlier rows lacked.
    fn constituent(&mut self, c: Contact) -> usize {
        let (email, phone, name_pc) = People::keys(&c);
        let found = email
            .as_ref()
            .and_then(|e| self.by_email.get(e))
            .or_else(|| phone.as_ref().and_then(|p| self.by_phone.get(p)))
            .or_else(|| name_pc.as_ref().and_then(|k| self.by_name_postcode.get(k)))
            .copied();
        let i = match found {
            Some(i) => {
                fill(&mut self.list[i].contact, &c);
                i
            }
            None => {
                self.by_name
                    .entry(name_key(&c.name))
                    .or_default()
                    .push(self.list.len());
                self.list.push(Person {
                    contact: c,
                    by_name_only: false,
                });
                self.list.len() - 1
            }
        };
        if let Some(e) = email {
            self.by_email.entry(e).or_insert(i);
        }
        if let Some(p) = phone {
            self.by_phone.entry(p).or_insert(i);
        }
        if let Some(k) = name_pc {
            self.by_name_postcode.entry(k).or_insert(i);
        }
        i
    }

    /// The person a query was raised for, known by name only: the one person
    /// of that name already in the file, else a new one.
    fn by_name(&mut self, name: &str) -> usize {
        let key = name_key(name);
        if let Some([one]) = self.by_name.get(&key).map(Vec::as_slice) {
            return *one;
        }
        self.list.push(Person {
            contact: Contact {
                kind: Some(ContactKind::Constituent),
                ..Contact::named(name.trim())
            },
            by_name_only: true,
        });
        let i = self.list.len() - 1;
        self.by_name.entry(key).or_default().push(i);
        i
    }
}

/// Fills the blanks of `into` from `from`: a later row (or a later import)
/// adds the phone an earlier one lacked, and never overwrites what is known.
pub fn fill(into: &mut Contact, from: &Contact) {
    let pairs: [(&mut Option<String>, &Option<String>); 7] = [
        (&mut into.address, &from.address),
        (&mut into.postcode, &from.postcode),
        (&mut into.phone, &from.phone),
        (&mut into.email, &from.email),
        (&mut into.gender, &from.gender),
        (&mut into.ethnicity, &from.ethnicity),
        (&mut into.employment_status, &from.employment_status),
    ];
    for (to, value) in pairs {
        if to.is_none() {
            to.clone_from(value);
        }
    }
    if into.age_band.is_none() {
        into.age_band = from.age_band;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DEFAULT_CATEGORIES;

    fn cats() -> Vec<String> {
        DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).expect("valid")
    }

    fn plan(text: &str) -> Result<Plan> {
        parse(text.as_bytes(), "t.csv", today(), &cats())
    }

    #[test]
    fn defaults_and_friendly_names() {
        let p =
            plan("Title , OPENED,Constituent Name,Category\nBins,01/03/2026,Siân,Council Tax\n")
                .expect("reads");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let c = &p.cases[0].case;
        assert_eq!(c.category, "council_tax");
        assert_eq!(c.kind, CaseKind::DirectQuery);
        assert_eq!(c.channel, Channel::Other);
        assert_eq!(c.status, CaseStatus::Open);
        assert_eq!(p.people.len(), 1);
    }

    #[test]
    fn identity_rule_within_the_file() {
        let p = plan(
            "title,opened,constituent_name,constituent_email,constituent_phone,postcode\n\
             a,2026-01-01,Siân Davies,s@example.org,,\n\
             b,2026-01-02,S Davies,S@EXAMPLE.ORG,029 1,\n\
             c,2026-01-03,Someone,,029 1,\n\
             d,2026-01-04,Dai Jones,,,cf10 5bf\n\
             e,2026-01-05,dai jones,,,CF10 5BF\n\
             f,2026-01-06,Dai Jones,,,\n",
        )
        .expect("reads");
        let who: Vec<Option<usize>> = p.cases.iter().map(|c| c.constituent).collect();
        assert_eq!(
            who,
            vec![Some(0), Some(0), Some(0), Some(1), Some(1), Some(2)]
        );
        assert_eq!(p.people[0].contact.phone.as_deref(), Some("029 1"));
    }

    #[test]
    fn every_bad_row_is_named() {
        let p = plan(
            "title,opened,closed,kind,satisfaction\n\
             ok,2026-01-01,,,\n\
             ,2026-01-01,,,\n\
             x,31/02/2025,,,\n\
             y,2026-01-01,2025-01-01,,\n\
             z,2026-01-01,,bogus,9\n",
        )
        .expect("reads");
        let lines: Vec<u64> = p.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6]);
        let msg = p.problems_error().expect("bad rows").to_string();
        assert!(
            msg.starts_with("4 rows are not valid; nothing was imported (fix them"),
            "{msg}"
        );
        assert!(msg.contains("line 6: unknown case kind `bogus`"), "{msg}");
        assert!(msg.contains("satisfaction `9`"), "{msg}");
    }

    #[test]
    fn semicolons_and_tabs_are_read() {
        for text in [
            "title;opened\nx;2026-01-01\n",
            "title\topened\nx\t2026-01-01\n",
        ] {
            let p = plan(text).expect("reads");
            assert_eq!(p.cases.len(), 1, "{text:?}");
        }
    }

    #[test]
    fn headers_and_values_people_write() {
        let p = plan(
            "Date,Name,Issue,Category,Status,Outcome\n\
             12/05/25,Siân,Noise,ASB,Closed,Resolved satisfactorily\n\
             13/05/25,Dai,Bins,Rubbish,Waiting,\n\
             14/05/25,Gwen,Road,Roads,Resolved,\n",
        )
        .expect("reads");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let c: Vec<&Case> = p.cases.iter().map(|c| &c.case).collect();
        assert_eq!(
            c[0].opened,
            NaiveDate::from_ymd_opt(2025, 5, 12).expect("date")
        );
        assert_eq!(c[0].category, "anti_social_behaviour");
        assert_eq!(c[0].outcome, Some(Outcome::Resolved));
        assert_eq!(c[1].category, "waste");
        assert_eq!(c[1].status, CaseStatus::WaitingOther);
        assert_eq!(c[2].status, CaseStatus::Closed);
        assert_eq!(c[2].outcome, Some(Outcome::Resolved));
        assert_eq!(p.closed_on_opened, vec![2, 4]);
        assert_eq!(c[0].closed, Some(c[0].opened));
    }

    #[test]
    fn an_exact_column_wins_over_a_word_for_it() {
        let p = plan("title,opened,location,Ward\nx,2026-01-01,Park,Riverside\n").expect("reads");
        assert_eq!(p.cases[0].case.location.as_deref(), Some("Park"));
        assert_eq!(p.unknown_columns[0].name, "Ward");
    }

    #[test]
    fn map_settles_headers() {
        let map = parse_map("Logged=opened, What = title ,Junk=ignore").expect("map");
        let table = sheet::read_csv(b"Logged,What,Junk\n2026-01-01,x,y\n", "t.csv").expect("csv");
        let p = plan_with(&table, &map).expect("plans");
        assert_eq!(p.cases.len(), 1);
        assert!(p.unknown_columns.is_empty(), "{:?}", p.unknown_columns);
        assert!(parse_map("Logged").is_err());
        assert!(
            parse_map("Logged=openned")
                .expect_err("typo")
                .to_string()
                .contains("`opened`")
        );
    }

    fn plan_with(table: &Table, map: &[(String, String)]) -> Result<Plan> {
        super::plan(
            table,
            "t.csv",
            &Options {
                today: today(),
                categories: &cats(),
                map,
            },
        )
    }

    #[test]
    fn not_csv_is_one_line() {
        for bad in [
            &b"\x00\x01\x02"[..],
            &b"title,opened\n\xff\xfe,x\n"[..],
            &b"title,opened\na,2026-01-01,extra\n"[..],
            &b""[..],
            &b"hello world\n"[..],
        ] {
            let e = parse(bad, "t.csv", today(), &cats()).expect_err("not CSV");
            assert!(!e.to_string().contains('\n'), "{e}");
            assert!(e.to_string().contains("t.csv"), "{e}");
        }
    }
}
