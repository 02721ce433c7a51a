//! The forms of the app: the quick call log, intake of a new case, a
//! follow-up. Each has its fields, its checks (run on every edit) and its
//! save.

use chrono::NaiveDate;

use super::form::{Field, FieldName, Form, Input, Match, NameCheck, Opt, Pick, field_names};
use super::problems::mark;
use super::text;
use super::textfield::TextField;
use crate::dates::parse_optional_date;
use crate::domain::forms as checks;
use crate::domain::workdays::add_working_days;
use crate::domain::{Case, Contact, EntryKind, FollowUp, Id, Instruction, Referral};
use crate::store::{LogOutcome, LogRequest, NewReferral, ReferOutcome, Store};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    QuickLog,
    Intake,
    /// A new case opened from an unfiled diary entry, filed on it on save.
    IntakeFrom(Id<crate::domain::Entry>),
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

field_names! {
    /// The quick call log's fields.
    pub enum QuickField { Who, Text, Kind, Case, FollowUp, Confidential }
}

field_names! {
    /// A follow-up's fields.
    pub enum FollowField { Due, What }
}

field_names! {
    /// The one field of the reschedule form.
    pub enum RescheduleField { On }
}

field_names! {
    /// The referral form's fields.
    pub enum ReferField { To, Instruction, CouncilRef, Copied, Days, Note }
}

field_names! {
    /// The reply to a referral.
    pub enum ReplyField { When, Text }
}

field_names! {
    /// The review's from–to range.
    pub enum RangeField { From, To }
}

field_names! {
    /// The one field of the form that starts a surgery.
    pub enum SurgeryField { Venue }
}

field_names! {
    /// The one field of the form that takes a mail file in.
    pub enum MailField { Path }
}

field_names! {
    /// The draft form's fields.
    pub enum DraftField { Template, Format, To }
}

use crate::domain::rules::REPLY_DAYS;

use super::record::{options, yes_no};

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
    use QuickField as F;
    let mut form = Form::build(
        if case.is_some() && kind != EntryKind::CallIn {
            text::quick_log::TITLE_ENTRY
        } else {
            t
        },
        vec![
            (F::Who, who_field),
            (
                F::Text,
                Field::text(text::quick_log::TEXT, TextField::multiline()),
            ),
            (
                F::Kind,
                Field::choice(text::quick_log::KIND, kinds, kind_at).optional(),
            ),
            (
                F::Case,
                Field::pick(text::quick_log::CASE, case_pick(w, case)).optional(),
            ),
            (
                F::FollowUp,
                Field::text(text::quick_log::FOLLOW_UP, TextField::new()).optional(),
            ),
            (
                F::Confidential,
                Field::choice(text::quick_log::CONFIDENTIAL, yes_no(w), 0).optional(),
            ),
        ],
    );
    if case.is_some() {
        form.focus_on(F::Text);
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
    let (person, pick) = match kind {
        FormKind::QuickLog => {
            let person = match form.input(QuickField::Who) {
                Some(Input::Who {
                    chosen: Some(m), ..
                }) => Some(m.id),
                _ => None,
            };
            (person, form.field_mut(QuickField::Case))
        }
        FormKind::EditEntry { contact, .. } => (
            *contact,
            form.field_mut(super::record_forms::EntryField::Case),
        ),
        _ => return Ok(()),
    };
    if let Some(Field {
        input: Input::Pick(p),
        ..
    }) = pick
    {
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
    Form::build(
        text::follow_up::TITLE,
        vec![
            (
                FollowField::Due,
                Field::text(text::follow_up::DUE, TextField::new()),
            ),
            (
                FollowField::What,
                Field::text(text::follow_up::WHAT, TextField::multiline()),
            ),
        ],
    )
}

pub fn reschedule() -> Form {
    Form::build(
        text::agenda::RESCHEDULE,
        vec![(
            RescheduleField::On,
            Field::text(text::agenda::NEW_DATE, TextField::new()),
        )],
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
    let days: Vec<Opt> = REPLY_DAYS
        .map(|n| {
            let due = crate::ui::when::admy(w, add_working_days(today, n));
            Opt::new(n, n.to_string(), t::days(w, n, &due))
        })
        .collect();
    let default_at =
        (default_days.clamp(*REPLY_DAYS.start(), *REPLY_DAYS.end()) - REPLY_DAYS.start()) as usize;
    use ReferField as F;
    Form::build(
        t::TITLE,
        vec![
            (F::To, Field::who(t::TO)),
            (
                F::Instruction,
                Field::choice(t::INSTRUCTION, options(w, Instruction::ALL), 0),
            ),
            (
                F::CouncilRef,
                Field::text(t::COUNCIL_REF, TextField::new()).optional(),
            ),
            (
                F::Copied,
                Field::choice(t::COPIED, yes_no(w), usize::from(copied)),
            ),
            (F::Days, Field::choice(t::DAYS, days, default_at)),
            (
                F::Note,
                Field::text(t::NOTE, TextField::multiline()).optional(),
            ),
        ],
    )
}

pub fn take_mail() -> Form {
    Form::build(
        text::mail::TITLE,
        vec![(
            MailField::Path,
            Field::text(text::mail::PATH, TextField::new()),
        )],
    )
}

pub fn draft(w: &crate::i18n::Catalogue, templates: &crate::letters::Templates) -> Form {
    use crate::letters::compose::Form as Format;
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
            Opt::text(n, label)
        })
        .collect();
    Form::build(
        t::TITLE,
        vec![
            (DraftField::Template, Field::choice(t::TEMPLATE, names, 0)),
            (
                DraftField::Format,
                Field::choice(
                    t::FORMAT,
                    vec![
                        Opt::new(Format::Eml, "eml", w.tr(t::EMAIL, None)),
                        Opt::new(Format::Html, "html", w.tr(t::LETTER, None)),
                    ],
                    0,
                ),
            ),
            (
                DraftField::To,
                Field::text(t::TO, TextField::new()).optional(),
            ),
        ],
    )
}

/// The reply form; its date starts as the reader's word for today (typed
/// text, so the catalogue's word without the pseudo-locale's marks: the
/// date reader takes it in either language).
pub fn reply(w: &crate::i18n::Catalogue) -> Form {
    Form::build(
        text::reply::TITLE,
        vec![
            (
                ReplyField::When,
                Field::text(
                    text::reply::WHEN,
                    TextField::new().with_text(&w.tr_bare(text::TODAY_TYPED)),
                ),
            ),
            (
                ReplyField::Text,
                Field::text(text::reply::TEXT, TextField::multiline()),
            ),
        ],
    )
}

pub fn start_surgery() -> Form {
    Form::build(
        text::surgery::START,
        vec![(
            SurgeryField::Venue,
            Field::text(text::surgery::VENUE, TextField::new()),
        )],
    )
}

pub fn review_range(from: NaiveDate, to: NaiveDate) -> Form {
    Form::build(
        text::review::RANGE_TITLE,
        vec![
            (
                RangeField::From,
                Field::text(
                    text::review::FROM,
                    TextField::new().with_text(&crate::dates::iso(from)),
                ),
            ),
            (
                RangeField::To,
                Field::text(
                    text::review::TO,
                    TextField::new().with_text(&crate::dates::iso(to)),
                ),
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
    if !matches!(kind, FormKind::Refer(_)) || form.focused_name() != Some(ReferField::To) {
        return Ok(());
    }
    if let Some(Field {
        input:
            Input::Who {
                field,
                chosen: None,
                matches,
                selected,
            },
        ..
    }) = form.field_mut(ReferField::To)
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

/// Marks the named field when nothing is in it.
fn need<F: FieldName>(w: &crate::i18n::Catalogue, form: &mut Form, f: F, missing: &str) {
    let problem = checks::required(form.text(f));
    mark(w, form, f, problem, missing);
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

/// Re-checks every field with the domain's checks (pure: what the store
/// knows was looked up before); each problem is worded beside its field.
pub fn validate(
    w: &crate::i18n::Catalogue,
    kind: &FormKind,
    form: &mut Form,
    now: chrono::NaiveDateTime,
) {
    let today = now.date();
    form.clear_errors();
    match kind {
        FormKind::QuickLog => {
            use QuickField as F;
            need(w, form, F::Who, text::quick_log::NEED_WHO);
            need(w, form, F::Text, text::quick_log::NEED_TEXT);
            let holds_one =
                !matches!(form.input(F::Case), Some(Input::Pick(p)) if p.value().is_none());
            mark(w, form, F::Case, checks::fits(holds_one), "");
            let follow_up = checks::read(parse_optional_date(form.text(F::FollowUp), today));
            mark(w, form, F::FollowUp, follow_up, "");
        }
        FormKind::Intake | FormKind::IntakeFrom(_) => {
            super::record::intake::validate(w, form, today)
        }
        FormKind::EditContact(_) => super::record::contact::validate(w, form),
        FormKind::EditCase { opened, .. } => super::record::case::validate(w, form, *opened, today),
        FormKind::AddPerson(_) => need(
            w,
            form,
            super::record::people::AddField::Who,
            super::record::text::people::NEED_WHO,
        ),
        FormKind::FollowUp { .. } => {
            use FollowField as F;
            // The date must be given: blank gets the date parser's own words.
            let due = match parse_optional_date(form.text(F::Due), today) {
                Ok(Some(d)) => Ok(d),
                Ok(None) => crate::dates::parse_date("", today),
                Err(e) => Err(e),
            };
            mark(w, form, F::Due, checks::read(due), "");
            need(w, form, F::What, text::follow_up::NEED_WHAT);
        }
        FormKind::Reschedule(_) => date_field(w, form, RescheduleField::On, today),
        FormKind::Refer(_) => {
            use ReferField as F;
            let picking = matches!(
                form.input(F::To),
                Some(Input::Who { chosen: None, matches, .. }) if !matches.is_empty()
            );
            let found = match form.name_check {
                NameCheck::Unchecked => checks::Recipient::Unchecked,
                NameCheck::Known(_) => checks::Recipient::Known,
                NameCheck::New(_) => checks::Recipient::New,
                NameCheck::Refused => checks::Recipient::Refused,
            };
            match checks::referral_to(form.text(F::To), picking, found) {
                // A new name: the form says saving adds them to the
                // directory first, rather than marking the field wrong.
                Ok(true) => form.notice = Some(w.tr(text::refer::NEW_OFFICER, None)),
                Ok(false) => {}
                Err(p) => mark(w, form, F::To, Some(p), text::refer::NEED_TO),
            }
        }
        FormKind::Reply(_) => {
            use ReplyField as F;
            let when = crate::dates::parse_datetime(form.text(F::When), now).and_then(|at| {
                crate::domain::rules::check_not_future(
                    at,
                    now,
                    crate::domain::rules::Happened::Reply,
                )
            });
            mark(w, form, F::When, checks::read(when), "");
            need(w, form, F::Text, text::reply::NEED_TEXT);
        }
        FormKind::StartSurgery => need(w, form, SurgeryField::Venue, text::surgery::NEED_VENUE),
        FormKind::EditEntry { was, .. } => super::record_forms::validate_entry(w, form, now, *was),
        FormKind::CloseCase(_) => super::record_forms::validate_closing(w, form, today),
        FormKind::Directory { .. } => super::record_forms::validate_directory(w, form),
        FormKind::TakeMail(_) => need(w, form, MailField::Path, text::mail::NEED_PATH),
        FormKind::Draft(_) => {}
        FormKind::ReviewRange => {
            use RangeField as F;
            date_field(w, form, F::From, today);
            date_field(w, form, F::To, today);
            if let (Ok(from), Ok(to)) = (
                crate::dates::parse_date(form.text(F::From), today),
                crate::dates::parse_date(form.text(F::To), today),
            ) {
                mark(w, form, F::To, checks::range(from, to), "");
            }
        }
    }
}

/// A date that must be given.
fn date_field<F: FieldName>(w: &crate::i18n::Catalogue, form: &mut Form, f: F, today: NaiveDate) {
    let problem = checks::read(crate::dates::parse_date(form.text(f), today));
    mark(w, form, f, problem, "");
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
    let Some(Input::Who { field, chosen, .. }) = form.input(ReferField::To) else {
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
    match form.input(ReferField::To)? {
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

/// The typed value of a choice built of `T`s; `None` only if the form was
/// built otherwise.
fn chosen<T: std::any::Any + Clone, F: FieldName>(
    w: &crate::i18n::Catalogue,
    form: &Form,
    f: F,
) -> Result<T> {
    super::problems::chosen(w, form, f)
}

/// Saves a valid quick log.
pub fn save_quick_log(
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
) -> Result<LogOutcome> {
    use QuickField as F;
    let who = form
        .who(F::Who)
        .ok_or_else(|| Error::user(crate::error::Msg::new(text::quick_log::NEED_WHO)))?;
    let req = LogRequest {
        who,
        case: form.opt_text(F::Case),
        kind: chosen(w, form, F::Kind)?,
        at: now,
        text: form.text(F::Text).trim_end().to_string(),
        follow_up: parse_optional_date(form.text(F::FollowUp), now.date())?,
        confidential: chosen(w, form, F::Confidential)?,
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
    let due_on = crate::dates::parse_date(form.text(FollowField::Due), today)?;
    store.add_follow_up(&FollowUp {
        case: Some(case),
        contact,
        entry: None,
        due_on,
        what: form.text(FollowField::What).trim().to_string(),
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
    let on = crate::dates::parse_date(form.text(RescheduleField::On), today)?;
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
        .ok_or_else(|| Error::user(crate::error::Msg::new(text::refer::NEED_TO)))?;
    use ReferField as F;
    let r = NewReferral {
        case,
        to,
        at: now,
        council_ref: form.opt_text(F::CouncilRef),
        instruction: chosen(w, form, F::Instruction)?,
        note: form.opt_text(F::Note),
        constituent_copied: chosen(w, form, F::Copied)?,
        reply_days: chosen(w, form, F::Days)?,
    };
    store.refer(&r, confirmed_without_consent)
}

pub fn save_reply(
    form: &Form,
    store: &mut Store,
    now: chrono::NaiveDateTime,
    id: Id<Referral>,
) -> Result<crate::store::ReplyOutcome> {
    let at = crate::dates::parse_datetime(form.text(ReplyField::When), now)?;
    store.reply_to_referral(id, at, form.text(ReplyField::Text))
}

/// The period a valid range form gives.
pub fn review_period(form: &Form, today: NaiveDate) -> Result<crate::report::review::Period> {
    let from = crate::dates::parse_date(form.text(RangeField::From), today)?;
    let to = crate::dates::parse_date(form.text(RangeField::To), today)?;
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
        form.set_text(ReferField::To, name);
        form.name_check = check;
        validate(w, &FormKind::Refer(Id::new(1)), &mut form, at());
        form
    }

    #[test]
    fn the_referral_checks_are_pure_and_follow_what_was_looked_up() {
        let known = checked("Rhian Hughes", NameCheck::Known(Id::new(7)));
        assert_eq!(
            known.field(ReferField::To).and_then(|f| f.error.clone()),
            None
        );
        assert_eq!(known.notice, None);

        let new = checked("Mari Jones", NameCheck::New("Mari Jones".into()));
        assert_eq!(
            new.field(ReferField::To).and_then(|f| f.error.clone()),
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
            refused
                .field(ReferField::To)
                .and_then(|f| f.error.as_deref()),
            Some(
                crate::i18n::Catalogue::shared(crate::i18n::Lang::En)
                    .tr(text::refer::NOT_OFFICIAL, None)
                    .as_str()
            )
        );
        assert_eq!(new_referral_name(&refused), None);

        let empty = checked("", NameCheck::Refused);
        assert_eq!(
            empty.field(ReferField::To).and_then(|f| f.error.as_deref()),
            Some(
                crate::i18n::Catalogue::shared(crate::i18n::Lang::En)
                    .tr(text::refer::NEED_TO, None)
                    .as_str()
            )
        );
    }
}
