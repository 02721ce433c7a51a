//! Encryption at rest (SQLCipher), through the real binary: the diary, its
//! write-ahead log and its backups hold no readable personal text; a wrong
//! passphrase is one line and exit 1 with the file unchanged; encrypt and
//! decrypt lose nothing; plain diaries never ask for a passphrase.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use casebook::domain::{Contact, ContactKind};
use casebook::store::{Passphrase, Store, is_encrypted};
use common::{Sandbox, assert_fails_one_line, stderr, stdout};

const PASS: &str = "correct horse battery staple";
const NAME: &str = "Gwenllian Zephyrine";
const EMAIL: &str = "gwen.zephyrine@example.org";
const SECRET: &str = "damp in the back bedroom of number seventeen";
const LATER: &str = "mould reported again after the visit";

/// Runs casebook on the sandbox's diary with `vars` set, every passphrase
/// variable cleared otherwise, and standard input closed (no terminal).
fn run(sb: &Sandbox, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casebook"));
    // English, whatever the locale of the machine running the tests.
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.arg("--db")
        .arg(&sb.db)
        .args(args)
        .env("CASEBOOK_CONFIG", &sb.config)
        .env("CASEBOOK_NOW", "2026-03-01T09:00")
        .env("CASEBOOK_RUNTIME_DIR", sb.runtime())
        .env_remove("CASEBOOK_DB")
        .env_remove("CASEBOOK_PASSPHRASE")
        .env_remove("CASEBOOK_NEW_PASSPHRASE")
        .stdin(Stdio::null());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.output().expect("run casebook")
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    stdout(o)
}

fn key() -> Passphrase {
    Passphrase::new(PASS.into()).expect("passphrase")
}

/// A diary with a person (name and email) and an entry, written by the binary.
fn filled() -> Sandbox {
    let sb = Sandbox::new();
    let mut store = sb.store();
    store
        .add_contact(&Contact {
            name: NAME.into(),
            kind: Some(ContactKind::Constituent),
            email: Some(EMAIL.into()),
            ..Contact::default()
        })
        .expect("contact");
    drop(store);
    ok(&run(&sb, &[], &["log", "--who", NAME, SECRET]));
    sb
}

fn encrypt(sb: &Sandbox) -> String {
    ok(&run(sb, &[("CASEBOOK_NEW_PASSPHRASE", PASS)], &["encrypt"]))
}

fn with_key() -> [(&'static str, &'static str); 1] {
    [("CASEBOOK_PASSPHRASE", PASS)]
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w == n)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

fn assert_unreadable(what: &str, path: &Path) {
    let b = bytes(path);
    assert!(!b.is_empty(), "{what} exists");
    assert!(
        !b.starts_with(b"SQLite format 3"),
        "{what} has a plain header"
    );
    for needle in [
        NAME,
        "Zephyrine",
        EMAIL,
        SECRET,
        LATER,
        "bedroom",
        "CREATE TABLE",
    ] {
        assert!(
            !contains(&b, needle),
            "{what} holds `{needle}` in the clear"
        );
    }
}

/// The system `sqlite3`, when installed, cannot read the file.
fn assert_sqlite3_refuses(path: &Path) {
    let Ok(o) = Command::new("sqlite3")
        .arg("-readonly")
        .arg(path)
        .arg("SELECT count(*) FROM contacts;")
        .stdin(Stdio::null())
        .output()
    else {
        return; // not installed here
    };
    let out = stdout(&o);
    assert!(
        !o.status.success() || !out.trim().chars().all(|c| c.is_ascii_digit()),
        "sqlite3 read {}: {out}",
        path.display()
    );
    assert!(
        stderr(&o).contains("not a database"),
        "sqlite3 on {}: {}",
        path.display(),
        stderr(&o)
    );
}

#[test]
fn the_diary_its_wal_and_its_backups_hold_no_readable_text() {
    let sb = filled();
    assert!(contains(&bytes(&sb.db), NAME) || contains(&bytes(&sibling(&sb.db, "-wal")), NAME));
    let said = encrypt(&sb);
    assert!(said.contains("is now encrypted"), "{said}");
    // The automatic backup made by `log` before encryption is still plain: named.
    assert!(said.contains("NOT encrypted"), "{said}");
    assert!(said.contains("casebook-2026-03-01.db"), "{said}");
    assert!(!sibling(&sb.db, "-wal").exists() && !sibling(&sb.db, "-shm").exists());
    let leftovers: Vec<String> = std::fs::read_dir(sb.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".old-") || n.contains("rekeying") || n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_unreadable("the diary", &sb.db);

    // Another program holds the diary open, so the write-ahead log stays.
    let other = Store::open_with_key(&sb.db, Some(&key())).expect("open with the key");
    ok(&run(&sb, &with_key(), &["log", "--who", NAME, LATER]));
    let wal = sibling(&sb.db, "-wal");
    assert!(bytes(&wal).len() > 1000, "the WAL holds the new entry");
    assert_unreadable("the WAL", &wal);
    drop(other);

    let backup = sb.path("by-hand.db");
    ok(&run(
        &sb,
        &with_key(),
        &["backup", &backup.display().to_string()],
    ));
    assert_unreadable("the backup", &backup);
    for path in [&sb.db, &backup] {
        assert_sqlite3_refuses(path);
    }
    // The data is all there for the passphrase.
    let json = ok(&run(&sb, &with_key(), &["export", "--format", "json"]));
    assert!(json.contains(SECRET) && json.contains(LATER) && json.contains(EMAIL));
    // The backup restores (over the encrypted diary) and checks with the key.
    let said = ok(&run(
        &sb,
        &with_key(),
        &["restore", &backup.display().to_string()],
    ));
    assert!(said.contains("entries: 2"), "{said}");
    assert_unreadable("the restored diary", &sb.db);
    // check names the plain backup made before `encrypt` (exit 1) until it
    // is deleted.
    let plain = sb.path("backups").join("casebook-2026-03-01.db");
    let o = run(&sb, &with_key(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let said = stdout(&o);
    assert!(said.contains("the diary is healthy"), "{said}");
    assert!(said.contains(&plain.display().to_string()), "{said}");
    std::fs::remove_file(&plain).expect("delete the plain backup");
    let said = ok(&run(&sb, &with_key(), &["check"]));
    assert!(said.contains("the diary is healthy"), "{said}");
}

#[test]
fn a_wrong_or_missing_passphrase_is_one_line_and_changes_nothing() {
    let sb = filled();
    encrypt(&sb);
    let before = bytes(&sb.db);
    for args in [
        &["due"][..],
        &["log", "--who", NAME, "more"],
        &["check"],
        &["backup"],
    ] {
        let o = run(&sb, &[("CASEBOOK_PASSPHRASE", "not the passphrase")], args);
        let err = assert_fails_one_line(&o);
        assert!(
            err.contains(&format!("wrong passphrase for {}", sb.db.display())),
            "{args:?}: {err}"
        );
        assert_eq!(bytes(&sb.db), before, "{args:?} changed the file");
        assert!(!sibling(&sb.db, "-wal").exists(), "{args:?} left a WAL");
    }
    // No passphrase and no terminal to ask on: said at once, no hang.
    let err = assert_fails_one_line(&run(&sb, &[], &["due"]));
    assert!(
        err.contains("is encrypted: set CASEBOOK_PASSPHRASE"),
        "{err}"
    );
    assert_eq!(bytes(&sb.db), before);
    // Encrypting twice or decrypting with the wrong key: refused, unchanged.
    let err = assert_fails_one_line(&run(
        &sb,
        &[("CASEBOOK_NEW_PASSPHRASE", PASS)],
        &["encrypt"],
    ));
    assert!(err.contains("already encrypted"), "{err}");
    let o = run(
        &sb,
        &[("CASEBOOK_PASSPHRASE", "not the passphrase")],
        &["decrypt"],
    );
    assert!(assert_fails_one_line(&o).contains("wrong passphrase"));
    assert_eq!(bytes(&sb.db), before);
}

#[test]
fn encrypt_then_decrypt_loses_nothing() {
    let sb = filled();
    ok(&run(
        &sb,
        &[],
        &["log", "--who", NAME, "--confidential", "a private matter"],
    ));
    let export = ["export", "--format", "json", "--include-confidential"];
    let plain = ok(&run(&sb, &[], &export));
    encrypt(&sb);
    assert_eq!(ok(&run(&sb, &with_key(), &export)), plain);
    // The full-text index came across and still answers (and takes deletions).
    let mut store = Store::open_with_key(&sb.db, Some(&key())).expect("open");
    assert!(!store.search("bedroom", 10).expect("search").is_empty());
    store
        .write(|tx| Ok(tx.execute("DELETE FROM entries WHERE text LIKE '%private%'", [])?))
        .expect("delete");
    assert_eq!(store.counts().expect("counts").entries, 1);
    drop(store);
    let plain = ok(&run(&sb, &with_key(), &export));
    let said = ok(&run(&sb, &with_key(), &["decrypt"]));
    assert!(said.contains("is now unencrypted"), "{said}");
    assert!(bytes(&sb.db).starts_with(b"SQLite format 3\0"));
    assert_eq!(ok(&run(&sb, &[], &export)), plain);
    // And the plain diary is an ordinary SQLite file again.
    assert_eq!(sb.store().counts().expect("counts").entries, 1);
}

#[test]
fn the_passphrase_can_be_changed() {
    let sb = filled();
    encrypt(&sb);
    let new = "a different long passphrase";
    let o = run(
        &sb,
        &[
            ("CASEBOOK_PASSPHRASE", PASS),
            ("CASEBOOK_NEW_PASSPHRASE", "short"),
        ],
        &["passphrase"],
    );
    assert!(assert_fails_one_line(&o).contains("too short"));
    ok(&run(
        &sb,
        &[
            ("CASEBOOK_PASSPHRASE", PASS),
            ("CASEBOOK_NEW_PASSPHRASE", new),
        ],
        &["passphrase"],
    ));
    let o = run(&sb, &with_key(), &["due"]);
    assert!(assert_fails_one_line(&o).contains("wrong passphrase"));
    ok(&run(&sb, &[("CASEBOOK_PASSPHRASE", new)], &["due"]));
    assert_unreadable("the rekeyed diary", &sb.db);
}

#[test]
fn plain_diaries_never_ask() {
    let sb = Sandbox::new();
    // No passphrase variable, standard input closed: a prompt would fail.
    ok(&run(&sb, &[], &["log", "--who", NAME, SECRET]));
    ok(&run(&sb, &[], &["due"]));
    ok(&run(&sb, &[], &["check"]));
    assert!(bytes(&sb.db).starts_with(b"SQLite format 3\0"));
    let err = assert_fails_one_line(&run(&sb, &[], &["decrypt"]));
    assert!(err.contains("is not encrypted"), "{err}");
    // A new passphrase is asked for encrypt: with no terminal, said plainly.
    let err = assert_fails_one_line(&run(&sb, &[], &["encrypt"]));
    assert!(err.contains("run casebook in a terminal"), "{err}");
    assert!(bytes(&sb.db).starts_with(b"SQLite format 3\0"));
}

/// The UI in a real (pseudo-)terminal: the passphrase is asked before the
/// screen is taken over, without echo; a wrong one is said and asked again.
#[test]
fn the_ui_asks_for_the_passphrase_at_start() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};

    let sb = Sandbox::new();
    drop(Store::open_with_key(&sb.db, Some(&key())).expect("a new encrypted diary"));
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
    cmd.arg("--db");
    cmd.arg(&sb.db);
    cmd.env("CASEBOOK_CONFIG", &sb.config);
    cmd.env("CASEBOOK_NOW", "2026-03-01T09:00");
    cmd.env("TERM", "xterm-256color");
    cmd.env("CASEBOOK_RUNTIME_DIR", sb.runtime());
    cmd.env_remove("CASEBOOK_PASSPHRASE");
    let mut child = pty.slave.spawn_command(cmd).expect("spawned");
    drop(pty.slave);
    let mut writer = pty.master.take_writer().expect("writer");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(30, 100, 0);
    let mut wait_for = |want: &str| -> String {
        let start = Instant::now();
        loop {
            while let Ok(bytes) = rx.try_recv() {
                parser.process(&bytes);
            }
            let screen = parser.screen().contents();
            if screen.contains(want) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("timed out waiting for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("typed");
        writer.flush().expect("flushed");
    };
    wait_for("Passphrase for");
    send("guessing wrongly\r");
    let screen = wait_for("wrong passphrase for");
    assert!(
        !screen.contains("guessing"),
        "the passphrase was echoed:\n{screen}"
    );
    send(&format!("{PASS}\r"));
    let screen = wait_for("Nothing due today");
    assert!(!screen.contains(PASS), "{screen}");
    // Typed once: the session is kept, the next command asks nothing.
    ok(&run(&sb, &[], &["due"]));
    send("q");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waited") {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "did not quit on q"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The first start, as a new user meets it: the UI offers a passphrase
/// (yes by default), the diary on disk is encrypted, and the session is
/// kept: the next command, with no terminal and no passphrase, asks nothing.
#[test]
fn the_first_start_offers_a_passphrase_and_keeps_the_session() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};

    let sb = Sandbox::new();
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
    cmd.arg("--db");
    cmd.arg(&sb.db);
    cmd.env("CASEBOOK_CONFIG", &sb.config);
    cmd.env("CASEBOOK_NOW", "2026-03-01T09:00");
    cmd.env("TERM", "xterm-256color");
    cmd.env("CASEBOOK_RUNTIME_DIR", sb.runtime());
    cmd.env_remove("CASEBOOK_PASSPHRASE");
    cmd.env_remove("CASEBOOK_NEW_PASSPHRASE");
    let mut child = pty.slave.spawn_command(cmd).expect("spawned");
    drop(pty.slave);
    let mut writer = pty.master.take_writer().expect("writer");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(30, 100, 0);
    let mut wait_for = |want: &str| -> String {
        let start = Instant::now();
        loop {
            while let Ok(bytes) = rx.try_recv() {
                parser.process(&bytes);
            }
            let screen = parser.screen().contents();
            if screen.contains(want) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("timed out waiting for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let mut send = |s: &str| {
        writer.write_all(s.as_bytes()).expect("typed");
        writer.flush().expect("flushed");
    };
    let screen = wait_for("[Y/n]");
    assert!(screen.contains("lost or stolen laptop"), "{screen}");
    send("\r");
    wait_for("New passphrase");
    send(&format!("{PASS}\r"));
    wait_for("The same passphrase again");
    send(&format!("{PASS}\r"));
    wait_for("Nothing due today");
    assert!(is_encrypted(&sb.db), "the new diary is encrypted on disk");
    ok(&run(&sb, &[], &["due"]));
    send("q");
    let start = Instant::now();
    while child.try_wait().expect("waited").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "did not quit on q"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    ok(&run(&sb, &[], &["lock"]));
}

/// With no terminal a new diary is encrypted when CASEBOOK_PASSPHRASE is
/// set, else plain with a one-line note; `--no-encryption` is plain, quietly.
#[test]
fn a_new_diary_without_a_terminal_never_waits_on_a_prompt() {
    let sb = Sandbox::new();
    let o = run(&sb, &[], &["due"]);
    ok(&o);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("unencrypted"), "{err}");
    assert!(!is_encrypted(&sb.db));

    let sb = Sandbox::new();
    let o = run(&sb, &[], &["--no-encryption", "due"]);
    ok(&o);
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert!(!is_encrypted(&sb.db));

    let sb = Sandbox::new();
    ok(&run(&sb, &with_key(), &["log", "--who", NAME, SECRET]));
    assert!(is_encrypted(&sb.db));
    assert_unreadable("the new diary", &sb.db);
    let err = assert_fails_one_line(&run(&sb, &[], &["due"]));
    assert!(err.contains("is encrypted"), "{err}");
}

#[test]
fn a_tampered_encrypted_backup_is_refused() {
    let sb = filled();
    encrypt(&sb);
    let backup = sb.path("copy.db");
    ok(&run(
        &sb,
        &with_key(),
        &["backup", &backup.display().to_string()],
    ));
    let mut b = bytes(&backup);
    // One byte of the last page: its HMAC no longer matches.
    let at = b.len() - 100;
    b[at] ^= 0x55;
    std::fs::write(&backup, b).expect("write");
    let before = bytes(&sb.db);
    let o = run(
        &sb,
        &with_key(),
        &["restore", &backup.display().to_string()],
    );
    let err = assert_fails_one_line(&o);
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(bytes(&sb.db), before);
}

/// What leaves an encrypted diary stays encrypted: `export --out` writes an
/// age file (no readable text in it), `casebook import` reads it back,
/// `--plain` writes plain JSON and says so, and without a passphrase or a
/// terminal it stops with one line, writing nothing.
#[test]
fn exports_from_an_encrypted_diary_are_age_files() {
    let sb = filled();
    encrypt(&sb);
    let out = sb.path("export.json");
    let o = run(
        &sb,
        &with_key(),
        &["export", "--out", &out.display().to_string()],
    );
    ok(&o);
    assert!(stderr(&o).contains("encrypted with age"), "{}", stderr(&o));
    let sealed = bytes(&out);
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    assert!(!contains(&sealed, NAME) && !contains(&sealed, SECRET));

    // casebook reads its own age export back (into an empty diary).
    let other = Sandbox::new();
    let o = run(
        &other,
        &with_key(),
        &["--no-encryption", "import", &out.display().to_string()],
    );
    ok(&o);
    assert!(other_holds(&other, NAME));
    let wrong = assert_fails_one_line(&run(
        &Sandbox::new(),
        &[("CASEBOOK_PASSPHRASE", "not the passphrase")],
        &["--no-encryption", "import", &out.display().to_string()],
    ));
    assert!(wrong.contains("cannot open"), "{wrong}");

    let plain = sb.path("plain.json");
    let o = run(
        &sb,
        &with_key(),
        &["export", "--plain", "--out", &plain.display().to_string()],
    );
    ok(&o);
    assert!(
        stderr(&o).contains("unencrypted (--plain)"),
        "{}",
        stderr(&o)
    );
    assert!(contains(&bytes(&plain), NAME));

    // Unlocked by the agent, but no passphrase for the file and no terminal.
    ok(&run(&sb, &with_key(), &["unlock"]));
    let none = sb.path("none.json");
    let err = assert_fails_one_line(&run(
        &sb,
        &[],
        &["export", "--out", &none.display().to_string()],
    ));
    assert!(
        err.contains("--recipient") && err.contains("--plain"),
        "{err}"
    );
    assert!(!none.exists());
    ok(&run(&sb, &[], &["lock"]));
}

fn other_holds(sb: &Sandbox, name: &str) -> bool {
    let store = sb.store();
    let (doc, _) = store.export_all(true).expect("export");
    contains(&doc.to_bytes().expect("json"), name)
}

/// The `age` command opens what casebook wrote: with the passphrase, and
/// with the identity of a `--recipient`.
#[test]
#[ignore = "needs the age command (apt-get install age)"]
fn the_age_command_opens_casebook_exports() {
    let sb = filled();
    encrypt(&sb);
    let out = sb.path("export.json");
    ok(&run(
        &sb,
        &with_key(),
        &["export", "--out", &out.display().to_string()],
    ));
    // age reads a passphrase only from a terminal: give it one.
    let opened = age_with_passphrase(&out);
    assert!(
        contains(&opened, NAME),
        "age -d did not give the export back"
    );

    let identity = sb.path("key.txt");
    let keygen = Command::new("age-keygen")
        .arg("-o")
        .arg(&identity)
        .output()
        .expect("age-keygen");
    assert!(keygen.status.success());
    let public = String::from_utf8_lossy(&keygen.stderr)
        .split_whitespace()
        .last()
        .expect("public key")
        .to_string();
    let sar = sb.path("sar");
    ok(&run(
        &sb,
        &with_key(),
        &[
            "sar",
            NAME,
            "--recipient",
            &public,
            "--out",
            &sar.display().to_string(),
        ],
    ));
    let json = sb.path("sar.json");
    assert!(bytes(&json).starts_with(b"age-encryption.org/v1\n"));
    let o = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&identity)
        .arg(&json)
        .output()
        .expect("age -d");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(contains(&o.stdout, EMAIL));
}

/// `age -d FILE` in a pseudo-terminal, typing the passphrase.
fn age_with_passphrase(file: &Path) -> Vec<u8> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let plain = file.with_extension("opened");
    let mut cmd = CommandBuilder::new("age");
    cmd.args(["-d", "-o"]);
    cmd.arg(&plain);
    cmd.arg(file);
    let mut child = pty.slave.spawn_command(cmd).expect("age");
    drop(pty.slave);
    let mut writer = pty.master.take_writer().expect("writer");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    while !contains(&seen, "passphrase") {
        let n = reader.read(&mut buf).expect("read the prompt");
        assert!(n > 0, "age ended: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    writer
        .write_all(format!("{PASS}\r").as_bytes())
        .expect("typed");
    let status = child.wait().expect("age ended");
    assert!(status.success(), "{}", String::from_utf8_lossy(&seen));
    bytes(&plain)
}

/// Every `--out` from an encrypted diary is an age file unless `--plain`:
/// the calendar, the successes list and the handover export too, as export,
/// sar and review are (and `casebook import` reads the handover back).
#[test]
fn every_out_from_an_encrypted_diary_is_an_age_file() {
    let sb = filled();
    ok(&run(
        &sb,
        &[],
        &["log", "--who", NAME, "--follow-up", "2026-03-05", LATER],
    ));
    encrypt(&sb);
    // The diary opens from the session; the file still needs a passphrase.
    ok(&run(&sb, &with_key(), &["unlock"]));
    let commands: [(&str, &[&str]); 3] = [
        ("calendar.ics", &["calendar"]),
        ("successes.md", &["successes"]),
        (
            "handover.json",
            &["handover", "--rest", "anonymise", "--yes"],
        ),
    ];
    for (file, args) in commands {
        let out = sb.path(file);
        let mut argv = args.to_vec();
        let shown = out.display().to_string();
        argv.extend(["--out", &shown]);
        // No passphrase for the file and no terminal: one line, nothing written.
        let err = assert_fails_one_line(&run(&sb, &[], &argv));
        assert!(err.contains("--plain"), "{file}: {err}");
        assert!(!out.exists(), "{file} written without a passphrase");
        let o = run(&sb, &with_key(), &argv);
        ok(&o);
        assert!(
            stderr(&o).contains("encrypted with age"),
            "{file}: {}",
            stderr(&o)
        );
        assert!(
            bytes(&out).starts_with(b"age-encryption.org/v1\n"),
            "{file} is not an age file"
        );
        assert!(!contains(&bytes(&out), NAME), "{file} holds the name");
    }
    // The successor reads the sealed handover with `casebook import`.
    let other = Sandbox::new();
    ok(&run(
        &other,
        &with_key(),
        &[
            "--no-encryption",
            "import",
            &sb.path("handover.json").display().to_string(),
        ],
    ));
    // --plain writes plain text, and says so.
    let plain = sb.path("plain.ics");
    let o = run(
        &sb,
        &with_key(),
        &["calendar", "--plain", "--out", &plain.display().to_string()],
    );
    ok(&o);
    assert!(
        stderr(&o).contains("unencrypted (--plain)"),
        "{}",
        stderr(&o)
    );
    assert!(bytes(&plain).starts_with(b"BEGIN:VCALENDAR"));
    ok(&run(&sb, &[], &["lock"]));
}

/// The passphrase prompt at 80 columns in Welsh, for a diary whose path is
/// long: the question breaks between words, so the path stands whole on
/// its own line rather than cut by the terminal mid-word.
#[test]
fn the_welsh_prompt_breaks_between_words_at_80_columns() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    use std::time::{Duration, Instant};

    let sb = Sandbox::new();
    let db = sb
        .db
        .with_file_name("dyddiadur-y-cynghorydd-ar-gyfer-ward-llanfairpwll.db");
    drop(Store::open_with_key(&db, Some(&key())).expect("a new encrypted diary"));
    let path = db.display().to_string();
    assert!(
        path.len() < 79 && path.len() + "Cyfrinymadrodd ar gyfer : ".len() > 80,
        "the path makes the question wrap: {path}"
    );
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_casebook"));
    cmd.env("LANG", "C");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    cmd.arg("--db");
    cmd.arg(&db);
    cmd.args(["due", "--lang", "cy"]);
    cmd.env("CASEBOOK_CONFIG", &sb.config);
    cmd.env("CASEBOOK_NOW", "2026-03-01T09:00");
    cmd.env("TERM", "xterm-256color");
    cmd.env("CASEBOOK_RUNTIME_DIR", sb.runtime());
    cmd.env_remove("CASEBOOK_PASSPHRASE");
    let mut child = pty.slave.spawn_command(cmd).expect("spawned");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(24, 80, 0);
    let start = Instant::now();
    let screen = loop {
        while let Ok(bytes) = rx.try_recv() {
            parser.process(&bytes);
        }
        let screen = parser.screen().contents();
        if screen.contains(&format!("{path}:")) {
            // Row by row, as the terminal shows them.
            break parser.screen().rows(0, 80).collect::<Vec<String>>();
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the question did not show whole; the screen shows:\n{screen}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = child.kill();
    let question = screen
        .iter()
        .position(|row| row.trim_end() == "Cyfrinymadrodd ar gyfer")
        .unwrap_or_else(|| panic!("the question is cut mid-word:\n{}", screen.join("\n")));
    assert!(
        screen[question + 1].starts_with(&format!("{path}:")),
        "the path stands whole on the next row:\n{}",
        screen.join("\n")
    );
}
