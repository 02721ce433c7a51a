//! The forms of the app: the quick call log, intake of a new case, a
//! follow-up. Each has its fields, its checks (run on every edit) and its
//! save.

use chrono::NaiveDate;

use super::form::{Field, Form, Input, Match, NameCheck, Pick};
use super::text;
use super::textfield::TextField;
use crate::dates::parse_optional_date;
use crate::domain::workdays::add_working_days;
use crate::domain::{Case, Contact, EntryKind, FollowUp, Id, Instruction, Referral};
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
    /// A contact's card.
    EditContact(Id<Contact>),
    /// A case's own fields; its opened date bounds "date contacted".
    EditCase {
        id: Id<Case>,
        opened: NaiveDate,
    },
    /// Someone added to a case, with their role.
    AddPerson(Id<Case>),
    /// A diary entry corrected or filed on a case; `contact` is who it was
    /// with, whose open cases the case picker offers.
    EditEntry {
        id: Id<crate::domain::Entry>,
        contact: Option<Id<Contact>>,
        /// Its time before the edit.
        was: chrono::NaiveDateTime,
    },
    /// A case closed with its outcome.
    CloseCase(Id<Case>),
    /// An officer or agency added to the directory (`contact`: corrected);
    /// `for_referral`: opened from the referral form, which then takes them.
    Directory {
        contact: Option<Id<Contact>>,
        for_referral: bool,
    },
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

use crate::domain::rules::REPLY_DAYS;

fn options<T: crate::domain::ClosedList>(
    w: &crate::i18n::Catalogue,
    all: &[T],
) -> Vec<(String, String)> {
    all.iter()
        .map(|&v| (v.as_str().to_string(), w.label(v)))
        .collect()
}

/// No and yes: the values stay English (they are read back), the labels are
/// the reader's.
fn yes_no(w: &crate::i18n::Catalogue) -> Vec<(String, String)> {
    vec![
        ("no".into(), w.tr("ui-record-no", None)),
        ("yes".into(), w.tr("ui-record-yes", None)),
    ]
}

/// A case a form is opened on: (reference, title).
pub type CaseRef = (String, String);

/// The case picker of a form: "not filed", then the person's open cases
/// (loaded when the person is known), `on` offered and chosen whoever.
fn case_pick(w: &crate::i18n::Catalogue, on: Option<&CaseRef>) -> Pick {
    let mut p = Pick::new(&w.tr(text::quick_log::UNFILED, None));
    if let Some((reference, title)) = on {
        let opt = (reference.clone(), text::case_choice(w, reference, title));
        p.options.push(opt.clone());
        p.selected = 1;
        p.always = Some(opt);
    }
    p
}

/// The quick call log; on a case, the case and its constituent filled in.
pub fn quick_log(
    w: &crate::i18n::Catalogue,
    case: Option<&CaseRef>,
    who: Option<Match>,
    kind: EntryKind,
) -> Form {
    let t = text::quick_log::TITLE;
    let kinds = options(w, EntryKind::ALL);
    let kind_at = EntryKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    let mut who_field = Field::who(text::quick_log::WHO);
    if let (Some(m), Input::Who { field, chosen, .. }) = (who, &mut who_field.input) {
        field.set_text(&m.name);
        *chosen = Some(m);
    }
    let mut form = Form::new(
        if case.is_some() && kind != EntryKind::CallIn {
            text::quick_log::TITLE_ENTRY
        } else {
            t
        },
        vec![
            who_field,
            Field::text(text::quick_log::TEXT, TextField::multiline()),
            Field::choice(text::quick_log::KIND, kinds, kind_at).optional(),
            Field::pick(text::quick_log::CASE, case_pick(w, case)).optional(),
            Field::text(text::quick_log::FOLLOW_UP, TextField::new()).optional(),
            Field::choice(text::quick_log::CONFIDENTIAL, yes_no(w), 0).optional(),
        ],
    );
    if case.is_some() {
        form.focus = quick::TEXT;
    }
    form
}

/// Loads the case picker's options when the person it is for changes:
/// their open cases, newest first. With exactly one, that case is proposed;
/// with several, none is guessed. One person's cases, never a scan.
pub fn refresh_cases(
    w: &crate::i18n::Catalogue,
    kind: &FormKind,
    form: &mut Form,
    store: &Store,
) -> Result<()> {
    let (who_at, case_at) = match kind {
        FormKind::QuickLog => (quick::WHO, quick::CASE),
        FormKind::EditEntry { contact, .. } => {
            let contact = *contact;
            let at = super::record_forms::EntryField::Case.at();
            if let Input::Pick(p) = &mut form.fields[at].input {
                load_cases(w, p, contact, store)?;
            }
            return Ok(());
        }
        _ => return Ok(()),
    };
    let person = match &form.fields[who_at].input {
        Input::Who {
            chosen: Some(m), ..
        } => Some(m.id),
        _ => None,
    };
    if let Input::Pick(p) = &mut form.fields[case_at].input {
        load_cases(w, p, person, store)?;
    }
    Ok(())
}

fn load_cases(
    w: &crate::i18n::Catalogue,
    p: &mut Pick,
    person: Option<Id<Contact>>,
    store: &Store,
) -> Result<()> {
    let key = person.map(|id| id.raw());
    if p.loaded_for == key {
        return Ok(());
    }
    p.loaded_for = key;
    let cases = match person {
        Some(id) => store.open_cases_of_contact(id)?,
        None => Vec::new(),
    };
    let mut options = vec![(String::new(), w.tr(text::quick_log::UNFILED, None))];
    if let Some(a) = &p.always {
        options.push(a.clone());
    }
    for c in &cases {
        if !options.iter().any(|o| o.0 == c.reference) {
            options.push((
                c.reference.clone(),
                text::case_choice(w, &c.reference, &c.title),
            ));
        }
    }
    let select = match (&p.always, cases.as_slice()) {
        (Some(a), _) => Some(a.0.clone()),
        (None, [one]) => Some(one.reference.clone()),
        _ => Some(String::new()),
    };
    p.set_options(options, select.as_deref());
    Ok(())
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
/// `copied` is whether the constituent is copied in unless changed.
pub fn refer(
    w: &crate::i18n::Catalogue,
    today: NaiveDate,
    default_days: u32,
    copied: bool,
) -> Form {
    use text::refer as t;
    let days: Vec<(String, String)> = REPLY_DAYS
        .map(|n| {
            let due = crate::ui::when::admy(w, add_working_days(today, n));
            (n.to_string(), t::days(w, n, &due))
        })
        .collect();
    let default_at =
        (default_days.clamp(*REPLY_DAYS.start(), *REPLY_DAYS.end()) - REPLY_DAYS.start()) as usize;
    Form::new(
        t::TITLE,
        vec![
            Field::who(t::TO),
            Field::choice(t::INSTRUCTION, options(w, Instruction::ALL), 0),
            Field::text(t::COUNCIL_REF, TextField::new()).optional(),
            Field::choice(t::COPIED, yes_no(w), usize::from(copied)),
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

pub fn draft(w: &crate::i18n::Catalogue, templates: &crate::letters::Templates) -> Form {
    use text::draft as t;
    // A built-in template by its name in the reader's words; the user's
    // own by the name they gave its file.
    let names = templates
        .names()
        .into_iter()
        .map(|n| {
            let id = format!("ui-template-{n}");
            let label = if w.has(&id) {
                w.tr(&id, None)
            } else {
                n.clone()
            };
            (n, label)
        })
        .collect();
    Form::new(
        t::TITLE,
        vec![
            Field::choice(t::TEMPLATE, names, 0),
            Field::choice(
                t::FORMAT,
                vec![
                    ("eml".into(), w.tr(t::EMAIL, None)),
                    ("html".into(), w.tr(t::LETTER, None)),
                ],
                0,
            ),
            Field::text(t::TO, TextField::new()).optional(),
        ],
    )
}

/// The reply form; its date starts as the reader's word for today (typed
/// text, so the catalogue's word without the pseudo-locale's marks: the
/// date reader takes it in either language).
pub fn reply(w: &crate::i18n::Catalogue) -> Form {
    Form::new(
        text::reply::TITLE,
        vec![
            Field::text(
                text::reply::WHEN,
                TextField::new().with_text(&w.tr_bare(text::TODAY_TYPED)),
            ),
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
pub fn refine_matches(
    w: &crate::i18n::Catalogue,
    kind: &FormKind,
    form: &mut Form,
    store: &Store,
) -> Result<()> {
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
            referral_matches(w, store, &typed)?
        };
        *selected = 0;
    }
    Ok(())
}

/// True for people a case can be referred to: officers, agencies and
/// anyone in the directory.
fn is_referral_target(store: &Store, id: Id<Contact>) -> Result<bool> {
    let c = store.contact(id)?;
    let kind = c.kind();
    if crate::domain::rules::can_receive_referral(kind, false) {
        return Ok(true);
    }
    let listed = store
        .referral_targets_named(&c.name)?
        .iter()
        .any(|t| t.id == id);
    Ok(crate::domain::rules::can_receive_referral(kind, listed))
}

/// What the "to whom" field offers: officers and agencies whose name
/// matches, then those the directory says handle what was typed
/// ("fly-tipping" finds the waste officer).
pub fn referral_matches(
    w: &crate::i18n::Catalogue,
    store: &Store,
    typed: &str,
) -> Result<Vec<Match>> {
    let mut out = Vec::new();
    for m in super::form::complete(w, store, typed)? {
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
                detail: text::refer::handles(w, &entry.handles),
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

/// Asks the store what `validate` needs to know and cannot ask itself: for
/// the referral form, whom the "to whom" name stands for. Called after each
/// edit, before `validate`.
pub fn look_up(kind: &FormKind, form: &mut Form, store: &Store) {
    if !matches!(kind, FormKind::Refer(_)) {
        return;
    }
    form.name_check = match referral_target(form, store) {
        Some(id) => NameCheck::Known(id),
        None => match unknown_name(form, store) {
            Some(name) => NameCheck::New(name),
            None => NameCheck::Refused,
        },
    };
}

/// Re-checks every field (pure: what the store knows was looked up
/// before); errors are kept beside the fields.
pub fn validate(
    w: &crate::i18n::Catalogue,
    kind: &FormKind,
    form: &mut Form,
    now: chrono::NaiveDateTime,
) {
    let today = now.date();
    for f in &mut form.fields {
        f.error = None;
    }
    match kind {
        FormKind::QuickLog => {
            need(form, quick::WHO, &w.tr(text::quick_log::NEED_WHO, None));
            need(form, quick::TEXT, &w.tr(text::quick_log::NEED_TEXT, None));
            if let Input::Pick(p) = &form.fields[quick::CASE].input
                && p.value().is_none()
            {
                form.fields[quick::CASE].error = Some(w.tr(text::quick_log::NO_CASE_FITS, None));
            }
            if let Err(e) = parse_optional_date(form.fields[quick::FOLLOW_UP].input.text(), today) {
                form.fields[quick::FOLLOW_UP].error = Some(e.message(w));
            }
        }
        FormKind::Intake => super::record::intake::validate(w, form, today),
        FormKind::EditContact(_) => super::record::contact::validate(w, form),
        FormKind::EditCase { opened, .. } => super::record::case::validate(w, form, *opened, today),
        FormKind::AddPerson(_) => need(form, 0, &w.tr(super::record::text::people::NEED_WHO, None)),
        FormKind::FollowUp { .. } => {
            match parse_optional_date(form.fields[follow::DUE].input.text(), today) {
                Ok(Some(_)) => {}
                Ok(None) => {
                    form.fields[follow::DUE].error = Some(
                        crate::dates::parse_date("", today)
                            .err()
                            .map(|e| e.message(w))
                            .unwrap_or_default(),
                    )
                }
                Err(e) => form.fields[follow::DUE].error = Some(e.message(w)),
            }
            need(form, follow::WHAT, &w.tr(text::follow_up::NEED_WHAT, None));
        }
        FormKind::Reschedule(_) => date_field(w, form, 0, today),
        FormKind::Refer(_) => {
            need(form, refer::TO, &w.tr(text::refer::NEED_TO, None));
            // While completions are offered, Enter takes one: no error yet.
            let picking = matches!(
                &form.fields[refer::TO].input,
                Input::Who { chosen: None, matches, .. } if !matches.is_empty()
            );
            if form.fields[refer::TO].error.is_none()
                && !picking
                && !matches!(form.name_check, NameCheck::Known(_))
            {
                // A new name is no mistake: saving adds them to the
                // directory first, and the form says so rather than
                // marking the field wrong.
                if new_referral_name(form).is_some() {
                    form.notice = Some(w.tr(text::refer::NEW_OFFICER, None));
                } else {
                    form.fields[refer::TO].error = Some(w.tr(text::refer::NOT_OFFICIAL, None));
                }
            }
        }
        FormKind::Reply(_) => {
            match crate::dates::parse_datetime(form.fields[reply::WHEN].input.text(), now).and_then(
                |at| {
                    crate::domain::rules::check_not_future(
                        at,
                        now,
                        crate::domain::rules::Happened::Reply,
                    )
                },
            ) {
                Ok(()) => {}
                Err(e) => form.fields[reply::WHEN].error = Some(e.message(w)),
            }
            need(form, reply::TEXT, &w.tr(text::reply::NEED_TEXT, None));
        }
        FormKind::StartSurgery => need(form, 0, &w.tr(text::surgery::NEED_VENUE, None)),
        FormKind::EditEntry { was, .. } => super::record_forms::validate_entry(w, form, now, *was),
        FormKind::CloseCase(_) => super::record_forms::validate_closing(w, form, today),
        FormKind::Directory { .. } => super::record_forms::validate_directory(w, form),
        FormKind::TakeMail(_) => need(form, 0, &w.tr(text::mail::NEED_PATH, None)),
        FormKind::Draft(_) => {}
        FormKind::ReviewRange => {
            date_field(w, form, range::FROM, today);
            date_field(w, form, range::TO, today);
            if let (Ok(from), Ok(to)) = (
                crate::dates::parse_date(form.fields[range::FROM].input.text(), today),
                crate::dates::parse_date(form.fields[range::TO].input.text(), today),
            ) && to < from
            {
                form.fields[range::TO].error = Some(w.tr(text::review::TO_BEFORE_FROM, None));
            }
        }
    }
}

/// A date that must be given.
fn date_field(w: &crate::i18n::Catalogue, form: &mut Form, i: usize, today: NaiveDate) {
    if let Err(e) = crate::dates::parse_date(form.fields[i].input.text(), today) {
        form.fields[i].error = Some(e.message(w));
    }
}

/// A name typed in the referral form that is nobody in the directory yet:
/// saving offers to add them rather than refusing (as looked up).
pub fn new_referral_name(form: &Form) -> Option<String> {
    match &form.name_check {
        NameCheck::New(name) => Some(name.clone()),
        _ => None,
    }
}

/// The typed "to whom" name when it is nobody at all yet (asked only when
/// it is no referral target).
fn unknown_name(form: &Form, store: &Store) -> Option<String> {
    let Input::Who { field, chosen, .. } = &form.fields[refer::TO].input else {
        return None;
    };
    let typed = field.text().trim();
    if typed.is_empty() {
        return None;
    }
    // Someone already in the contacts who is no officer (a constituent) is
    // refused beside the field, not made an officer by a second record.
    let known = store
        .contacts_named(typed)
        .map(|v| !v.is_empty())
        .unwrap_or(true);
    (chosen.is_none() && !known).then(|| typed.to_string())
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
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
) -> Result<LogOutcome> {
    let who = who_of(form, quick::WHO)
        .ok_or_else(|| Error::invalid(w.tr(text::quick_log::NEED_WHO, None)))?;
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
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
    case: Id<Case>,
    confirmed_without_consent: bool,
) -> Result<ReferOutcome> {
    let to = referral_target(form, store)
        .ok_or_else(|| Error::invalid(w.tr(text::refer::NEED_TO, None)))?;
    let reply_days: u32 = form.fields[refer::DAYS]
        .input
        .text()
        .parse()
        .map_err(|_| Error::invalid(w.tr(text::refer::NEED_TO, None)))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a moment")
    }

    /// The referral form with `name` typed as whom it goes to and what the
    /// store was found to say about it; checked without any store.
    fn checked(name: &str, check: NameCheck) -> Form {
        let w = crate::i18n::Catalogue::shared(crate::i18n::Lang::En);
        let mut form = refer(w, at().date(), 10, false);
        if let Input::Who { field, .. } = &mut form.fields[refer::TO].input {
            field.set_text(name);
        }
        form.name_check = check;
        validate(w, &FormKind::Refer(Id::new(1)), &mut form, at());
        form
    }

    #[test]
    fn the_referral_checks_are_pure_and_follow_what_was_looked_up() {
        let known = checked("Rhian Hughes", NameCheck::Known(Id::new(7)));
        assert_eq!(known.fields[refer::TO].error, None);
        assert_eq!(known.notice, None);

        let new = checked("Mari Jones", NameCheck::New("Mari Jones".into()));
        assert_eq!(
            new.fields[refer::TO].error,
            None,
            "a new name is no mistake"
        );
        assert_eq!(
            new.notice.as_deref(),
            Some(
                crate::i18n::Catalogue::shared(crate::i18n::Lang::En)
                    .tr(text::refer::NEW_OFFICER, None)
                    .as_str()
            )
        );
        assert_eq!(new_referral_name(&new).as_deref(), Some("Mari Jones"));

        let refused = checked("Siân Davies", NameCheck::Refused);
        assert_eq!(
            refused.fields[refer::TO].error.as_deref(),
            Some(
                crate::i18n::Catalogue::shared(crate::i18n::Lang::En)
                    .tr(text::refer::NOT_OFFICIAL, None)
                    .as_str()
            )
        );
        assert_eq!(new_referral_name(&refused), None);

        let empty = checked("", NameCheck::Refused);
        assert_eq!(
            empty.fields[refer::TO].error.as_deref(),
            Some(
                crate::i18n::Catalogue::shared(crate::i18n::Lang::En)
                    .tr(text::refer::NEED_TO, None)
                    .as_str()
            )
        );
    }
}
