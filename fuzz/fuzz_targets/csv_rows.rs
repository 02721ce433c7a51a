//! Spreadsheet import: any bytes through the real CSV parser and validator
//! (`exchange::csv_import::parse`, which runs before anything is written).
//! Never a panic; a refusal's first line names the problem.
#![no_main]

use casebook::config::Config;
use casebook::exchange::csv_import::parse;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let categories = Config::default().categories();
    if let Err(e) = parse(data, "fuzz.csv", today, &categories) {
        let message = e.to_string();
        let first = message.lines().next().unwrap_or("");
        assert!(!first.trim().is_empty(), "an empty message for {data:?}");
    }
});
