//! Forms that keep the record right after the fact: a diary entry corrected
//! or filed on a case, and a case closed with its outcome. Each field is
//! named by a typed enum, not a bare index; what a field must hold is
//! checked by the domain's rules, and the store is asked only on save.

use chrono::NaiveDateTime;

use super::form::{Field, Form, Input, Opt, Pick, field_names};
use super::problems::{mark, refused};
use super::record::{choice_of, options, yes_no};
use super::text;
use super::textfield::TextField;
use crate::Result;
use crate::domain::forms::{self as checks, Problem};
use crate::domain::rules::check_not_future;
use crate::domain::{Case, Contact, ContactKind, Entry, EntryKind, Id, Outcome, Record};
use crate::store::{CaseClosing, EntryChanges, Store};

field_names! {
    /// The fields of the entry form, in the order shown.
    pub enum EntryField { Text, Kind, When, Confidential, Case }
}

field_names! {
    /// The fields of the closing form, in the order shown.
    pub enum CloseField { Outcome, Note, Satisfaction, Comment, FollowUps }
}

/// How moments are typed and shown in the entry form.
const WHEN_FORMAT: &str = "%Y-%m-%d %H:%M";

/// The entry form, filled in with the entry as it is. `case` is the case
/// it is filed on now (offered even if closed).
pub fn edit_entry(
    w: &crate::i18n::Catalogue,
    e: &Record<Entry>,
    case: Option<(String, String)>,
) -> Form {
    use text::entry as t;
    let kinds = options(w, EntryKind::ALL);
    let kind_at = EntryKind::ALL
        .iter()
        .position(|k| *k == e.kind)
        .unwrap_or(0);
    let mut pick = Pick::new(&w.tr(text::quick_log::UNFILED, None));
    if let Some((reference, title)) = case {
        let opt = (reference.clone(), text::case_choice(w, &reference, &title));
        pick.options.push(opt.clone());
        pick.selected = 1;
        pick.always = Some(opt);
    }
    use EntryField as F;
    let mut form = Form::build(
        t::TITLE,
        vec![
            (
                F::Text,
                // A referral's entry in the reader's words (English reads as
                // stored, so an English edit leaves it as it was).
                Field::text(
                    t::TEXT,
                    TextField::multiline().with_text(&w.entry_text(&e.text)),
                ),
            ),
            (F::Kind, Field::choice(t::KIND, kinds, kind_at)),
            (
                F::When,
                Field::text(
                    t::WHEN,
                    TextField::new().with_text(&e.at.format(WHEN_FORMAT).to_string()),
                ),
            ),
            (
                F::Confidential,
                Field::choice(t::CONFIDENTIAL, yes_no(w), usize::from(e.confidential)),
            ),
            (F::Case, Field::pick(t::CASE, pick).optional()),
        ],
    );
    // An unfiled entry is opened to be filed: start on the case.
    if e.case.is_none() {
        form.focus_on(F::Case);
    }
    form
}

/// What the entry form says, read and checked by the domain: text present,
/// the moment read and not in the future, a case that fits. A problem names
/// the field it belongs beside; the screen words it.
///
/// `was` is the entry's time before: when the time field still shows it, the
/// time is kept to the second (the field shows minutes only).
pub fn read_entry(
    form: &Form,
    now: NaiveDateTime,
    was: NaiveDateTime,
) -> std::result::Result<EntryChanges, (EntryField, Problem)> {
    use EntryField as F;
    let get = |f: EntryField| form.text(f);
    let text = get(F::Text).trim_end().to_string();
    if let Some(p) = checks::required(&text) {
        return Err((F::Text, p));
    }
    let typed = get(F::When).trim();
    let at = if typed == was.format(WHEN_FORMAT).to_string() {
        was
    } else {
        crate::dates::parse_datetime(typed, now).map_err(|e| (F::When, Problem::Invalid(e)))?
    };
    check_not_future(at, now, crate::domain::rules::Happened::Entry)
        .map_err(|e| (F::When, Problem::Invalid(e)))?;
    let kind: EntryKind = choice_of(form, F::Kind).map_err(|p| (F::Kind, p))?;
    let confidential: bool = choice_of(form, F::Confidential).map_err(|p| (F::Confidential, p))?;
    let case = match form.input(F::Case) {
        Some(Input::Pick(p)) => match p.value() {
            Some("") => None,
            Some(r) => Some(r.to_string()),
            None => return Err((F::Case, Problem::NoneFits)),
        },
        _ => None,
    };
    Ok(EntryChanges {
        text,
        kind,
        at,
        confidential,
        case,
    })
}

/// What the entry form says when a field is left empty.
fn entry_missing(f: EntryField) -> &'static str {
    match f {
        EntryField::Text => text::entry::NEED_TEXT,
        _ => "",
    }
}

pub fn validate_entry(
    w: &crate::i18n::Catalogue,
    form: &mut Form,
    now: NaiveDateTime,
    was: NaiveDateTime,
) {
    form.clear_errors();
    if let Err((field, problem)) = read_entry(form, now, was) {
        mark(w, form, field, Some(problem), entry_missing(field));
    }
}

pub fn save_entry(
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    now: NaiveDateTime,
    id: Id<Entry>,
) -> Result<Option<String>> {
    let was = store.entry(id)?.at;
    let changes = read_entry(form, now, was).map_err(|(f, p)| refused(w, p, entry_missing(f)))?;
    let case = changes.case.clone();
    store.update_entry(id, &changes)?;
    Ok(case)
}

/// The closing form: outcome, a note on how it ended, the constituent's
/// satisfaction and comment if known, and whether to close the case's
/// open follow-ups (asked only when it has some).
pub fn close_case(w: &crate::i18n::Catalogue, open_follow_ups: usize) -> Form {
    use CloseField as F;
    use text::closing as t;
    let satisfaction = std::iter::once(Opt::new(None::<u8>, "", w.tr(t::NOT_KNOWN, None)))
        .chain((1..=5u8).map(|n| Opt::new(Some(n), n.to_string(), t::score(w, n))))
        .collect();
    let mut follow_ups = Field::choice(t::FOLLOW_UPS, yes_no(w), 1);
    follow_ups.hidden = open_follow_ups == 0;
    Form::build(
        t::TITLE,
        vec![
            (
                F::Outcome,
                Field::choice(t::OUTCOME, options(w, Outcome::ALL), 0),
            ),
            (
                F::Note,
                Field::text(t::NOTE, TextField::multiline()).optional(),
            ),
            (
                F::Satisfaction,
                Field::choice(t::SATISFACTION, satisfaction, 0).optional(),
            ),
            (
                F::Comment,
                Field::text(t::COMMENT, TextField::multiline()).optional(),
            ),
            (F::FollowUps, follow_ups),
        ],
    )
}

/// What the closing form says, read and checked.
pub fn read_closing(
    form: &Form,
    on: chrono::NaiveDate,
) -> std::result::Result<CaseClosing, (CloseField, Problem)> {
    use CloseField as F;
    let outcome: Outcome = choice_of(form, F::Outcome).map_err(|p| (F::Outcome, p))?;
    let satisfaction: Option<u8> =
        choice_of(form, F::Satisfaction).map_err(|p| (F::Satisfaction, p))?;
    let asked = form.field(F::FollowUps).is_some_and(|f| !f.hidden);
    let close_follow_ups =
        asked && choice_of::<bool, _>(form, F::FollowUps).map_err(|p| (F::FollowUps, p))?;
    Ok(CaseClosing {
        outcome,
        on,
        note: form.opt_text(F::Note),
        satisfaction,
        feedback: form.opt_text(F::Comment),
        close_follow_ups,
    })
}

pub fn validate_closing(w: &crate::i18n::Catalogue, form: &mut Form, on: chrono::NaiveDate) {
    form.clear_errors();
    if let Err((field, problem)) = read_closing(form, on) {
        mark(w, form, field, Some(problem), "");
    }
}

/// Closes the case; returns the outcome's label and how many follow-ups
/// were closed with it.
pub fn save_closing(
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    on: chrono::NaiveDate,
    case: Id<Case>,
) -> Result<(Outcome, usize)> {
    let closing = read_closing(form, on).map_err(|(_, p)| refused(w, p, ""))?;
    let closed = store.close_case_with(case, &closing)?;
    Ok((closing.outcome, closed))
}

field_names! {
    /// The fields of the directory form (an officer or agency), in order.
    pub enum DirField { Name, Kind, Organisation, Department, Role, Handles, Phone, Email }
}

/// The kinds of contact the directory lists.
const DIRECTORY_KINDS: [ContactKind; 4] = [
    ContactKind::Officer,
    ContactKind::Agency,
    ContactKind::Organisation,
    ContactKind::Councillor,
];

/// The directory form: a new officer (named as typed) or one corrected.
pub fn directory(
    w: &crate::i18n::Catalogue,
    name: &str,
    existing: Option<(&Contact, &str)>,
) -> Form {
    use text::directory_form as t;
    let kinds = options(w, &DIRECTORY_KINDS);
    let (c, handles) = match existing {
        Some((c, h)) => (c.clone(), h.to_string()),
        None => (Contact::named(name), String::new()),
    };
    let kind_at = DIRECTORY_KINDS
        .iter()
        .position(|k| *k == c.kind())
        .unwrap_or(0);
    let text = |label, v: &Option<String>| {
        Field::text(
            label,
            TextField::new().with_text(v.as_deref().unwrap_or("")),
        )
        .optional()
    };
    use DirField as F;
    let mut form = Form::build(
        if existing.is_some() { t::EDIT } else { t::NEW },
        vec![
            (
                F::Name,
                Field::text(t::NAME, TextField::new().with_text(&c.name)),
            ),
            (F::Kind, Field::choice(t::KIND, kinds, kind_at)),
            (F::Organisation, text(t::ORGANISATION, &c.organisation)),
            (F::Department, text(t::DEPARTMENT, &c.department)),
            (F::Role, text(t::ROLE, &c.role)),
            (
                F::Handles,
                Field::text(t::HANDLES, TextField::new().with_text(&handles)).optional(),
            ),
            (F::Phone, text(t::PHONE, &c.phone)),
            (F::Email, text(t::EMAIL, &c.email)),
        ],
    );
    // A new name typed elsewhere (the referral form): on to the rest.
    if existing.is_none() && !name.trim().is_empty() {
        form.focus_on(F::Organisation);
        form.notice = Some(w.tr(t::NOT_LISTED, None));
    }
    form
}

/// An officer or agency as the directory form gives it, checked by the
/// domain (a name; an email that looks like one). `base` is the contact
/// being corrected, whose other fields are kept.
pub fn read_directory(
    form: &Form,
    base: Option<&Contact>,
) -> std::result::Result<(Contact, String), (DirField, Problem)> {
    use DirField as F;
    let get = |f: DirField| form.text(f).trim();
    let opt = |f: DirField| (!get(f).is_empty()).then(|| get(f).to_string());
    let mut c = base.cloned().unwrap_or_default();
    c.name = get(F::Name).to_string();
    if let Some(p) = checks::required(&c.name) {
        return Err((F::Name, p));
    }
    c.kind = Some(choice_of(form, F::Kind).map_err(|p| (F::Kind, p))?);
    c.organisation = opt(F::Organisation);
    c.department = opt(F::Department);
    c.role = opt(F::Role);
    c.phone = opt(F::Phone);
    c.email = opt(F::Email);
    c.validate().map_err(|e| (F::Email, Problem::Invalid(e)))?;
    Ok((c, get(F::Handles).to_string()))
}

/// What the directory form says when a field is left empty.
fn directory_missing(f: DirField) -> &'static str {
    match f {
        DirField::Name => text::directory_form::NEED_NAME,
        _ => "",
    }
}

pub fn validate_directory(w: &crate::i18n::Catalogue, form: &mut Form) {
    form.clear_errors();
    if let Err((field, problem)) = read_directory(form, None) {
        mark(w, form, field, Some(problem), directory_missing(field));
    }
}

/// Saves the officer or agency; returns them.
pub fn save_directory(
    w: &crate::i18n::Catalogue,
    form: &Form,
    store: &mut Store,
    id: Option<Id<Contact>>,
) -> Result<Record<Contact>> {
    let base = id.map(|id| store.contact(id)).transpose()?;
    let (c, handles) = read_directory(form, base.as_ref().map(|r| &r.data))
        .map_err(|(f, p)| refused(w, p, directory_missing(f)))?;
    let categories = match id {
        Some(id) => store
            .directory_entry_of(id)?
            .map(|d| d.data.categories)
            .unwrap_or_default(),
        None => Vec::new(),
    };
    store.save_directory_contact(id, &c, &handles, &categories)
}
