//! Reading a spreadsheet saved as CSV (SPEC section 4) into a plan: the
//! cases to add and the people on them, with every bad row named. No SQL
//! here: the store carries the plan out in one transaction.
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
//! - Header names are matched ignoring case, surrounding spaces, and spaces
//!   or hyphens for underscores ("Constituent Name"). Category, kind and the
//!   other lists are read the same way ("Council Tax" → `council_tax`).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::COLUMNS;
use crate::dates::parse_past_date;
use crate::domain::text::{fold, name_key, normalise_postcode, squash_space};
use crate::domain::{
    AgeBand, Case, CaseKind, CaseStatus, Channel, Contact, ContactKind, Outcome, PREFER_NOT_TO_SAY,
};
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

/// What a CSV file asks for, once read and checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// The distinct people of the file (constituents and those a query was
    /// raised for), after the identity rule has merged rows.
    pub people: Vec<Person>,
    /// The valid rows, in file order.
    pub cases: Vec<PlannedCase>,
    /// Header names that are not import columns: reported, then ignored.
    pub unknown_columns: Vec<String>,
    /// Every bad row. Nothing may be written while there is one.
    pub problems: Vec<Problem>,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub reason: String,
}

impl Plan {
    /// The error that lists every bad row (first line: the summary), or
    /// `None` when every row is good.
    pub fn problems_error(&self) -> Option<Error> {
        if self.problems.is_empty() {
            return None;
        }
        let n = self.problems.len();
        let mut msg = if n == 1 {
            "1 row is not valid; nothing was imported".to_string()
        } else {
            format!("{n} rows are not valid; nothing was imported")
        };
        for p in &self.problems {
            msg.push_str(&format!("\n  line {}: {}", p.line, p.reason));
        }
        Some(Error::invalid(msg))
    }
}

/// Reads and checks a CSV file. `file` names it in messages; `today` anchors
/// words such as `today` in date cells. A file that is not CSV at all is an
/// error; bad rows are collected in [`Plan::problems`].
pub fn parse(bytes: &[u8], file: &str, today: NaiveDate, categories: &[String]) -> Result<Plan> {
    let bytes = super::strip_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::invalid(format!(
            "{file} is empty: it needs a header row naming the columns (at least opened and title)"
        )));
    }
    if bytes.contains(&0) {
        return Err(Error::invalid(format!(
            "{file} is not a CSV file: it holds binary data (in the spreadsheet, save as \"CSV UTF-8\")"
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::invalid(format!(
            "{file} is not UTF-8 text (line {line}): in the spreadsheet, save as \"CSV UTF-8\""
        ))
    })?;

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let not_csv = |e: csv::Error| -> Error {
        match e.kind() {
            csv::ErrorKind::UnequalLengths {
                pos,
                expected_len,
                len,
            } => Error::invalid(format!(
                "{file} is not a well-formed CSV file: line {} has {len} fields but the header row has {expected_len}",
                pos.as_ref().map(|p| p.line()).unwrap_or(0)
            )),
            _ => Error::invalid(format!("{file} is not a well-formed CSV file: {e}")),
        }
    };
    let header = reader.headers().map_err(not_csv)?.clone();

    // Which import column each field of a row is, if any.
    let mut plan = Plan::default();
    let mut slots: Vec<Option<usize>> = Vec::with_capacity(header.len());
    let mut seen = [false; COLUMNS.len()];
    for name in header.iter() {
        let wanted = name.trim().to_lowercase().replace([' ', '-'], "_");
        if wanted.is_empty() {
            slots.push(None);
            continue;
        }
        match COLUMNS.iter().position(|c| *c == wanted) {
            Some(i) if seen[i] => {
                return Err(Error::invalid(format!(
                    "{file}: the column `{}` appears twice in the header row",
                    COLUMNS[i]
                )));
            }
            Some(i) => {
                seen[i] = true;
                slots.push(Some(i));
            }
            None => {
                plan.unknown_columns.push(name.trim().to_string());
                slots.push(None);
            }
        }
    }
    let missing: Vec<&str> = [OPENED, TITLE]
        .iter()
        .filter(|&&i| !seen[i])
        .map(|&i| COLUMNS[i])
        .collect();
    if !missing.is_empty() {
        // Some spreadsheets save "CSV" with semicolons or tabs between cells.
        let hint = match header.iter().next() {
            Some(h) if header.len() == 1 && h.contains(';') => {
                "the cells are separated by semicolons: save as \"CSV (comma delimited)\""
            }
            Some(h) if header.len() == 1 && h.contains('\t') => {
                "the cells are separated by tabs: save as \"CSV (comma delimited)\""
            }
            _ => "the header row must name at least opened and title",
        };
        return Err(Error::invalid(format!(
            "{file} has no {} column: {hint}",
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )));
    }

    let mut people = People::default();
    let mut references: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(not_csv)?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank row between blocks of a spreadsheet
        }
        let mut fields = [""; COLUMNS.len()];
        for (slot, value) in slots.iter().zip(record.iter()) {
            if let Some(i) = slot {
                fields[*i] = value.trim();
            }
        }
        let row = match read_row(&fields, today, categories) {
            Ok(row) => row,
            Err(reasons) => {
                plan.problems.push(Problem {
                    line,
                    reason: reasons.join("; "),
                });
                continue;
            }
        };
        let reference = row.case.reference.clone();
        if !reference.is_empty() {
            if let Some(first) = references.get(&reference) {
                plan.problems.push(Problem {
                    line,
                    reason: format!("the reference {reference} is also on line {first}"),
                });
                continue;
            }
            references.insert(reference, line);
        }
        let constituent = row.constituent.map(|c| people.constituent(c));
        let on_behalf_of = row.on_behalf_of.map(|n| people.by_name(n));
        plan.cases.push(PlannedCase {
            line,
            case: row.case,
            constituent,
            on_behalf_of,
        });
    }
    plan.people = people.list;
    Ok(plan)
}

/// One good row.
struct Row<'a> {
    case: Case,
    constituent: Option<Contact>,
    on_behalf_of: Option<&'a str>,
}

/// Reads one row, or says everything that is wrong with it.
fn read_row<'a>(
    f: &[&'a str; COLUMNS.len()],
    today: NaiveDate,
    categories: &[String],
) -> std::result::Result<Row<'a>, Vec<String>> {
    let mut why: Vec<String> = Vec::new();
    let get = |i: usize| Some(f[i]).filter(|s| !s.is_empty());

    if get(TITLE).is_none() {
        why.push("the title is empty".into());
    }
    let mut date = |i: usize| -> Option<NaiveDate> {
        let s = get(i)?;
        // Opened and closed record what happened: not in the future.
        match parse_past_date(s, today) {
            Ok(d) => Some(d),
            Err(e) => {
                why.push(format!("{}: {e}", COLUMNS[i]));
                None
            }
        }
    };
    let opened = date(OPENED);
    let closed = date(CLOSED);
    if get(OPENED).is_none() {
        why.push("the opened date is empty".into());
    }
    fn named<T: std::str::FromStr<Err = Error>>(
        s: Option<&str>,
        why: &mut Vec<String>,
    ) -> Option<T> {
        match s?.parse::<T>() {
            Ok(v) => Some(v),
            Err(e) => {
                why.push(e.to_string());
                None
            }
        }
    }
    let kind: Option<CaseKind> = named(get(KIND), &mut why);
    let channel: Option<Channel> = named(get(CHANNEL), &mut why);
    let status: Option<CaseStatus> = named(get(STATUS), &mut why);
    let outcome: Option<Outcome> = named(get(OUTCOME), &mut why);
    let age_band: Option<AgeBand> = named(get(AGE_BAND), &mut why);
    let category = match get(CATEGORY) {
        None => "other".to_string(),
        Some(s) => {
            let wanted = s.to_lowercase().replace([' ', '-'], "_");
            if categories.contains(&wanted) {
                wanted
            } else {
                why.push(format!(
                    "unknown category `{s}`: expected one of {}",
                    categories.join(", ")
                ));
                String::new()
            }
        }
    };
    let satisfaction = get(SATISFACTION).and_then(|s| match s.parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => Some(n),
        _ => {
            why.push(format!(
                "satisfaction `{s}` is not a number from 1 (poor) to 5 (excellent)"
            ));
            None
        }
    });
    let has_details = [
        EMAIL, PHONE, ADDRESS, GENDER, AGE_BAND, ETHNICITY, EMPLOYMENT,
    ]
    .iter()
    .any(|&i| get(i).is_some());
    if has_details && get(NAME).is_none() {
        why.push("constituent details are given but constituent_name is empty".into());
    }
    if let (Some(o), Some(c)) = (opened, closed)
        && c < o
    {
        why.push(format!("closed date {c} is before the opened date {o}"));
    }
    if let Some(email) = get(EMAIL)
        && Contact::validate(&Contact {
            email: Some(email.to_string()),
            ..Contact::named("-")
        })
        .is_err()
    {
        why.push(format!(
            "constituent_email `{email}` is not an email address"
        ));
    }
    if get(OUTCOME).is_some() && get(CLOSED).is_none() && get(STATUS).is_none() {
        why.push("an outcome is given but no closed date".into());
    }
    if !why.is_empty() {
        return Err(why);
    }
    let (Some(opened), Some(title)) = (opened, get(TITLE)) else {
        return Err(vec!["the opened date or the title is missing".into()]);
    };

    let on_behalf_of = get(ON_BEHALF_OF);
    let mut case = Case::new(title, opened);
    case.reference = f[REFERENCE].to_string();
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
    if let Err(e) = case.validate(categories) {
        why.push(e.to_string());
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
        why.push(format!("constituent_email: {e}"));
    }
    if !why.is_empty() {
        return Err(why);
    }
    Ok(Row {
        case,
        constituent,
        on_behalf_of,
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

/// Fills the blanks of `into` from `from`.
fn fill(into: &mut Contact, from: &Contact) {
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
            msg.starts_with("4 rows are not valid; nothing was imported\n"),
            "{msg}"
        );
        assert!(msg.contains("line 6: unknown case kind `bogus`"), "{msg}");
        assert!(msg.contains("satisfaction `9`"), "{msg}");
    }

    #[test]
    fn semicolons_are_named() {
        let e = plan("title;opened\nx;2026-01-01\n").expect_err("semicolons");
        assert!(e.to_string().contains("separated by semicolons"), "{e}");
    }

    #[test]
    fn not_csv_is_one_line() {
        for bad in [
            &b"\x00\x01\x02"[..],
            &b"title,opened\n\xff\xfe,x\n"[..],
            &b"title,opened\na,2026-01-01,extra\n"[..],
            &b""[..],
            &b"hello world\n"[..],
            &b"title;opened\nx;2026-01-01\n"[..],
        ] {
            let e = parse(bad, "t.csv", today(), &cats()).expect_err("not CSV");
            assert!(!e.to_string().contains('\n'), "{e}");
            assert!(e.to_string().contains("t.csv"), "{e}");
        }
    }
}
