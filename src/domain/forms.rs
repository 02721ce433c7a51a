//! The checks of the app's forms, pure and typed: what was typed comes in
//! (dates already read by `crate::dates`, what the store knows already
//! looked up), a [`Problem`] per field goes out. The screen words each one
//! from the catalogue beside its field and keeps what was typed; nothing
//! here knows a place on screen or a word of any language.

use chrono::NaiveDate;

use crate::Error;

/// Why a field is refused.
#[derive(Debug)]
pub enum Problem {
    /// Nothing where something must be.
    Missing,
    /// What was typed in a picker fits none of its options.
    NoneFits,
    /// A date or moment that was not read, or is not allowed: the reader's
    /// own typed error.
    Invalid(Error),
    /// The end of a range before its start.
    EndsBeforeStart,
    /// Someone who cannot receive a referral (a constituent).
    CannotReceive,
    /// A choice holding none of its options (a form built wrongly, not a
    /// slip of the user's; still worded, never a panic).
    Unchosen,
    /// A date after today where only one already past fits.
    InFuture,
    /// A case's first contact dated after the case was opened.
    AfterOpened,
    /// A date given to an answer not given (consent dated, not answered).
    DatedWithoutAnswer,
}

/// Something must be typed.
pub fn required(typed: &str) -> Option<Problem> {
    typed.trim().is_empty().then_some(Problem::Missing)
}

/// A picker must hold one of its options.
pub fn fits(holds_one: bool) -> Option<Problem> {
    (!holds_one).then_some(Problem::NoneFits)
}

/// A value as it was read: refused with the reader's error.
pub fn read<T>(read: Result<T, Error>) -> Option<Problem> {
    read.err().map(Problem::Invalid)
}

/// A choice's typed value, or [`Problem::Unchosen`].
pub fn chosen<T>(value: Option<T>) -> Result<T, Problem> {
    value.ok_or(Problem::Unchosen)
}

/// A date that may be left blank, as read: refused when unread or after
/// `today`.
pub fn past_or_blank(
    read: Result<Option<NaiveDate>, Error>,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, Problem> {
    match read {
        Ok(Some(d)) if d > today => Err(Problem::InFuture),
        Ok(d) => Ok(d),
        Err(e) => Err(Problem::Invalid(e)),
    }
}

/// A case's first contact cannot come after the day it was opened.
pub fn first_contact(on: Option<NaiveDate>, opened: NaiveDate) -> Option<Problem> {
    on.is_some_and(|d| d > opened)
        .then_some(Problem::AfterOpened)
}

/// A date belongs to an answer: none may be dated while unanswered.
pub fn dated_answer(answered: bool, on: Option<NaiveDate>) -> Option<Problem> {
    (!answered && on.is_some()).then_some(Problem::DatedWithoutAnswer)
}

/// A from–to range, both read: the end may not come before the start.
pub fn range(from: NaiveDate, to: NaiveDate) -> Option<Problem> {
    (to < from).then_some(Problem::EndsBeforeStart)
}

/// What the store said about the name typed as a referral's recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    /// Not asked yet.
    Unchecked,
    /// An officer, agency or anyone in the directory.
    Known,
    /// Nobody of that name yet.
    New,
    /// Someone who cannot receive one.
    Refused,
}

/// A referral's "to whom": `Ok(true)` when saving will add a new officer
/// to the directory first (no mistake, so no problem beside the field).
/// While completions are offered (`picking`) Enter takes one: no judgement.
pub fn referral_to(typed: &str, picking: bool, found: Recipient) -> Result<bool, Problem> {
    if let Some(p) = required(typed) {
        return Err(p);
    }
    match found {
        _ if picking => Ok(false),
        Recipient::Known => Ok(false),
        Recipient::New => Ok(true),
        Recipient::Unchecked | Recipient::Refused => Err(Problem::CannotReceive),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_referral_goes_to_someone_who_can_take_it_or_a_new_officer() {
        assert!(matches!(
            referral_to(" ", false, Recipient::Known),
            Err(Problem::Missing)
        ));
        assert!(matches!(
            referral_to("Rhian", false, Recipient::Known),
            Ok(false)
        ));
        assert!(matches!(
            referral_to("Mari", false, Recipient::New),
            Ok(true)
        ));
        assert!(matches!(
            referral_to("Siân", false, Recipient::Refused),
            Err(Problem::CannotReceive)
        ));
        assert!(matches!(
            referral_to("Si", true, Recipient::Refused),
            Ok(false)
        ));
    }

    #[test]
    fn ranges_and_pickers() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).expect("date");
        assert!(range(d(1), d(2)).is_none());
        assert!(range(d(1), d(1)).is_none());
        assert!(matches!(range(d(2), d(1)), Some(Problem::EndsBeforeStart)));
        assert!(fits(true).is_none());
        assert!(matches!(fits(false), Some(Problem::NoneFits)));
        assert!(matches!(required("  "), Some(Problem::Missing)));
        assert!(required("x").is_none());
    }

    #[test]
    fn dates_of_the_record() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).expect("date");
        assert!(matches!(past_or_blank(Ok(None), d(5)), Ok(None)));
        assert!(matches!(past_or_blank(Ok(Some(d(5))), d(5)), Ok(Some(_))));
        assert!(matches!(
            past_or_blank(Ok(Some(d(6))), d(5)),
            Err(Problem::InFuture)
        ));
        assert!(matches!(
            past_or_blank(
                Err(Error::user(
                    crate::error::Msg::new("io-other").text("detail", "x")
                )),
                d(5)
            ),
            Err(Problem::Invalid(_))
        ));
        assert!(first_contact(Some(d(2)), d(2)).is_none());
        assert!(first_contact(None, d(2)).is_none());
        assert!(matches!(
            first_contact(Some(d(3)), d(2)),
            Some(Problem::AfterOpened)
        ));
        assert!(dated_answer(true, Some(d(1))).is_none());
        assert!(dated_answer(false, None).is_none());
        assert!(matches!(
            dated_answer(false, Some(d(1))),
            Some(Problem::DatedWithoutAnswer)
        ));
        assert!(matches!(chosen::<u8>(None), Err(Problem::Unchosen)));
        assert!(matches!(chosen(Some(3)), Ok(3)));
    }
}
