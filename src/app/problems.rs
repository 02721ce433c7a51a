//! A form's problems in words: the domain says what is wrong with a field
//! ([`Problem`]); the screen words it from the catalogue beside the field,
//! the typed text kept.

use super::form::{FieldName, Form};
use super::text;
use crate::domain::forms::{self as checks, Problem};

/// A field's problem in words, from the catalogue; `missing` is what the
/// field says when left empty ("Who was it?").
pub fn words(w: &crate::i18n::Catalogue, p: Problem, missing: &str) -> String {
    match p {
        Problem::Missing => w.tr(missing, None),
        Problem::NoneFits => w.tr(text::quick_log::NO_CASE_FITS, None),
        Problem::Invalid(e) => e.message(w),
        Problem::EndsBeforeStart => w.tr(text::review::TO_BEFORE_FROM, None),
        Problem::CannotReceive => w.tr(text::refer::NOT_OFFICIAL, None),
        Problem::Unchosen => w.tr(text::form::CHOOSE_ONE, None),
        Problem::InFuture => w.tr(text::form::IN_FUTURE, None),
        Problem::AfterOpened => w.tr(text::form::AFTER_OPENED, None),
        Problem::DatedWithoutAnswer => w.tr(text::form::DATED_WITHOUT_ANSWER, None),
    }
}

/// Shows the named field's problem (if any) beside it.
pub fn mark<F: FieldName>(
    w: &crate::i18n::Catalogue,
    form: &mut Form,
    f: F,
    problem: Option<Problem>,
    missing: &str,
) {
    form.set_error(f, problem.map(|p| words(w, p, missing)));
}

/// A problem as an error for a save refused (the screen shows the same
/// words beside the field as the check runs): the catalogue's message, so
/// it is worded in whatever language the error is shown.
pub fn refused(_w: &crate::i18n::Catalogue, p: Problem, missing: &'static str) -> crate::Error {
    use crate::error::Msg;
    let id = match p {
        Problem::Missing => missing,
        Problem::NoneFits => text::quick_log::NO_CASE_FITS,
        Problem::Invalid(e) => return e,
        Problem::EndsBeforeStart => text::review::TO_BEFORE_FROM,
        Problem::CannotReceive => text::refer::NOT_OFFICIAL,
        Problem::Unchosen => text::form::CHOOSE_ONE,
        Problem::InFuture => text::form::IN_FUTURE,
        Problem::AfterOpened => text::form::AFTER_OPENED,
        Problem::DatedWithoutAnswer => text::form::DATED_WITHOUT_ANSWER,
    };
    crate::Error::user(Msg::new(id))
}

/// A choice's typed value for a save: the problem as an error.
pub fn chosen<T: std::any::Any + Clone, F: FieldName>(
    w: &crate::i18n::Catalogue,
    form: &Form,
    f: F,
) -> crate::Result<T> {
    checks::chosen(form.choice(f)).map_err(|p| refused(w, p, ""))
}
