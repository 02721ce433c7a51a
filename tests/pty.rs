//! The real binary in a pseudo-terminal: start on an empty diary, log a call
//! with `c`, a name, Tab, text, Enter, quit with `q`. Waits are for a stable
//! screen showing what is expected, each bounded.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Term {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    /// Every byte the program wrote, to check the modes it left.
    raw: Vec<u8>,
}

/// Waits (bounded) for the program to end; kills it and fails with `why`.
fn wait_exit(
    child: &mut (dyn portable_pty::Child + Send + Sync),
    limit: Duration,
    why: &str,
) -> portable_pty::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waited") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{why}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Term {
    /// Collects what the program wrote last, until it has been quiet a moment.
    fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            match self.rx.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => self.raw.extend_from_slice(&bytes),
                Err(_) => break,
            }
        }
    }

    /// Reads output until `want` is on screen and nothing has changed for a
    /// moment; panics with the screen after `limit`.
    fn wait_for(&mut self, want: &str, limit: Duration) -> String {
        let start = Instant::now();
        let mut last_change = Instant::now();
        loop {
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                last_change = Instant::now();
            }
            let screen = self.parser.screen().contents();
            if screen.contains(want) && last_change.elapsed() > Duration::from_millis(150) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn log_a_call_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");

    let (mut child, mut term, mut writer) = spawn(&db, &config, &[]);
    let limit = Duration::from_secs(20);
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("typed");
        writer.flush().expect("flushed");
    };

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

    let (mut child, mut term, mut writer) = spawn(&db, &config, &[]);
    let limit = Duration::from_secs(20);
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("typed");
        writer.flush().expect("flushed");
    };

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

/// Starts the real binary in a pseudo-terminal with `extra_env`.
fn spawn(
    db: &std::path::Path,
    config: &std::path::Path,
    extra_env: &[(&str, &str)],
) -> (
    Box<dyn portable_pty::Child + Send + Sync>,
    Term,
    Box<dyn Write + Send>,
) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_casebook"));
    // English, whatever the locale of the machine running the tests.
    cmd.env("LANG", "C");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    // These tests are about the UI on a plain diary, not the first-run offer.
    cmd.arg("--no-encryption");
    cmd.arg("--db");
    cmd.arg(db);
    cmd.env("CASEBOOK_CONFIG", config);
    cmd.env("CASEBOOK_NOW", "2026-03-01T09:00");
    cmd.env("TERM", "xterm-256color");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let child = pty.slave.spawn_command(cmd).expect("spawned");
    drop(pty.slave);
    let writer = pty.master.take_writer().expect("writer");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        // Keep the master open for as long as the reader runs.
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let term = Term {
        parser: vt100::Parser::new(30, 100, 0),
        rx,
        raw: Vec::new(),
    };
    (child, term, writer)
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("diary.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    let (mut child, mut term, _writer) = spawn(&db, &config, &[("CASEBOOK_TEST_PANIC", "1")]);

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
