//! The real binary in a pseudo-terminal: start on an empty diary, log a call
//! with `c`, a name, Tab, text, Enter, quit with `q`. Waits are for a stable
//! screen showing what is expected, each bounded.

mod common;

use std::time::Duration;

use common::pty::{spawn, wait_exit};

#[test]
fn log_a_call_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");

    let (mut child, mut term, mut writer) = spawn(&db, &config, (30, 100), &[]);
    let limit = Duration::from_secs(20);
    let mut send = |s: &str| writer.send(s);

    term.wait_for("Nothing due today", limit);
    send("c");
    term.wait_for("Log a call", limit);
    send("Siân Davies");
    term.wait_for("new: will be added", limit);
    send("\t");
    send("Bins not collected on Heol y Nant");
    term.wait_for("Heol y Nant", limit);
    send("\r");
    let screen = term.wait_for("New contact added", limit);
    assert!(screen.contains("Bins not collected"), "{screen}");
    send("q");

    let status = wait_exit(child.as_mut(), limit, "the app did not quit on q");
    assert!(status.success(), "exit status {status:?}");
    // The guard turned off what it turned on: bracketed paste and the
    // alternate screen (raw mode is not visible in the output).
    term.drain();
    let out = String::from_utf8_lossy(&term.raw);
    assert!(
        out.contains("\x1b[?2004h") && out.contains("\x1b[?2004l"),
        "bracketed paste on and off"
    );
    assert!(
        out.contains("\x1b[?1049h") && out.contains("\x1b[?1049l"),
        "alternate screen entered and left"
    );

    let store = casebook::store::Store::open(&db).expect("the diary");
    let entries = store.latest_entry_lines(10).expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].text, "Bins not collected on Heol y Nant");
    assert_eq!(entries[0].contact.as_deref(), Some("Siân Davies"));
}

/// On an empty diary, typing everything: a call from a new person (no case
/// yet, so unfiled), a case opened for her, a second call that files itself
/// on her one open case, and the first call filed afterwards from home.
#[test]
fn a_call_files_itself_and_an_unfiled_call_is_filed_afterwards() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");

    let (mut child, mut term, mut writer) = spawn(&db, &config, (30, 100), &[]);
    let limit = Duration::from_secs(20);
    let mut send = |s: &str| writer.send(s);

    term.wait_for("Nothing due today", limit);
    send("c");
    term.wait_for("Log a call", limit);
    send("Siân Davies");
    term.wait_for("new: will be added", limit);
    send("\t");
    send("Bins missed on Heol y Nant");
    term.wait_for("Heol y Nant", limit);
    send("\r");
    term.wait_for("Logged (unfiled)", limit);

    // A case for her: n, her name picked, Tab to the title, Enter.
    send("n");
    term.wait_for("New case", limit);
    send("sian");
    term.wait_for("+ new contact", limit);
    send("\t\t");
    send("Missed bins");
    term.wait_for("Missed bins", limit);
    send("\r");
    term.wait_for("Case 2026-0001 opened", limit);

    // From home, a call with her: her one open case is proposed.
    send("1");
    term.wait_for("Latest", limit);
    send("c");
    term.wait_for("Log a call", limit);
    send("sian");
    term.wait_for("+ new contact", limit);
    send("\t");
    term.wait_for("known contact", limit);
    term.wait_for("2026-0001 · Missed bins", limit);
    send("Rang again");
    term.wait_for("Rang again", limit);
    send("\r");
    term.wait_for("Logged with Siân Davies on 2026-0001", limit);

    // The first call, unfiled: Tab to the latest entries, down to it, E,
    // Enter files it on the case proposed.
    send("\t\t");
    send("j");
    term.wait_for("E to file", limit);
    send("E");
    term.wait_for("correct it or file it", limit);
    term.wait_for("2026-0001 · Missed bins", limit);
    send("\r");
    term.wait_for("filed on 2026-0001", limit);
    send("q");
    let status = wait_exit(child.as_mut(), limit, "the app did not quit on q");
    assert!(status.success(), "exit status {status:?}");

    let store = casebook::store::Store::open(&db).expect("the diary");
    let entries = store.latest_entry_lines(10).expect("entries");
    assert_eq!(entries.len(), 2);
    for e in &entries {
        assert_eq!(
            e.case.as_ref().map(|c| c.1.as_str()),
            Some("2026-0001"),
            "{}",
            e.text
        );
    }
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    let (mut child, mut term, _writer) =
        spawn(&db, &config, (30, 100), &[("CASEBOOK_TEST_PANIC", "1")]);

    let limit = Duration::from_secs(20);
    let status = wait_exit(
        child.as_mut(),
        limit,
        "the app did not end after the injected panic",
    );
    assert!(!status.success(), "a panic is a failure: {status:?}");
    term.drain();
    let out = String::from_utf8_lossy(&term.raw);
    let entered = out
        .find("\x1b[?1049h")
        .expect("the alternate screen was entered");
    // The panic hook restores first; the guard's drop while unwinding does it again.
    let left = out
        .find("\x1b[?1049l")
        .expect("the alternate screen was left");
    assert!(left > entered);
    assert!(
        out.rfind("\x1b[?2004l") > out.find("\x1b[?2004h"),
        "bracketed paste off"
    );
    // The message comes after the restore, on the normal screen, readable.
    let message = out
        .find("injected panic")
        .expect("the panic message is shown");
    assert!(
        message > left,
        "the message is printed after the terminal is restored"
    );
}

/// The terminal's own mouse report (SGR, 1-based cells) reaches the app:
/// a click on the footer's "new case" hint opens the new case form, a
/// click on the header's Cases tab goes there.
#[test]
fn a_mouse_click_in_a_real_terminal_does_what_it_points_at() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");

    let (mut child, mut term, mut writer) = spawn(&db, &config, (30, 100), &[]);
    let limit = Duration::from_secs(20);
    let screen = term.wait_for("Nothing due today", limit);
    // Where a text is, as the terminal counts (1-based column and row);
    // the lowest on screen (the footer's, not the panel's words).
    let cell = |screen: &str, text: &str| {
        screen
            .lines()
            .enumerate()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find_map(|(y, line)| {
                let at = line.find(text)?;
                Some((line[..at].chars().count() + 1, y + 1))
            })
            .unwrap_or_else(|| panic!("{text:?} on screen:\n{screen}"))
    };
    let (x, y) = cell(&screen, "n new case");
    writer.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    term.wait_for("New case", limit);
    writer.send("\x1b");
    let screen = term.wait_for("Nothing due today", limit);
    let (x, y) = cell(&screen, "2 Cases");
    writer.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    let screen = term.wait_for("No cases match", limit);
    assert!(!screen.contains("Nothing due today"), "{screen}");
    writer.send("1");
    term.wait_for("Nothing due today", limit);
    writer.send("q");
    let status = wait_exit(child.as_mut(), limit, "the app did not quit on q");
    assert!(status.success(), "exit status {status:?}");
}
