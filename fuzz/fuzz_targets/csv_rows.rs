//! Spreadsheet rows (a stand-in until the import module lands; then call its
//! parsing function here instead): CSV bytes read with a header row, the
//! headers matched case-insensitively, and the `opened`/`closed` cells parsed
//! as dates as the import does. Never a panic; messages one line.
#![no_main]

use casebook::dates::parse_optional_date;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(data);
    let Ok(headers) = reader.headers().cloned() else {
        return;
    };
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
    };
    let (opened, closed) = (column("opened"), column("closed"));
    for record in reader.records().take(1000) {
        let Ok(record) = record else {
            continue;
        };
        for col in [opened, closed].into_iter().flatten() {
            if let Some(cell) = record.get(col)
                && let Err(e) = parse_optional_date(cell, today)
                && !cell.contains(['\n', '\r'])
            {
                assert!(!e.to_string().contains('\n'), "{cell:?}: {e}");
            }
        }
    }
});
