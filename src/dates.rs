//! Dates as a councillor types them: `2026-03-01`, `01/03/2026` (UK
//! spreadsheets, day first), `today`, `tomorrow`, `yesterday`, `+3d`, `+2w`,
//! and weekday names (`mon` … `sun`, or in full), which mean the next such day.
//! The Welsh words are accepted whatever the interface language (SPEC §3):
//! `heddiw`, `yfory`, `ddoe`, `llun` … `sul`, `dydd Gwener`, `gwe`.
//! Every date is checked against the window of [`crate::domain::when`].
//!
//! Every parser takes "today" as an argument so that tests freeze it.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::domain::text::{fold, squash_space};
use crate::domain::when::{self, DateProblem, DateUse};
use crate::error::{Arg, Msg};
use crate::{Error, Result};

pub use crate::domain::when::shift;

/// Parses a date typed by the user, in the window of dates casebook accepts
/// ([`when::window`]).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    let date = parse_any_date(input, today)?;
    when::check(date, DateUse::Plan, today).map_err(|e| {
        Error::user(
            Msg::new("error-input-date")
                .text("input", input.trim())
                .arg("problem", Arg::Msg(Box::new(problem(e)))),
        )
    })
}

/// Parses the date of something that happened (an entry, a reply, a case
/// opened): in the window and not after today.
pub fn parse_past_date(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    let date = parse_date(input, today)?;
    happened(date, today)
}

/// Checks that a date already parsed is not in the future (nor out of the
/// window): for a moment read with [`parse_datetime`].
pub fn happened(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    when::check(date, DateUse::Happened, today).map_err(|e| Error::user(problem(e)))
}

/// Why a date is refused, in the catalogue's words.
fn problem(e: DateProblem) -> Msg {
    match e {
        DateProblem::OutOfWindow { date, first, last } => Msg::new("error-date-out-of-window")
            .text("date", iso(date))
            .text("first", iso(first))
            .text("last", iso(last)),
        DateProblem::InFuture { date, today } => Msg::new("error-date-in-future")
            .text("date", iso(date))
            .text("today", iso(today)),
    }
}

/// Parses the moment something happened ([`parse_datetime`]), not after
/// today.
pub fn parse_past_datetime(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime> {
    let at = parse_datetime(input, now)?;
    happened(at.date(), now.date())?;
    Ok(at)
}

fn parse_any_date(input: &str, today: NaiveDate) -> Result<NaiveDate> {
    let s = squash_space(&fold(input.trim()));
    if s.is_empty() {
        return Err(Error::user(Msg::new("error-date-needed")));
    }
    let s = s.strip_prefix("dydd ").unwrap_or(&s).to_string();
    match s.as_str() {
        "today" | "now" | "heddiw" => return Ok(today),
        "tomorrow" | "yfory" => return Ok(shift(today, 1)),
        "yesterday" | "ddoe" => return Ok(shift(today, -1)),
        _ => {}
    }
    if let Some(rest) = s.strip_prefix('+') {
        return parse_offset(rest, today).ok_or_else(|| bad(input));
    }
    if let Some(day) = parse_weekday(&s) {
        // The next such day, never today: "chase on mon" said on a Monday means next week.
        let ahead = (day.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return Ok(shift(today, i64::from(ahead)));
    }
    if s.contains('-') {
        return parse_numeric(&s, '-', [0, 1, 2], input);
    }
    if s.contains('/') {
        return parse_numeric(&s, '/', [2, 1, 0], input);
    }
    Err(bad(input))
}

/// Parses an optional date: empty input means none.
pub fn parse_optional_date(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(input, today).map(Some)
    }
}

/// Parses a moment: a date, a time (`14:30`, meaning today), or both
/// (`2026-03-01 14:30`, `2026-03-01T14:30`, `01/03/2026 14:30`, `yesterday 9:15`).
/// A date alone means that day at the current time of day, or at midnight when
/// it is not today.
pub fn parse_datetime(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Error::user(Msg::new("error-time-needed")));
    }
    if let Some(t) = parse_time(s) {
        return Ok(now.date().and_time(t));
    }
    let (date_part, time_part) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let date = parse_date(date_part, now.date())?;
    match time_part {
        Some(t) => parse_time(t)
            .map(|t| date.and_time(t))
            .ok_or_else(|| Error::user(Msg::new("error-not-a-time").text("input", t.trim()))),
        None if date == now.date() => Ok(now),
        None => Ok(date.and_time(NaiveTime::MIN)),
    }
}

/// `14:30`, `9:05`, `14:30:15`.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
        .ok()
}

/// The form used in files and on screen: ISO 8601.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn bad(input: &str) -> Error {
    Error::user(Msg::new("error-not-a-date").text("input", input.trim()))
}

fn parse_offset(rest: &str, today: NaiveDate) -> Option<NaiveDate> {
    let unit = rest.chars().last()?;
    let n: i64 = rest[..rest.len() - unit.len_utf8()].parse().ok()?;
    if !(0..=3660).contains(&n) {
        return None;
    }
    match unit {
        'd' => today.checked_add_days(Days::new(n.unsigned_abs())),
        'w' => today.checked_add_days(Days::new(n.unsigned_abs() * 7)),
        _ => None,
    }
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tues" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        // Welsh, with or without "dydd" (stripped before): llun, maw, mer…
        "llun" => Weekday::Mon,
        "maw" | "mawrth" => Weekday::Tue,
        "mer" | "mercher" => Weekday::Wed,
        "iau" => Weekday::Thu,
        "gwe" | "gwener" => Weekday::Fri,
        "sad" | "sadwrn" => Weekday::Sat,
        "sul" => Weekday::Sun,
        _ => return None,
    })
}

/// Splits on `sep` and reads year, month, day from the positions given, so that
/// ISO and UK day-first forms share one strict path. Impossible dates
/// (`31/02/2025`) are refused by name.
fn parse_numeric(s: &str, sep: char, order: [usize; 3], input: &str) -> Result<NaiveDate> {
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad(input));
    }
    let year_text = parts[order[0]];
    let (Ok(year), Ok(month), Ok(day)) = (
        year_text.parse::<i32>(),
        parts[order[1]].parse::<u32>(),
        parts[order[2]].parse::<u32>(),
    ) else {
        return Err(bad(input));
    };
    if year_text.len() != 4 {
        return Err(Error::user(
            Msg::new("error-date-year").text("input", input.trim()),
        ));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        Error::user(
            Msg::new("error-date-not-real")
                .text("input", input.trim())
                .num("day", day)
                .num("month", month)
                // Text, so that a year is never written with a separator.
                .text("year", year.to_string()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    // 2026-11-22 is a Sunday.
    const TODAY: (i32, u32, u32) = (2026, 11, 22);
    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn iso_and_uk_forms() {
        assert_eq!(parse_date("2025-03-01", today()).ok(), Some(d(2025, 3, 1)));
        assert_eq!(parse_date("01/03/2025", today()).ok(), Some(d(2025, 3, 1)));
        assert_eq!(parse_date(" 1/3/2025 ", today()).ok(), Some(d(2025, 3, 1)));
    }

    #[test]
    fn words_and_offsets() {
        assert_eq!(parse_date("today", today()).ok(), Some(today()));
        assert_eq!(parse_date("Tomorrow", today()).ok(), Some(d(2026, 11, 23)));
        assert_eq!(parse_date("+3d", today()).ok(), Some(d(2026, 11, 25)));
        assert_eq!(parse_date("+2w", today()).ok(), Some(d(2026, 12, 6)));
    }

    #[test]
    fn weekdays_mean_the_next_one() {
        assert_eq!(parse_date("mon", today()).ok(), Some(d(2026, 11, 23)));
        assert_eq!(parse_date("friday", today()).ok(), Some(d(2026, 11, 27)));
        // Today is Sunday: "sun" means a week on, not today.
        assert_eq!(parse_date("sun", today()).ok(), Some(d(2026, 11, 29)));
    }

    #[test]
    fn impossible_dates_are_refused_by_name() {
        let e = parse_date("31/02/2025", today()).expect_err("no 31 February");
        assert!(e.to_string().contains("not a real date"), "{e}");
        assert!(parse_date("2025-13-01", today()).is_err());
        assert!(parse_date("01/03/25", today()).is_err());
        assert!(parse_date("soon", today()).is_err());
        assert!(parse_date("+3y", today()).is_err());
        assert!(parse_date("+d", today()).is_err());
        assert!(parse_date("", today()).is_err());
        assert!(parse_date("1/2/3/4", today()).is_err());
        assert!(parse_date("+99999999999999999999d", today()).is_err());
    }

    #[test]
    fn welsh_words_whatever_the_language() {
        assert_eq!(parse_date("heddiw", today()).ok(), Some(today()));
        assert_eq!(parse_date("Yfory", today()).ok(), Some(d(2026, 11, 23)));
        assert_eq!(parse_date("ddoe", today()).ok(), Some(d(2026, 11, 21)));
        assert_eq!(parse_date("llun", today()).ok(), Some(d(2026, 11, 23)));
        assert_eq!(
            parse_date("dydd Gwener", today()).ok(),
            Some(d(2026, 11, 27))
        );
        assert_eq!(parse_date("gwe", today()).ok(), Some(d(2026, 11, 27)));
        assert_eq!(
            parse_date("dydd  Mawrth", today()).ok(),
            Some(d(2026, 11, 24))
        );
        assert_eq!(parse_date("mer", today()).ok(), Some(d(2026, 11, 25)));
        assert_eq!(parse_date("iau", today()).ok(), Some(d(2026, 11, 26)));
        assert_eq!(parse_date("Sadwrn", today()).ok(), Some(d(2026, 11, 28)));
        assert_eq!(parse_date("sul", today()).ok(), Some(d(2026, 11, 29)));
        assert_eq!(parse_date("fri", today()).ok(), Some(d(2026, 11, 27)));
        assert_eq!(parse_date("today", today()).ok(), Some(today()));
    }

    #[test]
    fn dates_outside_the_window_are_refused_saying_so() {
        for bad in [
            "0000-01-01",
            "1900-01-01",
            "9999-12-31",
            "31/12/1989",
            "+3661d",
        ] {
            let e = parse_date(bad, today()).expect_err(bad);
            assert!(
                e.to_string().contains("1990-01-01 to 2036-11-22")
                    || e.to_string().contains("not a date"),
                "{bad}: {e}"
            );
        }
        let e = parse_date("9999-01-01", today()).expect_err("far");
        assert!(
            e.to_string().contains("outside the dates casebook accepts"),
            "{e}"
        );
        assert!(parse_date("+2932897d", today()).is_err());
        assert!(parse_date("1990-01-01", today()).is_ok());
        assert!(parse_past_date("tomorrow", today()).is_err());
        assert_eq!(
            parse_past_date("yesterday", today()).ok(),
            Some(d(2026, 11, 21))
        );
    }

    #[test]
    fn datetimes() {
        let now = today().and_hms_opt(10, 0, 0).expect("valid");
        assert_eq!(
            parse_datetime("14:30", now).ok(),
            today().and_hms_opt(14, 30, 0)
        );
        assert_eq!(
            parse_datetime("2026-11-20 09:15", now).ok(),
            d(2026, 11, 20).and_hms_opt(9, 15, 0)
        );
        assert_eq!(
            parse_datetime("20/11/2026 09:15", now).ok(),
            d(2026, 11, 20).and_hms_opt(9, 15, 0)
        );
        assert_eq!(
            parse_datetime("2026-11-20T09:15", now).ok(),
            d(2026, 11, 20).and_hms_opt(9, 15, 0)
        );
        assert_eq!(parse_datetime("today", now).ok(), Some(now));
        assert!(parse_datetime("2026-11-20 25:00", now).is_err());
    }
}
