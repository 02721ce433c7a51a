//! Encryption at rest (SQLCipher), through the real binary: the diary, its
//! write-ahead log and its backups hold no readable personal text; a wrong
//! passphrase is one line and exit 1 with the file unchanged; encrypt and
//! decrypt lose nothing; plain diaries never ask for a passphrase.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use casebook::domain::{Contact, ContactKind};
use casebook::store::{Passphrase, Store};
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
    cmd.arg("--db")
        .arg(&sb.db)
        .args(args)
        .env("CASEBOOK_CONFIG", &sb.config)
        .env("CASEBOOK_NOW", "2026-03-01T09:00")
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
    ok(&run(
        sb,
        &[("CASEBOOK_NEW_PASSPHRASE", PASS)],
        &["encrypt"],
    ))
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
