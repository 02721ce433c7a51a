//! The forms of the app: the quick call log, intake of a new case, a
//! follow-up. Each has its fields, its checks (run on every edit) and its
//! save.

use chrono::NaiveDate;

use super::form::{Field, Form, Input, Match};
use super::text;
use super::textfield::TextField;
use crate::dates::parse_optional_date;
use crate::domain::text::normalise_postcode;
use crate::domain::{Case, CaseKind, Channel, Contact, EntryKind, FollowUp, Id, Role};
use crate::store::{LogOutcome, LogRequest, Store, Who};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    QuickLog,
    Intake,
    FollowUp {
        case: Id<Case>,
        contact: Option<Id<Contact>>,
    },
}

pub mod quick {
    pub const WHO: usize = 0;
    pub const TEXT: usize = 1;
    pub const KIND: usize = 2;
    pub const CASE: usize = 3;
    pub const FOLLOW_UP: usize = 4;
    pub const CONFIDENTIAL: usize = 5;
}

pub mod intake {
    pub const CONSTITUENT: usize = 0;
    pub const KIND: usize = 1;
    pub const ON_BEHALF_OF: usize = 2;
    pub const TITLE: usize = 3;
    pub const CATEGORY: usize = 4;
    pub const CHANNEL: usize = 5;
    pub const LOCATION: usize = 6;
    pub const POSTCODE: usize = 7;
    pub const FACTS: usize = 8;
    pub const WANTS: usize = 9;
    pub const HISTORY: usize = 10;
    pub const OTHERS: usize = 11;
    pub const CONSENT: usize = 12;
}

pub mod follow {
    pub const DUE: usize = 0;
    pub const WHAT: usize = 1;
}

fn options<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&v| (value(v).to_string(), label(v).to_string()))
        .collect()
}

fn yes_no() -> Vec<(String, String)> {
    vec![("no".into(), "no".into()), ("yes".into(), "yes".into())]
}

/// The quick call log; on a case, the case and its constituent filled in.
pub fn quick_log(case: Option<&str>, who: Option<Match>, kind: EntryKind) -> Form {
    let t = text::quick_log::TITLE;
    let kinds = options(EntryKind::ALL, EntryKind::as_str, EntryKind::label);
    let kind_at = EntryKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    let mut who_field = Field::who(text::quick_log::WHO);
    if let (Some(m), Input::Who { field, chosen, .. }) = (who, &mut who_field.input) {
        field.set_text(&m.name);
        *chosen = Some(m);
    }
    let mut form = Form::new(
        if case.is_some() {
            text::quick_log::TITLE_ENTRY
        } else {
            t
        },
        vec![
            who_field,
            Field::text(text::quick_log::TEXT, TextField::multiline()),
            Field::choice(text::quick_log::KIND, kinds, kind_at).optional(),
            Field::text(
                text::quick_log::CASE,
                TextField::new().with_text(case.unwrap_or("")),
            )
            .optional(),
            Field::text(text::quick_log::FOLLOW_UP, TextField::new()).optional(),
            Field::choice(text::quick_log::CONFIDENTIAL, yes_no(), 0).optional(),
        ],
    );
    if case.is_some() {
        form.focus = quick::TEXT;
    }
    form
}

pub fn intake(categories: &[String]) -> Form {
    use text::intake as t;
    let cats: Vec<(String, String)> = categories
        .iter()
        .map(|c| (c.clone(), c.replace('_', " ")))
        .collect();
    let other = categories.iter().position(|c| c == "other").unwrap_or(0);
    let consent = t::CONSENT_OPTIONS
        .iter()
        .zip(["", "yes", "no"])
        .map(|(label, v)| (v.to_string(), label.to_string()))
        .collect();
    let mut on_behalf = Field::who(t::ON_BEHALF_OF);
    on_behalf.hidden = true;
    Form::new(
        t::TITLE,
        vec![
            Field::who(t::CONSTITUENT),
            Field::choice(
                t::KIND,
                options(CaseKind::ALL, CaseKind::as_str, CaseKind::label),
                0,
            ),
            on_behalf,
            Field::text(t::CASE_TITLE, TextField::new()),
            Field::choice(t::CATEGORY, cats, other),
            Field::choice(
                t::CHANNEL,
                options(Channel::ALL, Channel::as_str, Channel::label),
                0,
            ),
            Field::text(t::LOCATION, TextField::new()).optional(),
            Field::text(t::POSTCODE, TextField::new()).optional(),
            Field::text(t::FACTS, TextField::multiline()).optional(),
            Field::text(t::WANTS, TextField::multiline()).optional(),
            Field::text(t::HISTORY, TextField::multiline()).optional(),
            Field::text(t::OTHERS, TextField::new()).optional(),
            Field::choice(t::CONSENT, consent, 0),
        ],
    )
}

pub fn follow_up() -> Form {
    Form::new(
        text::follow_up::TITLE,
        vec![
            Field::text(text::follow_up::DUE, TextField::new()),
            Field::text(text::follow_up::WHAT, TextField::multiline()),
        ],
    )
}

fn need(form: &mut Form, i: usize, message: &str) {
    form.fields[i].error = form.fields[i]
        .input
        .text()
        .trim()
        .is_empty()
        .then(|| message.to_string());
}

/// Re-checks every field; errors are kept beside the fields.
pub fn validate(kind: &FormKind, form: &mut Form, store: &Store, today: NaiveDate) {
    for f in &mut form.fields {
        f.error = None;
    }
    match kind {
        FormKind::QuickLog => {
            need(form, quick::WHO, text::quick_log::NEED_WHO);
            need(form, quick::TEXT, text::quick_log::NEED_TEXT);
            let case = form.fields[quick::CASE].input.text().trim().to_string();
            if !case.is_empty() {
                match store.case_by_reference(&case) {
                    Ok(Some(_)) => {}
                    Ok(None) => {
                        form.fields[quick::CASE].error = Some(text::quick_log::NO_CASE.into())
                    }
                    Err(e) => form.fields[quick::CASE].error = Some(e.to_string()),
                }
            }
            if let Err(e) = parse_optional_date(form.fields[quick::FOLLOW_UP].input.text(), today) {
                form.fields[quick::FOLLOW_UP].error = Some(e.to_string());
            }
        }
        FormKind::Intake => {
            use intake as i;
            let indirect = form.fields[i::KIND].input.text() == CaseKind::IndirectQuery.as_str();
            form.fields[i::ON_BEHALF_OF].hidden = !indirect;
            need(form, i::CONSTITUENT, text::intake::NEED_CONSTITUENT);
            if indirect {
                need(form, i::ON_BEHALF_OF, text::intake::NEED_ON_BEHALF);
            }
            need(form, i::TITLE, text::intake::NEED_TITLE);
            let pc = form.fields[i::POSTCODE].input.text().trim().to_string();
            if !pc.is_empty() && normalise_postcode(&pc).is_none() {
                form.fields[i::POSTCODE].error = Some(text::intake::BAD_POSTCODE.into());
            }
        }
        FormKind::FollowUp { .. } => {
            match parse_optional_date(form.fields[follow::DUE].input.text(), today) {
                Ok(Some(_)) => {}
                Ok(None) => {
                    form.fields[follow::DUE].error = Some(
                        crate::dates::parse_date("", today)
                            .err()
                            .map(|e| e.to_string())
                            .unwrap_or_default(),
                    )
                }
                Err(e) => form.fields[follow::DUE].error = Some(e.to_string()),
            }
            need(form, follow::WHAT, text::follow_up::NEED_WHAT);
        }
    }
}

fn who_of(form: &Form, i: usize) -> Option<Who> {
    match &form.fields[i].input {
        Input::Who {
            chosen: Some(m), ..
        } => Some(Who::Known(m.id)),
        Input::Who { field, .. } if !field.is_empty() => {
            Some(Who::Named(field.text().trim().to_string()))
        }
        _ => None,
    }
}

fn opt_text(form: &Form, i: usize) -> Option<String> {
    let t = form.fields[i].input.text().trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Saves a valid quick log.
pub fn save_quick_log(
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
) -> Result<LogOutcome> {
    let who = who_of(form, quick::WHO).ok_or_else(|| Error::invalid(text::quick_log::NEED_WHO))?;
    let kind: EntryKind = form.fields[quick::KIND].input.text().parse()?;
    let req = LogRequest {
        who,
        case: opt_text(form, quick::CASE),
        kind,
        at: now,
        text: form.fields[quick::TEXT].input.text().trim_end().to_string(),
        follow_up: parse_optional_date(form.fields[quick::FOLLOW_UP].input.text(), now.date())?,
        confidential: form.fields[quick::CONFIDENTIAL].input.text() == "yes",
        // A call logged while a surgery runs belongs to it.
        surgery: store.surgery_at(now)?,
    };
    store.log(&req)
}

/// Resolves a person typed in a form to a contact id, creating the contact
/// when the name is new. Returns the id and whether it was created.
fn resolve(store: &mut Store, who: Who) -> Result<(Id<Contact>, bool)> {
    match who {
        Who::Known(id) => Ok((id, false)),
        Who::Named(name) => {
            let found = store.contacts_named(&name)?;
            match found.as_slice() {
                [one] => Ok((one.id, false)),
                _ => Ok((store.add_contact(&Contact::named(name))?.id, true)),
            }
        }
    }
}

/// Saves a valid intake form: the contacts (when new), then the case with
/// both people of an indirect query. Returns the case and new names.
pub fn save_intake(
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
    categories: &[String],
) -> Result<(crate::domain::Record<Case>, Vec<String>)> {
    use intake as i;
    let today = now.date();
    let kind: CaseKind = form.fields[i::KIND].input.text().parse()?;
    let mut case = Case::new(form.fields[i::TITLE].input.text().trim(), today);
    case.kind = kind;
    case.category = form.fields[i::CATEGORY].input.text().to_string();
    case.channel = form.fields[i::CHANNEL].input.text().parse()?;
    case.location = opt_text(form, i::LOCATION);
    case.postcode = opt_text(form, i::POSTCODE);
    case.facts = opt_text(form, i::FACTS);
    case.wants = opt_text(form, i::WANTS);
    case.history = opt_text(form, i::HISTORY);
    case.others_involved = opt_text(form, i::OTHERS);
    case.consent_to_share = match form.fields[i::CONSENT].input.text() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    // Checked before any contact is created, so a refusal leaves nothing behind.
    case.validate(categories)?;
    // A case taken while a surgery runs belongs to it.
    case.surgery = store.surgery_at(now)?;
    let mut created = Vec::new();
    let mut people = Vec::new();
    let who = who_of(form, i::CONSTITUENT)
        .ok_or_else(|| Error::invalid(text::intake::NEED_CONSTITUENT))?;
    let (id, new) = resolve(store, who)?;
    if new {
        created.push(form.fields[i::CONSTITUENT].input.text().trim().to_string());
    }
    people.push((id, Role::Constituent));
    if kind == CaseKind::IndirectQuery {
        let who = who_of(form, i::ON_BEHALF_OF)
            .ok_or_else(|| Error::invalid(text::intake::NEED_ON_BEHALF))?;
        let (id, new) = resolve(store, who)?;
        if new {
            created.push(form.fields[i::ON_BEHALF_OF].input.text().trim().to_string());
        }
        people.push((id, Role::OnBehalfOf));
    }
    let saved = store.add_case(&case, &people, categories)?;
    Ok((saved, created))
}

pub fn save_follow_up(
    form: &Form,
    store: &mut Store,
    today: NaiveDate,
    case: Id<Case>,
    contact: Option<Id<Contact>>,
) -> Result<()> {
    let due_on = crate::dates::parse_date(form.fields[follow::DUE].input.text(), today)?;
    store.add_follow_up(&FollowUp {
        case: Some(case),
        contact,
        entry: None,
        due_on,
        what: form.fields[follow::WHAT].input.text().trim().to_string(),
        done_on: None,
    })?;
    Ok(())
}
