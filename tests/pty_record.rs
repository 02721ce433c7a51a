//! The real binary in a pseudo-terminal, keeping the record (issue 14): on
//! an empty diary, a new case with a new constituent whose address, phone,
//! email, age band and gender are typed; then the case's title corrected
//! and the constituent's phone changed from the people on the case. Waits
//! are for a stable screen showing what is expected, each bounded.

mod common;

use std::time::Duration;

use casebook::domain::{AgeBand, Role};
use common::pty::{BACKSPACE, ENTER, RIGHT, TAB, spawn, wait_exit};

#[test]
fn a_new_case_with_a_new_constituent_typed_then_corrected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");

    let (mut child, mut term, mut writer) = spawn(&db, &config, (30, 100), &[]);
    let limit = Duration::from_secs(20);
    let mut send = |s: &str| writer.send(s);

    term.wait_for("Nothing due today", limit);
    send("n");
    term.wait_for("New case", limit);
    send("Mair Jones");
    term.wait_for("new: will be added", limit);
    send(TAB);
    send("12 Heol y Coed");
    send(TAB);
    send("cf14 2ab");
    send(TAB);
    send("029 2000 1111");
    send(TAB);
    send("mair@example.org");
    send(TAB); // language
    send(TAB); // gender
    send(RIGHT); // Female
    send(TAB); // age band
    send(RIGHT);
    send(RIGHT); // 18–29
    term.wait_for("18–29", limit);
    for _ in 0..4 {
        send(TAB); // ethnicity, employment, kind, title
    }
    send("Damp in the bck bedroom");
    term.wait_for("bck bedroom", limit);
    send(ENTER);
    let screen = term.wait_for("Case 2026-0001 opened", limit);
    assert!(screen.contains("Mair Jones"), "{screen}");

    send("E");
    term.wait_for("Edit the case", limit);
    for _ in 0.."bck bedroom".len() {
        send(BACKSPACE);
    }
    send("back bedroom");
    term.wait_for("Damp in the back bedroom", limit);
    send(ENTER);
    term.wait_for("case saved", limit);

    send("p");
    term.wait_for("People on the case", limit);
    send(ENTER);
    term.wait_for("Contact card", limit);
    for _ in 0..7 {
        send(TAB); // to the phone
    }
    for _ in 0.."029 2000 1111".len() {
        send(BACKSPACE);
    }
    send("07700 900123");
    term.wait_for("07700 900123", limit);
    send(ENTER);
    term.wait_for("contact card saved", limit);
    send("\x1b"); // close the people
    std::thread::sleep(Duration::from_millis(100));
    send("1");
    term.wait_for("Open cases", limit);
    send("q");
    let status = wait_exit(child.as_mut(), limit, "the app did not quit on q");
    assert!(status.success(), "exit status {status:?}");

    let store = casebook::store::Store::open(&db).expect("the diary");
    let case = store
        .case_by_reference("2026-0001")
        .expect("read")
        .expect("the case");
    assert_eq!(case.title, "Damp in the back bedroom");
    let people = store.case_people(case.id).expect("people");
    assert_eq!(people.len(), 1);
    let (role, mair) = &people[0];
    assert_eq!(*role, Role::Constituent);
    assert_eq!(mair.name, "Mair Jones");
    assert_eq!(mair.address.as_deref(), Some("12 Heol y Coed"));
    assert_eq!(mair.postcode.as_deref(), Some("CF14 2AB"));
    assert_eq!(mair.phone.as_deref(), Some("07700 900123"));
    assert_eq!(mair.email.as_deref(), Some("mair@example.org"));
    assert_eq!(mair.gender.as_deref(), Some("female"));
    assert_eq!(mair.age_band, Some(AgeBand::From18To29));
}
