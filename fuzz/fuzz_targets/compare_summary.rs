//! A colleague's anonymised summary (`casebook review --compare FILE`): any
//! text through `report::Summary::parse`, and a summary that passes is laid
//! beside itself as the comparison is, and printed. Never a panic; a refusal
//! is one line naming the file; nothing printed holds a control character.
#![no_main]

use std::path::Path;

use casebook::report::{Summary, compare_doc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Summary::parse(text, Path::new("/fuzz/summary.json")) {
        Ok(s) => {
            let doc = compare_doc(&s, &[("colleague".to_string(), s.clone())]);
            let _ = doc.text();
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("/fuzz/summary.json"), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
        }
    }
});
