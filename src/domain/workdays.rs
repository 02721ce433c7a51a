//! Working days in England and Wales: weekends and bank holidays skipped.
//!
//! Referral replies are due in working days (SPEC section 2). The bank
//! holidays are computed for any year from the rules of the Banking and
//! Financial Dealings Act 1971 and the royal proclamations that fix them
//! each year, rather than read from a table that runs out:
//!
//! - New Year's Day, 1 January (the next Monday when it falls at a weekend);
//! - Good Friday and Easter Monday (Easter by the Gregorian computus);
//! - the early May bank holiday, the first Monday in May;
//! - the spring bank holiday, the last Monday in May;
//! - the summer bank holiday, the last Monday in August;
//! - Christmas Day and Boxing Day, with substitute days on the following
//!   Monday and Tuesday when they fall at a weekend.
//!
//! One-off changes by proclamation are a short list below ([`MOVED`],
//! [`EXTRA`]); a new one is added there when it is announced.

use chrono::{Datelike, Days, Duration, NaiveDate, Weekday};

/// A date as (year, month, day), for the constant lists.
type Ymd = (i32, u32, u32);

/// A regular bank holiday moved by proclamation: (the usual date, the date it
/// was held instead).
const MOVED: &[(Ymd, Ymd)] = &[
    // VE Day 50th anniversary: early May moved to Monday 8 May.
    ((1995, 5, 1), (1995, 5, 8)),
    // Golden Jubilee: spring bank holiday moved to Tuesday 4 June.
    ((2002, 5, 27), (2002, 6, 4)),
    // Diamond Jubilee: spring bank holiday moved to Monday 4 June.
    ((2012, 5, 28), (2012, 6, 4)),
    // VE Day 75th anniversary: early May moved to Friday 8 May.
    ((2020, 5, 4), (2020, 5, 8)),
    // Platinum Jubilee: spring bank holiday moved to Thursday 2 June.
    ((2022, 5, 30), (2022, 6, 2)),
];

/// One-off bank holidays declared by proclamation.
const EXTRA: &[Ymd] = &[
    // Millennium.
    (1999, 12, 31),
    // Golden Jubilee.
    (2002, 6, 3),
    // Royal wedding.
    (2011, 4, 29),
    // Diamond Jubilee.
    (2012, 6, 5),
    // Platinum Jubilee.
    (2022, 6, 3),
    // State funeral of Queen Elizabeth II.
    (2022, 9, 19),
    // Coronation of King Charles III.
    (2023, 5, 8),
];

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian
/// algorithm, "Meeus/Jones/Butcher").
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `from`.
fn on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(NaiveDate::MAX)
}

/// The last `weekday` on or before `from`.
fn on_or_before(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + from.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    from.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(NaiveDate::MIN)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The bank holidays of England and Wales in `year`, in date order.
/// Substitute days are included (and the weekend dates they replace left
/// out, since a weekend is not a working day anyway).
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(10);
    let Some(jan1) = ymd(year, 1, 1) else {
        return days;
    };
    // New Year's Day, or the next Monday.
    days.push(if is_weekend(jan1) {
        on_or_after(jan1, Weekday::Mon)
    } else {
        jan1
    });
    if let Some(easter) = easter_sunday(year) {
        days.push(easter - Duration::days(2));
        days.push(easter + Duration::days(1));
    }
    if let (Some(may1), Some(may31), Some(aug31)) =
        (ymd(year, 5, 1), ymd(year, 5, 31), ymd(year, 8, 31))
    {
        days.push(on_or_after(may1, Weekday::Mon));
        days.push(on_or_before(may31, Weekday::Mon));
        days.push(on_or_before(aug31, Weekday::Mon));
    }
    if let (Some(christmas), Some(boxing)) = (ymd(year, 12, 25), ymd(year, 12, 26)) {
        match christmas.weekday() {
            // Christmas on Saturday: Monday 27 and Tuesday 28 (Boxing Day is Sunday).
            Weekday::Sat => {
                // Within December of a real year: cannot overflow.
                days.push(christmas + Duration::days(2));
                days.push(christmas + Duration::days(3));
            }
            // Christmas on Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27.
            Weekday::Sun => {
                days.push(boxing);
                days.push(christmas + Duration::days(2));
            }
            // Christmas on Friday: Boxing Day is Saturday, substitute Monday 28.
            Weekday::Fri => {
                days.push(christmas);
                days.push(christmas + Duration::days(3));
            }
            _ => {
                days.push(christmas);
                days.push(boxing);
            }
        }
    }
    for &(usual, held) in MOVED {
        if usual.0 == year
            && let (Some(usual), Some(held)) =
                (ymd(usual.0, usual.1, usual.2), ymd(held.0, held.1, held.2))
        {
            days.retain(|&d| d != usual);
            days.push(held);
        }
    }
    for &(y, m, d) in EXTRA {
        if y == year
            && let Some(d) = ymd(y, m, d)
        {
            days.push(d);
        }
    }
    days.sort_unstable();
    days.dedup();
    days
}

pub fn is_bank_holiday(date: NaiveDate) -> bool {
    bank_holidays(date.year()).contains(&date)
}

/// Monday to Friday, and not a bank holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && !is_bank_holiday(date)
}

/// The date `n` working days after `start` (`start` itself is not counted):
/// a referral made on Monday 2 March 2026 with 10 working days is due on
/// Monday 16 March. `n = 0` gives `start`.
pub fn add_working_days(start: NaiveDate, n: u32) -> NaiveDate {
    let mut year = start.year();
    let mut holidays = bank_holidays(year);
    let mut day = start;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if day.year() != year {
            year = day.year();
            holidays = bank_holidays(year);
        }
        if !is_weekend(day) && !holidays.contains(&day) {
            left -= 1;
        }
    }
    day
}

/// Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is
/// not after `from`. How late a reply is, in the terms it was asked for.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let mut year = from.year();
    let mut holidays = bank_holidays(year);
    let mut count = 0;
    let mut day = from;
    while day < to {
        let Some(next) = day.succ_opt() else { break };
        day = next;
        if day.year() != year {
            year = day.year();
            holidays = bank_holidays(year);
        }
        if !is_weekend(day) && !holidays.contains(&day) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn strs(year: i32) -> Vec<String> {
        bank_holidays(year).iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn easter_for_known_years() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
    }

    // The dates published on gov.uk/bank-holidays for England and Wales.
    #[test]
    fn published_dates_2024_to_2027() {
        assert_eq!(
            strs(2024),
            [
                "2024-01-01",
                "2024-03-29",
                "2024-04-01",
                "2024-05-06",
                "2024-05-27",
                "2024-08-26",
                "2024-12-25",
                "2024-12-26"
            ]
        );
        assert_eq!(
            strs(2025),
            [
                "2025-01-01",
                "2025-04-18",
                "2025-04-21",
                "2025-05-05",
                "2025-05-26",
                "2025-08-25",
                "2025-12-25",
                "2025-12-26"
            ]
        );
        assert_eq!(
            strs(2026),
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"
            ]
        );
        assert_eq!(
            strs(2027),
            [
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28"
            ]
        );
    }

    #[test]
    fn substitute_days_and_one_offs() {
        // New Year's Day 2022 and 2023 fell at weekends.
        assert!(strs(2022).contains(&"2022-01-03".to_string()));
        assert!(strs(2023).contains(&"2023-01-02".to_string()));
        // Christmas 2022 on a Sunday: Boxing Day Monday, substitute Tuesday.
        assert!(strs(2022).contains(&"2022-12-26".to_string()));
        assert!(strs(2022).contains(&"2022-12-27".to_string()));
        // 2022: spring moved to 2 June, Jubilee 3 June, the funeral 19 September.
        let y2022 = strs(2022);
        assert!(y2022.contains(&"2022-06-02".to_string()));
        assert!(y2022.contains(&"2022-06-03".to_string()));
        assert!(y2022.contains(&"2022-09-19".to_string()));
        assert!(!y2022.contains(&"2022-05-30".to_string()));
        // 2020: early May moved to VE Day.
        assert!(is_bank_holiday(d(2020, 5, 8)));
        assert!(!is_bank_holiday(d(2020, 5, 4)));
        assert!(is_bank_holiday(d(2023, 5, 8)));
        assert_eq!(bank_holidays(2022).len(), 10);
    }

    #[test]
    fn working_days_skip_weekends() {
        // Monday 2 March 2026 + 10 working days = Monday 16 March.
        assert_eq!(add_working_days(d(2026, 3, 2), 10), d(2026, 3, 16));
        // Friday + 1 = Monday.
        assert_eq!(add_working_days(d(2026, 3, 6), 1), d(2026, 3, 9));
        // From a Saturday, the first working day is Monday.
        assert_eq!(add_working_days(d(2026, 3, 7), 1), d(2026, 3, 9));
        assert_eq!(add_working_days(d(2026, 3, 7), 0), d(2026, 3, 7));
        assert!(is_working_day(d(2026, 3, 2)));
        assert!(!is_working_day(d(2026, 3, 7)));
    }

    #[test]
    fn working_days_across_easter() {
        // Thursday 2 April 2026 + 1: Good Friday and Easter Monday skipped.
        assert_eq!(add_working_days(d(2026, 4, 2), 1), d(2026, 4, 7));
        // Monday 30 March 2026 + 10: 31 March, 1 and 2 April (3), Tuesday 7
        // to Friday 10 (4), then Monday 13 to Wednesday 15 (3).
        assert_eq!(add_working_days(d(2026, 3, 30), 10), d(2026, 4, 15));
        // 2027: Easter Monday is 29 March.
        assert_eq!(add_working_days(d(2027, 3, 25), 1), d(2027, 3, 30));
        assert!(!is_working_day(d(2026, 4, 3)));
        assert!(!is_working_day(d(2026, 4, 6)));
    }

    #[test]
    fn working_days_across_christmas_and_new_year() {
        // Thursday 24 December 2026: Christmas (Fri), Boxing Day substitute
        // (Mon 28); 29, 30, 31 December, then 1 January 2027 is a holiday.
        assert_eq!(add_working_days(d(2026, 12, 24), 1), d(2026, 12, 29));
        assert_eq!(add_working_days(d(2026, 12, 24), 4), d(2027, 1, 4));
        // 2027: Christmas on Saturday, substitutes Monday 27 and Tuesday 28.
        assert_eq!(add_working_days(d(2027, 12, 24), 1), d(2027, 12, 29));
        // 2024 into 2025: 24 Dec (Tue) + 10.
        // 27, 30, 31 Dec, 2, 3, 6, 7, 8, 9, 10 Jan.
        assert_eq!(add_working_days(d(2024, 12, 24), 10), d(2025, 1, 10));
    }

    #[test]
    fn bank_holiday_mondays() {
        for (date, holiday) in [
            (d(2024, 5, 6), true),
            (d(2024, 8, 26), true),
            (d(2025, 5, 26), true),
            (d(2026, 8, 31), true),
            (d(2027, 5, 31), true),
            (d(2026, 8, 24), false),
        ] {
            assert_eq!(is_bank_holiday(date), holiday, "{date}");
        }
        // Friday before the summer holiday 2026 + 1 = Tuesday 1 September.
        assert_eq!(add_working_days(d(2026, 8, 28), 1), d(2026, 9, 1));
    }

    #[test]
    fn days_between_counts_working_days() {
        assert_eq!(working_days_between(d(2026, 3, 2), d(2026, 3, 16)), 10);
        assert_eq!(working_days_between(d(2026, 3, 16), d(2026, 3, 2)), 0);
        assert_eq!(working_days_between(d(2026, 4, 2), d(2026, 4, 7)), 1);
    }
}
