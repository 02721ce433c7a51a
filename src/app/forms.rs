//! The forms of the app: the quick call log, intake of a new case, a
//! follow-up. Each has its fields, its checks (run on every edit) and its
//! save.

use chrono::NaiveDate;

use super::form::{Field, Form, Input, Match};
use super::text;
use super::textfield::TextField;
use crate::dates::parse_optional_date;
use crate::domain::text::normalise_postcode;
use crate::domain::workdays::add_working_days;
use crate::domain::{
    Case, CaseKind, Channel, Contact, ContactKind, EntryKind, FollowUp, Id, Instruction, Referral,
    Role,
};
use crate::store::{LogOutcome, LogRequest, NewReferral, ReferOutcome, Store, Who};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    QuickLog,
    Intake,
    FollowUp {
        case: Id<Case>,
        contact: Option<Id<Contact>>,
    },
    /// A new date for a follow-up on the agenda.
    Reschedule(Id<FollowUp>),
    /// A referral of a case to an officer or agency.
    Refer(Id<Case>),
    /// The reply to an awaited referral.
    Reply(Id<Referral>),
    StartSurgery,
    /// A from–to range for the review.
    ReviewRange,
    /// A mail file to take in on this case.
    TakeMail(Id<Case>),
    /// A letter or email draft from a template, for this case.
    Draft(Id<Case>),
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

pub mod refer {
    pub const TO: usize = 0;
    pub const INSTRUCTION: usize = 1;
    pub const COUNCIL_REF: usize = 2;
    pub const COPIED: usize = 3;
    pub const DAYS: usize = 4;
    pub const NOTE: usize = 5;
}

pub mod reply {
    pub const WHEN: usize = 0;
    pub const TEXT: usize = 1;
}

pub mod range {
    pub const FROM: usize = 0;
    pub const TO: usize = 1;
}

/// The longest reply time offered, in working days.
const MAX_REPLY_DAYS: u32 = 60;

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

pub fn reschedule() -> Form {
    Form::new(
        text::agenda::RESCHEDULE,
        vec![Field::text(text::agenda::NEW_DATE, TextField::new())],
    )
}

/// The referral form. The reply time is a choice whose every option shows
/// the date it makes, so the due date is seen as it changes.
pub fn refer(today: NaiveDate, default_days: u32) -> Form {
    use text::refer as t;
    let days: Vec<(String, String)> = (1..=MAX_REPLY_DAYS)
        .map(|n| {
            let due = add_working_days(today, n)
                .format("%a %-d %b %Y")
                .to_string();
            (n.to_string(), t::days(n, &due))
        })
        .collect();
    let default_at = default_days.clamp(1, MAX_REPLY_DAYS) as usize - 1;
    Form::new(
        t::TITLE,
        vec![
            Field::who(t::TO),
            Field::choice(
                t::INSTRUCTION,
                options(Instruction::ALL, Instruction::as_str, Instruction::label),
                0,
            ),
            Field::text(t::COUNCIL_REF, TextField::new()).optional(),
            Field::choice(t::COPIED, yes_no(), 0),
            Field::choice(t::DAYS, days, default_at),
            Field::text(t::NOTE, TextField::multiline()).optional(),
        ],
    )
}

pub fn take_mail() -> Form {
    Form::new(
        text::mail::TITLE,
        vec![Field::text(text::mail::PATH, TextField::new())],
    )
}

pub mod draft {
    pub const TEMPLATE: usize = 0;
    pub const FORMAT: usize = 1;
    pub const TO: usize = 2;
}

pub fn draft(templates: &crate::letters::Templates) -> Form {
    use text::draft as t;
    let names = templates
        .names()
        .into_iter()
        .map(|n| (n.clone(), n))
        .collect();
    Form::new(
        t::TITLE,
        vec![
            Field::choice(t::TEMPLATE, names, 0),
            Field::choice(
                t::FORMAT,
                vec![
                    ("eml".into(), t::EMAIL.into()),
                    ("html".into(), t::LETTER.into()),
                ],
                0,
            ),
            Field::text(t::TO, TextField::new()).optional(),
        ],
    )
}

pub fn reply() -> Form {
    Form::new(
        text::reply::TITLE,
        vec![
            Field::text(text::reply::WHEN, TextField::new().with_text("today")),
            Field::text(text::reply::TEXT, TextField::multiline()),
        ],
    )
}

pub fn start_surgery() -> Form {
    Form::new(
        text::surgery::START,
        vec![Field::text(text::surgery::VENUE, TextField::new())],
    )
}

pub fn review_range(from: NaiveDate, to: NaiveDate) -> Form {
    Form::new(
        text::review::RANGE_TITLE,
        vec![
            Field::text(
                text::review::FROM,
                TextField::new().with_text(&crate::dates::iso(from)),
            ),
            Field::text(
                text::review::TO,
                TextField::new().with_text(&crate::dates::iso(to)),
            ),
        ],
    )
}

/// Narrows the completions of a form's name field where only some people
/// fit: the referral form offers officers and agencies.
pub fn refine_matches(kind: &FormKind, form: &mut Form, store: &Store) -> Result<()> {
    if !matches!(kind, FormKind::Refer(_)) || form.focus != refer::TO {
        return Ok(());
    }
    if let Input::Who {
        field,
        chosen: None,
        matches,
        selected,
    } = &mut form.fields[refer::TO].input
    {
        let typed = field.text().trim().to_string();
        *matches = if typed.is_empty() {
            Vec::new()
        } else {
            referral_matches(store, &typed)?
        };
        *selected = 0;
    }
    Ok(())
}

/// True for people a case can be referred to: officers, agencies and
/// anyone in the directory.
fn is_referral_target(store: &Store, id: Id<Contact>) -> Result<bool> {
    let c = store.contact(id)?;
    Ok(matches!(
        c.kind(),
        ContactKind::Officer
            | ContactKind::Agency
            | ContactKind::Organisation
            | ContactKind::Councillor
    ) || store
        .referral_targets_named(&c.name)?
        .iter()
        .any(|t| t.id == id))
}

/// What the "to whom" field offers: officers and agencies whose name
/// matches, then those the directory says handle what was typed
/// ("fly-tipping" finds the waste officer).
pub fn referral_matches(store: &Store, typed: &str) -> Result<Vec<Match>> {
    let mut out = Vec::new();
    for m in super::form::complete(store, typed)? {
        if is_referral_target(store, m.id)? {
            out.push(m);
        }
    }
    for (entry, c) in store.who_handles(typed, 4)? {
        if out.len() >= 6 {
            break;
        }
        if !out.iter().any(|m| m.id == c.id) {
            out.push(Match {
                id: c.id,
                name: c.name.clone(),
                detail: text::refer::handles(&entry.handles),
                caution: c.caution.is_some(),
            });
        }
    }
    Ok(out)
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
        FormKind::Reschedule(_) => date_field(form, 0, today),
        FormKind::Refer(_) => {
            need(form, refer::TO, text::refer::NEED_TO);
            // While completions are offered, Enter takes one: no error yet.
            let picking = matches!(
                &form.fields[refer::TO].input,
                Input::Who { chosen: None, matches, .. } if !matches.is_empty()
            );
            if form.fields[refer::TO].error.is_none()
                && !picking
                && referral_target(form, store).is_none()
            {
                form.fields[refer::TO].error = Some(text::refer::NOT_OFFICIAL.into());
            }
        }
        FormKind::Reply(_) => {
            if let Err(e) =
                crate::dates::parse_datetime(form.fields[reply::WHEN].input.text(), today.into())
            {
                form.fields[reply::WHEN].error = Some(e.to_string());
            }
            need(form, reply::TEXT, text::reply::NEED_TEXT);
        }
        FormKind::StartSurgery => need(form, 0, text::surgery::NEED_VENUE),
        FormKind::TakeMail(_) => need(form, 0, text::mail::NEED_PATH),
        FormKind::Draft(_) => {}
        FormKind::ReviewRange => {
            date_field(form, range::FROM, today);
            date_field(form, range::TO, today);
            if let (Ok(from), Ok(to)) = (
                crate::dates::parse_date(form.fields[range::FROM].input.text(), today),
                crate::dates::parse_date(form.fields[range::TO].input.text(), today),
            ) && to < from
            {
                form.fields[range::TO].error = Some(text::review::TO_BEFORE_FROM.into());
            }
        }
    }
}

/// A date that must be given.
fn date_field(form: &mut Form, i: usize, today: NaiveDate) {
    if let Err(e) = crate::dates::parse_date(form.fields[i].input.text(), today) {
        form.fields[i].error = Some(e.to_string());
    }
}

/// The officer or agency the referral form names: the one picked, or the
/// only one of that name.
fn referral_target(form: &Form, store: &Store) -> Option<Id<Contact>> {
    match &form.fields[refer::TO].input {
        Input::Who {
            chosen: Some(m), ..
        } => is_referral_target(store, m.id).ok()?.then_some(m.id),
        Input::Who { field, .. } if !field.is_empty() => store
            .referral_targets_named(field.text().trim())
            .ok()?
            .first()
            .map(|c| c.id),
        _ => None,
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

pub fn save_reschedule(
    form: &Form,
    store: &mut Store,
    today: NaiveDate,
    id: Id<FollowUp>,
) -> Result<NaiveDate> {
    let on = crate::dates::parse_date(form.fields[0].input.text(), today)?;
    store.reschedule_follow_up(id, on)?;
    Ok(on)
}

/// Asks the store to refer the case; it may answer that consent is
/// missing, and then nothing is saved until the councillor confirms.
pub fn save_refer(
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
    case: Id<Case>,
    confirmed_without_consent: bool,
) -> Result<ReferOutcome> {
    let to = referral_target(form, store).ok_or_else(|| Error::invalid(text::refer::NEED_TO))?;
    let reply_days: u32 = form.fields[refer::DAYS]
        .input
        .text()
        .parse()
        .map_err(|_| Error::invalid(text::refer::NEED_TO))?;
    let r = NewReferral {
        case,
        to,
        at: now,
        council_ref: opt_text(form, refer::COUNCIL_REF),
        instruction: form.fields[refer::INSTRUCTION].input.text().parse()?,
        note: opt_text(form, refer::NOTE),
        constituent_copied: form.fields[refer::COPIED].input.text() == "yes",
        reply_days,
    };
    store.refer(&r, confirmed_without_consent)
}

pub fn save_reply(
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
    id: Id<Referral>,
) -> Result<crate::store::ReplyOutcome> {
    let at = crate::dates::parse_datetime(form.fields[reply::WHEN].input.text(), now)?;
    store.reply_to_referral(id, at, form.fields[reply::TEXT].input.text())
}

/// The period a valid range form gives.
pub fn review_period(form: &Form, today: NaiveDate) -> Result<crate::report::review::Period> {
    let from = crate::dates::parse_date(form.fields[range::FROM].input.text(), today)?;
    let to = crate::dates::parse_date(form.fields[range::TO].input.text(), today)?;
    crate::report::review::Period::custom(from, to)
}
