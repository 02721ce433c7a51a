//! Dates and times as typed: never a panic; a date that parses prints as ISO
//! and parses back to itself, inside the window of accepted dates (1990 to
//! ten years ahead); a message is one line when the input is.
#![no_main]

use casebook::dates::{iso, parse_date, parse_datetime, parse_optional_date, parse_time};
use casebook::domain::when::{DateUse, check};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    // A Monday, a year's end and a leap day.
    let todays = [
        NaiveDate::from_ymd_opt(2026, 3, 2),
        NaiveDate::from_ymd_opt(2026, 12, 31),
        NaiveDate::from_ymd_opt(2028, 2, 29),
    ];
    for today in todays.into_iter().flatten() {
        match parse_date(s, today) {
            Ok(d) => {
                assert_eq!(parse_date(&iso(d), today).ok(), Some(d), "{s:?}");
                // Every date given out lies in the window of accepted dates.
                assert!(check(d, DateUse::Plan, today).is_ok(), "{s:?} gave {d}");
            }
            Err(e) if !s.contains(['\n', '\r']) => {
                assert!(!e.to_string().contains('\n'), "{s:?}: {e}")
            }
            Err(_) => {}
        }
        let _ = parse_optional_date(s, today);
        if let Some(now) = today.and_hms_opt(9, 30, 0) {
            let _ = parse_datetime(s, now);
        }
    }
    let _ = parse_time(s);
});
