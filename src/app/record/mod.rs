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

use super::form::{Field, Form, Input};
use crate::domain::{AgeBand, Monitoring, Question, Role};

/// The fields of one form, in screen order.
pub trait FieldName: Copy + PartialEq + std::fmt::Debug + 'static {
    const ORDER: &'static [Self];
}

/// Where a named field sits in its form.
pub fn at<F: FieldName>(f: F) -> usize {
    F::ORDER.iter().position(|x| *x == f).unwrap_or(0)
}

/// The named field.
pub fn field<F: FieldName>(form: &Form, f: F) -> Option<&Field> {
    form.fields.get(at(f))
}

pub fn field_mut<F: FieldName>(form: &mut Form, f: F) -> Option<&mut Field> {
    form.fields.get_mut(at(f))
}

/// The named field's text (a choice's value).
pub fn get<F: FieldName>(form: &Form, f: F) -> &str {
    field(form, f).map_or("", |x| x.input.text())
}

/// The named field's text, trimmed, or `None` when blank.
pub fn opt<F: FieldName>(form: &Form, f: F) -> Option<String> {
    let t = get(form, f).trim();
    (!t.is_empty()).then(|| t.to_string())
}

pub fn set_error<F: FieldName>(form: &mut Form, f: F, error: Option<String>) {
    if let Some(x) = field_mut(form, f) {
        x.error = error;
    }
}

pub fn set_hidden<F: FieldName>(form: &mut Form, f: F, hidden: bool) {
    if let Some(x) = field_mut(form, f) {
        x.hidden = hidden;
    }
}

/// The field with the focus.
pub fn focused<F: FieldName>(form: &Form) -> Option<F> {
    F::ORDER.get(form.focus).copied()
}

/// Moves the focus to a field.
pub fn focus_on<F: FieldName>(form: &mut Form, f: F) {
    form.focus = at(f);
}

/// Builds a form from its fields, checking they come in `ORDER`.
pub fn build<F: FieldName>(title: &'static str, fields: Vec<(F, Field)>) -> Form {
    debug_assert!(
        fields.iter().map(|(f, _)| *f).eq(F::ORDER.iter().copied()),
        "fields out of order"
    );
    Form::new(title, fields.into_iter().map(|(_, x)| x).collect())
}

/// The index of `value` among the options, else 0.
pub fn select(options: &[(String, String)], value: &str) -> usize {
    options.iter().position(|(v, _)| v == value).unwrap_or(0)
}

/// A choice that may be left unset: "not asked" first, value "".
pub fn with_unset(unset: &str, options: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), unset.to_string())];
    out.extend(options);
    out
}

/// A closed list as (value, label) options.
pub fn options<T: crate::domain::ClosedList>(
    w: &crate::i18n::Catalogue,
    all: &[T],
) -> Vec<(String, String)> {
    all.iter()
        .map(|&v| (v.as_str().to_string(), w.label(v)))
        .collect()
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
    let answers = monitoring
        .options(q)
        .iter()
        .map(|(v, l)| (v.clone(), w.answer(q, v).unwrap_or_else(|| l.clone())))
        .collect();
    let mut opts = with_unset(&w.tr(text::NOT_ASKED, None), answers);
    if let Some(h) = held.filter(|h| !opts.iter().any(|(v, _)| v == h)) {
        opts.push((h.to_string(), h.to_string()));
    }
    let at = select(&opts, held.unwrap_or(""));
    Field::choice(label, opts, at).optional()
}

pub fn age_band_choice(
    w: &crate::i18n::Catalogue,
    label: &'static str,
    held: Option<AgeBand>,
) -> Field {
    let opts = with_unset(&w.tr(text::NOT_ASKED, None), options(w, AgeBand::ALL));
    let at = select(&opts, held.map_or("", AgeBand::as_str));
    Field::choice(label, opts, at).optional()
}

pub fn yes_no(w: &crate::i18n::Catalogue) -> Vec<(String, String)> {
    vec![
        ("no".to_string(), w.tr(text::NO, None)),
        ("yes".to_string(), w.tr(text::YES, None)),
    ]
}

/// The roles a person may have on a case, as options.
pub fn roles(w: &crate::i18n::Catalogue) -> Vec<(String, String)> {
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
    match field(form, f).map(|x| &x.input) {
        Some(Input::Who {
            chosen: Some(m), ..
        }) => Some(crate::store::Who::Known(m.id)),
        Some(Input::Who { field, .. }) if !field.is_empty() => {
            Some(crate::store::Who::Named(field.text().trim().to_string()))
        }
        _ => None,
    }
}

/// True when a Who field holds a typed name that will make a new contact:
/// nothing picked, and no completion highlighted to be taken.
pub fn typed_new<F: FieldName>(form: &Form, f: F) -> bool {
    matches!(
        field(form, f).map(|x| &x.input),
        Some(Input::Who { field, chosen: None, matches, selected })
            if !field.is_empty() && *selected >= matches.len()
    )
}

/// Keeps the focus off hidden fields: when the field in focus was just
/// hidden, the next shown one takes it.
pub fn keep_focus_visible(form: &mut Form) {
    let n = form.fields.len();
    if form.fields.get(form.focus).is_some_and(|f| !f.hidden) {
        return;
    }
    if let Some(i) = (1..=n)
        .map(|k| (form.focus + k) % n)
        .find(|&i| !form.fields[i].hidden)
    {
        form.focus = i;
    }
}
