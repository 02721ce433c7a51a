//! Search as typed: whatever the user types (quotes, `*`, `NEAR`, `AND`,
//! column filters, control characters), the query built from it is never an
//! FTS5 syntax error and never a panic.
#![no_main]

use std::cell::RefCell;

use casebook::domain::EntryKind;
use casebook::store::{LogRequest, Store, Who};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(seeded());
}

fn seeded() -> Store {
    let mut store = Store::open_in_memory().expect("memory store");
    let at = NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("date");
    for (who, text) in [
        ("Siân Jones", "damp and mould in the back bedroom"),
        ("Dai O'Brien", "bins not collected on Heol y Bryn, CF10 5BF"),
    ] {
        store
            .log(&LogRequest {
                who: Who::Named(who.into()),
                case: None,
                kind: EntryKind::CallIn,
                at,
                text: text.into(),
                follow_up: None,
                confidential: false,
                surgery: None,
            })
            .expect("seed");
    }
    store
}

fuzz_target!(|data: &[u8]| {
    let typed = String::from_utf8_lossy(data);
    STORE.with(|s| {
        if let Err(e) = s.borrow().search(&typed, 10) {
            panic!("search for {typed:?} failed: {e}");
        }
    });
});
