//! Mail files as they come (.eml, mbox, Outlook .msg): never a panic, never
//! a hang; an error is one line; what is read has no control characters in
//! the fields printed to a terminal, and safe attachment names.
#![no_main]

use casebook::mail::{read, safe_filename};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The inbox listing reads headers only: the same promises.
    match casebook::mail::peek(data, true) {
        Ok(p) => assert!(!p.subject.chars().any(char::is_control), "{:?}", p.subject),
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
    }
    match read(data) {
        Ok(messages) => {
            for m in messages {
                assert!(!m.subject.chars().any(char::is_control), "{:?}", m.subject);
                for who in m.from.iter().chain(m.original_from.iter()).chain(&m.to).chain(&m.cc) {
                    assert!(!who.address.chars().any(char::is_control));
                }
                for a in &m.attachments {
                    assert_eq!(safe_filename(&a.filename), a.filename);
                    assert!(!a.filename.contains(['/', '\\']));
                }
            }
        }
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
    }
});
