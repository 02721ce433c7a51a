//! The JSON import (`casebook import x.json`): any bytes through the real
//! parser and checks (`exchange::json::Export::parse`), and whatever passes
//! is loaded into an empty in-memory diary, as the import does. Never a
//! panic; a refusal is a message naming the file.
#![no_main]

use casebook::exchange::json::Export;
use casebook::store::{SCHEMA_VERSION, Store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Export::parse(data, "fuzz.json", SCHEMA_VERSION) {
        Ok(doc) => {
            let Ok(mut store) = Store::open_in_memory() else {
                return;
            };
            if let Err(e) = store.import_json(&doc) {
                assert!(!e.to_string().trim().is_empty(), "an empty message");
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("fuzz.json"), "{msg}");
        }
    }
});
