//! The mail reader on damaged input, deterministically (the fuzz target
//! `fuzz/fuzz_targets/mail.rs` does the same at random): every seed cut
//! short at many points and with bytes flipped must give messages or one
//! clear line, never a panic, and never control characters in the fields
//! printed to a terminal.

use casebook::mail::{read, safe_filename};

fn check(data: &[u8]) {
    match read(data) {
        Ok(messages) => {
            for m in messages {
                assert!(!m.subject.chars().any(char::is_control), "{:?}", m.subject);
                for who in m
                    .from
                    .iter()
                    .chain(m.original_from.iter())
                    .chain(&m.to)
                    .chain(&m.cc)
                {
                    assert!(!who.address.chars().any(char::is_control), "{who:?}");
                }
                for a in &m.attachments {
                    assert_eq!(safe_filename(&a.filename), a.filename);
                }
            }
        }
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
    }
}

#[test]
fn damaged_mail_never_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/mail");
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).expect("seeds") {
        let data = std::fs::read(entry.expect("entry").path()).expect("read");
        seeds += 1;
        check(&data);
        // Cut short at 64 points.
        let step = (data.len() / 64).max(1);
        for end in (0..data.len()).step_by(step) {
            check(&data[..end]);
        }
        // Bytes flipped, one at a time, at 64 points (a fixed pattern).
        for (n, at) in (0..data.len()).step_by(step).enumerate() {
            let mut bad = data.clone();
            bad[at] ^= [0xFF, 0x80, 0x20, 0x01][n % 4];
            check(&bad);
        }
    }
    assert!(seeds >= 8, "the committed seeds are there");
}
