//! Keeping the record from the screens: the contact card, the case's own
//! fields, intake with the person, and the people on a case.
//!
//! Each form names its fields by an enum (its focus enum): the order of
//! `ORDER` is the order on screen, and every read, check and error goes
//! through the name, never a position. The checks are the domain's
//! ([`crate::domain::person`], [`crate::domain::Case::validate`]); the store
//! is asked only on save.

pub mod case;
pub mod contact;
pub mod intake;
pub mod people;
pub mod text;

use chrono::NaiveDate;

pub use super::form::FieldName;
use super::form::{Field, Form, Input, Opt};
use crate::domain::{AgeBand, ClosedList, Monitoring, Question, Role};

/// The named field.
pub fn field<F: FieldName>(form: &Form, f: F) -> Option<&Field> {
    form.field(f)
}

/// The named field's text (a choice's key).
pub fn get<F: FieldName>(form: &Form, f: F) -> &str {
    form.text(f)
}

/// The named field's text, trimmed, or `None` when blank.
pub fn opt<F: FieldName>(form: &Form, f: F) -> Option<String> {
    form.opt_text(f)
}

pub fn set_error<F: FieldName>(form: &mut Form, f: F, error: Option<String>) {
    form.set_error(f, error);
}

pub fn set_hidden<F: FieldName>(form: &mut Form, f: F, hidden: bool) {
    form.set_hidden(f, hidden);
}

/// The field with the focus.
pub fn focused<F: FieldName>(form: &Form) -> Option<F> {
    form.focused_name()
}

/// Moves the focus to a field.
pub fn focus_on<F: FieldName>(form: &mut Form, f: F) {
    form.focus_on(f);
}

/// Builds a form from its fields, which come in `ORDER`.
pub fn build<F: FieldName>(title: &'static str, fields: Vec<(F, Field)>) -> Form {
    Form::build(title, fields)
}

/// The typed value of a choice every option of which is a `T` (the kind,
/// the channel): `None` only if the form was built otherwise.
pub fn chosen<T: std::any::Any + Clone, F: FieldName>(
    w: &crate::i18n::Catalogue,
    form: &Form,
    f: F,
) -> crate::Result<T> {
    form.choice(f)
        .ok_or_else(|| crate::Error::invalid(w.tr(crate::app::text::form::CHOOSE_ONE, None)))
}

/// The index of the option whose key is `key`, else 0.
pub fn select(options: &[Opt], key: &str) -> usize {
    options.iter().position(|o| o.key == key).unwrap_or(0)
}

/// A choice that may be left unset: "not asked" first (key "", value
/// `None`), then the closed list's values as `Some`.
pub fn unset_or<T: ClosedList + Send + Sync>(
    w: &crate::i18n::Catalogue,
    unset: &str,
    all: &[T],
) -> Vec<Opt> {
    std::iter::once(Opt::new(None::<T>, "", w.tr(unset, None)))
        .chain(
            all.iter()
                .map(|&v| Opt::new(Some(v), v.as_str(), w.label(v))),
        )
        .collect()
}

/// A closed list as options.
pub fn options<T: ClosedList + Send + Sync>(w: &crate::i18n::Catalogue, all: &[T]) -> Vec<Opt> {
    all.iter().map(|&v| Opt::of(w, v)).collect()
}

/// A monitoring question as a pick-list: "not asked", the canonical
/// answers, and the value held when it is on no list (kept, not lost).
pub fn monitoring_choice(
    w: &crate::i18n::Catalogue,
    label: &'static str,
    monitoring: &Monitoring,
    q: Question,
    held: Option<&str>,
) -> Field {
    // The answers are the config's own words, kept as text.
    let mut opts: Vec<Opt> = std::iter::once(Opt::text("", w.tr(text::NOT_ASKED, None)))
        .chain(
            monitoring
                .options(q)
                .iter()
                .map(|(v, l)| Opt::text(v.clone(), w.answer(q, v).unwrap_or_else(|| l.clone()))),
        )
        .collect();
    if let Some(h) = held.filter(|h| !opts.iter().any(|o| o.key == *h)) {
        opts.push(Opt::text(h, h));
    }
    let at = select(&opts, held.unwrap_or(""));
    Field::choice(label, opts, at).optional()
}

pub fn age_band_choice(
    w: &crate::i18n::Catalogue,
    label: &'static str,
    held: Option<AgeBand>,
) -> Field {
    let opts = unset_or(w, text::NOT_ASKED, AgeBand::ALL);
    let at = select(&opts, held.map_or("", AgeBand::as_str));
    Field::choice(label, opts, at).optional()
}

/// No and yes, as `false` and `true`.
pub fn yes_no(w: &crate::i18n::Catalogue) -> Vec<Opt> {
    vec![
        Opt::new(false, "no", w.tr(text::NO, None)),
        Opt::new(true, "yes", w.tr(text::YES, None)),
    ]
}

/// The roles a person may have on a case, as options.
pub fn roles(w: &crate::i18n::Catalogue) -> Vec<Opt> {
    options(w, Role::ALL)
}

/// A date field: blank is `None`; a date after `today` is refused.
pub fn check_date(
    w: &crate::i18n::Catalogue,
    typed: &str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, String> {
    match crate::dates::parse_optional_date(typed, today) {
        Ok(Some(d)) if d > today => Err(w.tr(text::case::IN_FUTURE, None)),
        Ok(d) => Ok(d),
        Err(e) => Err(e.to_string()),
    }
}

/// The value of a Who field: the contact picked, or the name typed.
pub fn who<F: FieldName>(form: &Form, f: F) -> Option<crate::store::Who> {
    form.who(f)
}

/// True when a Who field holds a typed name that will make a new contact:
/// nothing picked, and no completion highlighted to be taken.
pub fn typed_new<F: FieldName>(form: &Form, f: F) -> bool {
    matches!(
        form.input(f),
        Some(Input::Who { field, chosen: None, matches, selected })
            if !field.is_empty() && *selected >= matches.len()
    )
}

/// Keeps the focus off hidden fields: when the field in focus was just
/// hidden, the next shown one takes it.
pub fn keep_focus_visible(form: &mut Form) {
    form.keep_focus_visible();
}
