//! Which dates casebook accepts (issue 12, item 16). A year typed as 0, 1900
//! or 9999, or an offset of `+2932897d`, once gave "740256 days overdue" and
//! "reply due +10000-12-27". Casework happens now: from 1990 (the oldest
//! paper file anyone will type in) to ten years ahead (a follow-up or a
//! review date). Entries and replies record what happened, so they cannot be
//! in the future.

use chrono::{Datelike, Months, NaiveDate};

/// The first year accepted.
pub const FIRST_YEAR: i32 = 1990;
/// How many years ahead of today a date may be.
pub const YEARS_AHEAD: u32 = 10;

/// What a date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateUse {
    /// A plan (a follow-up, a period): anywhere in the window.
    Plan,
    /// Something that happened (an entry, a reply, a case opened): in the
    /// window and not after today.
    Happened,
}

/// Why a date is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    #[error("{date} is outside the dates casebook accepts: {first} to {last}")]
    OutOfWindow {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    #[error("{date} is in the future: what happened can be dated today ({today}) at the latest")]
    InFuture { date: NaiveDate, today: NaiveDate },
}

/// The window of accepted dates on `today`: 1 January 1990 to ten years on.
pub fn window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = today
        .checked_add_months(Months::new(12 * YEARS_AHEAD))
        .unwrap_or(NaiveDate::MAX);
    (first, last.max(first))
}

/// Checks `date` for `what` on `today`.
pub fn check(date: NaiveDate, what: DateUse, today: NaiveDate) -> Result<NaiveDate, DateProblem> {
    let (first, last) = window(today);
    if date < first || date > last {
        return Err(DateProblem::OutOfWindow { date, first, last });
    }
    if what == DateUse::Happened && date > today {
        return Err(DateProblem::InFuture { date, today });
    }
    Ok(date)
}

/// True when `year` could be a review year in the window.
pub fn plausible_year(year: i32, today: NaiveDate) -> bool {
    let (first, last) = window(today);
    (first.year()..=last.year()).contains(&year)
}

/// `d` moved by `days` (negative: back), held at the ends of the calendar
/// rather than overflowing. Every date sum in casebook goes through here or
/// through a `checked_` call: a config number or a clock far out must give a
/// far date, never a panic.
pub fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    let n = chrono::Days::new(days.unsigned_abs());
    let moved = if days >= 0 {
        d.checked_add_days(n)
    } else {
        d.checked_sub_days(n)
    };
    moved.unwrap_or(if days >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn the_window_is_1990_to_ten_years_on() {
        let today = d(2026, 3, 1);
        assert_eq!(window(today), (d(1990, 1, 1), d(2036, 3, 1)));
        assert!(check(d(1990, 1, 1), DateUse::Plan, today).is_ok());
        assert!(check(d(2036, 3, 1), DateUse::Plan, today).is_ok());
        for bad in [
            d(1989, 12, 31),
            d(1900, 1, 1),
            d(2036, 3, 2),
            d(9999, 1, 1),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert!(
                matches!(
                    check(bad, DateUse::Plan, today),
                    Err(DateProblem::OutOfWindow { .. })
                ),
                "{bad}"
            );
        }
        assert!(plausible_year(2026, today) && !plausible_year(0, today));
    }

    #[test]
    fn what_happened_is_not_in_the_future() {
        let today = d(2026, 3, 1);
        assert!(check(today, DateUse::Happened, today).is_ok());
        let e = check(d(2026, 3, 2), DateUse::Happened, today).expect_err("tomorrow");
        assert!(e.to_string().contains("in the future"), "{e}");
        assert!(check(d(2026, 3, 2), DateUse::Plan, today).is_ok());
    }
}
