//! The real binary in a pseudo-terminal, keeping the record (issue 14): on
//! an empty diary, a new case with a new constituent whose address, phone,
//! email, age band and gender are typed; then the case's title corrected
//! and the constituent's phone changed from the people on the case. Waits
//! are for a stable screen showing what is expected, each bounded.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use casebook::domain::{AgeBand, Role};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Term {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
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
    /// Reads output until `want` is on screen and nothing has changed for a
    /// moment; panics with the screen after `limit`.
    fn wait_for(&mut self, want: &str, limit: Duration) -> String {
        let start = Instant::now();
        let mut last_change = Instant::now();
        loop {
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
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

const TAB: &str = "\t";
const RIGHT: &str = "\x1b[C";
const ENTER: &str = "\r";
const BACKSPACE: &str = "\x7f";

#[test]
fn a_new_case_with_a_new_constituent_typed_then_corrected() {
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
    // A plain new diary: this test is about keeping the record, not the
    // passphrase offered at the first start.
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
    };
    (child, term, writer)
}
