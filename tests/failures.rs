//! Failures met cleanly: each gives one clear line on stderr, exit 1, no
//! panic, and the diary is left exactly as it was. Also the backup, restore
//! and check commands of the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_casebook");

struct Diary {
    dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
}

impl Diary {
    fn new() -> Diary {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("casebook.db");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").expect("config");
        Diary { dir, db, config }
    }

    fn backups(&self) -> PathBuf {
        self.dir.path().join("backups")
    }

    fn cmd(&self, now: &str) -> Command {
        let mut c = Command::new(BIN);
        // English, whatever the locale of the machine running the tests.
        c.env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        c.arg("--db")
            .arg(&self.db)
            .env("CASEBOOK_CONFIG", &self.config)
            .env("CASEBOOK_NOW", now)
            .env_remove("CASEBOOK_DB")
            .env_remove("CASEBOOK_BUSY_TIMEOUT_MS");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd("2026-03-02T10:00")
            .args(args)
            .output()
            .expect("run casebook")
    }

    fn log(&self, text: &str) -> Output {
        self.run(&["log", "--who", "Sian Jones", text])
    }

    /// A diary with two entries and today's automatic backup.
    fn with_entries(self) -> Diary {
        ok(&self.log("bins not collected on Heol y Bryn"));
        ok(&self.log("called back about the bins"));
        assert!(self.backups().join("casebook-2026-03-02.db").is_file());
        self
    }
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "expected success: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exit 1, no panic, and stderr is exactly one line naming the problem.
fn fails_with(out: &Output, needle: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "exit status; stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("casebook: "), "{err}");
    assert!(err.contains(needle), "expected {needle:?} in {err}");
    err
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn entry_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .expect("count")
}

/// The page size and the root page of `table`, to damage it on purpose.
fn root_page(db: &Path, table: &str) -> (u64, u64) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let size: u64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .expect("page_size");
    let root: u64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [table],
            |r| r.get(0),
        )
        .expect("rootpage");
    (size, root)
}

fn scribble(db: &Path, from: u64, len: usize) {
    let mut b = bytes(db);
    for (i, byte) in b.iter_mut().skip(from as usize).take(len).enumerate() {
        *byte = (i * 7 + 13) as u8;
    }
    std::fs::write(db, b).expect("write");
}

#[test]
fn a_file_that_is_not_a_database() {
    let d = Diary::new();
    std::fs::write(&d.db, "reference,opened,title\n2026-0001,2026-01-05,Bins\n").expect("write");
    let before = bytes(&d.db);
    fails_with(&d.log("hello"), "is not a casebook database");
    fails_with(&d.run(&["check"]), "is not a casebook database");
    fails_with(&d.run(&["backup"]), "is not a casebook database");
    assert_eq!(bytes(&d.db), before);
    assert!(!sibling(&d.db, "-wal").exists());
}

#[test]
fn another_programs_sqlite_file_is_not_taken_over() {
    let d = Diary::new();
    {
        let conn = rusqlite::Connection::open(&d.db).expect("open");
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('cawl');",
        )
        .expect("other app");
    }
    let before = bytes(&d.db);
    fails_with(&d.log("hello"), "not a casebook diary");
    assert_eq!(bytes(&d.db), before);
}

#[test]
fn a_damaged_schema_is_named_with_the_latest_backup() {
    let d = Diary::new().with_entries();
    // Page 1 after the 100-byte header holds the schema table.
    scribble(&d.db, 100, 400);
    let before = bytes(&d.db);
    let backup = d.backups().join("casebook-2026-03-02.db");
    let err = fails_with(&d.log("hello"), "is damaged");
    assert!(err.contains(&backup.display().to_string()), "{err}");
    assert_eq!(bytes(&d.db), before, "nothing written to a damaged file");

    // `check` says so too, naming the backup; then `restore` brings it back.
    let check = d.run(&["check"]);
    let err = fails_with(&check, "is damaged");
    assert!(err.contains("casebook restore"), "{err}");
    let out = ok(&d.run(&["restore", &backup.display().to_string()]));
    // The backup was made at the day's second open, before the second entry.
    assert!(out.contains("entries: 1,"), "{out}");
    let kept = d.dir.path().join("casebook.db.replaced-2026-03-02T1000");
    assert!(out.contains(&kept.display().to_string()), "{out}");
    assert_eq!(
        bytes(&kept),
        before,
        "the damaged file was kept aside as it was"
    );
    ok(&d.run(&["check"]));
    assert_eq!(entry_count(&d.db), 1);
    ok(&d.log("after the restore"));
    assert_eq!(entry_count(&d.db), 2);
}

#[test]
fn check_finds_a_damaged_table() {
    let d = Diary::new().with_entries();
    let (size, root) = root_page(&d.db, "entries");
    scribble(&d.db, (root - 1) * size, size as usize);
    let out = d.run(&["check"]);
    let err = fails_with(&out, "is damaged");
    assert!(err.contains("problem(s) found"), "{err}");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("integrity_check:"), "{report}");
    assert!(!report.contains("integrity_check: ok"), "{report}");
    // A damaged backup is refused by restore, and changes nothing.
    let bad = d.dir.path().join("bad-copy.db");
    std::fs::copy(&d.db, &bad).expect("copy");
    let backups_before = bytes(&d.backups().join("casebook-2026-03-02.db"));
    let other = Diary::new().with_entries();
    let before = bytes(&other.db);
    fails_with(
        &other.run(&["restore", &bad.display().to_string()]),
        "is damaged",
    );
    assert_eq!(bytes(&other.db), before);
    assert_eq!(
        bytes(&d.backups().join("casebook-2026-03-02.db")),
        backups_before
    );
}

#[test]
fn a_healthy_diary_checks_ok() {
    let d = Diary::new().with_entries();
    let out = ok(&d.run(&["check"]));
    for line in [
        "quick_check: ok",
        "integrity_check: ok",
        "foreign_key_check: ok",
        "healthy",
    ] {
        assert!(out.contains(line), "{out}");
    }
    fails_with(&Diary::new().run(&["check"]), "there is no diary at");
}

#[test]
fn a_file_locked_by_a_long_write() {
    let d = Diary::new().with_entries();
    let holder = rusqlite::Connection::open(&d.db).expect("open");
    holder.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    let out = d
        .cmd("2026-03-02T10:00")
        .env("CASEBOOK_BUSY_TIMEOUT_MS", "200")
        .args(["log", "--who", "Sian Jones", "while locked"])
        .output()
        .expect("run");
    fails_with(&out, "is locked by another program");
    holder.execute_batch("ROLLBACK").expect("unlock");
    drop(holder);
    assert_eq!(entry_count(&d.db), 2, "nothing saved");
}

#[test]
fn a_short_lock_is_waited_for() {
    // With the real 5-second timeout, a write that finishes soon is queued
    // behind, not refused.
    let d = Diary::new().with_entries();
    let db = d.db.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch("BEGIN IMMEDIATE").expect("lock");
        tx.send(()).expect("send");
        std::thread::sleep(std::time::Duration::from_millis(400));
        conn.execute_batch("COMMIT").expect("unlock");
    });
    rx.recv().expect("locked");
    ok(&d.log("queued behind the lock"));
    holder.join().expect("holder");
    assert_eq!(entry_count(&d.db), 3);
}

/// Permission bits do not stop root (tests often run as root): there, the
/// file or folder is made immutable with `chattr +i` instead. Where neither
/// works the test fails saying why: it never passes without testing.
struct ReadOnly(PathBuf, bool);

impl ReadOnly {
    fn make(path: &Path) -> ReadOnly {
        Self::try_make(path).unwrap_or_else(|| {
            panic!(
                "cannot make {} read-only: running as root and `chattr +i` is not available on this file system",
                path.display()
            )
        })
    }

    fn try_make(path: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        let probe = path.parent().expect("parent").join(".permission-probe");
        std::fs::write(&probe, "x").expect("probe");
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        let bypassed = std::fs::OpenOptions::new()
            .append(true)
            .open(&probe)
            .is_ok();
        std::fs::remove_file(&probe).expect("remove probe");
        if !bypassed {
            let mode = if path.is_dir() { 0o555 } else { 0o444 };
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
            return Some(ReadOnly(path.to_path_buf(), false));
        }
        let done = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .output()
            .is_ok_and(|o| o.status.success());
        done.then(|| ReadOnly(path.to_path_buf(), true))
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        } else {
            let mode = if self.0.is_dir() { 0o755 } else { 0o644 };
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(mode));
        }
    }
}

#[test]
fn a_read_only_file() {
    let d = Diary::new().with_entries();
    let before = bytes(&d.db);
    let _guard = ReadOnly::make(&d.db);
    fails_with(&d.log("hello"), "read-only");
    assert_eq!(bytes(&d.db), before);
    assert!(!sibling(&d.db, "-wal").exists(), "nothing left beside it");
}

#[test]
fn a_read_only_folder() {
    let d = Diary::new().with_entries();
    let before = bytes(&d.db);
    let _guard = ReadOnly::make(d.dir.path());
    let out = d.log("hello");
    let err = fails_with(&out, &d.db.display().to_string());
    assert!(
        err.contains("permissions") || err.contains("read-only"),
        "{err}"
    );
    assert_eq!(bytes(&d.db), before);
}

/// A tiny tmpfs stands for a full disk. Mounting needs root, so the tests
/// that use it are ignored unless asked for (`--ignored`); asked for
/// without root, they fail saying why. The store-level test with
/// `max_page_count` in src/store/maintenance.rs always runs.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Mounts a tmpfs of `size` at `dir`, or fails the test saying why.
fn mount_small(dir: &Path, size: &str) -> Mount {
    let out = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .output();
    match out {
        Ok(o) if o.status.success() => Mount(dir.to_path_buf()),
        Ok(o) => panic!(
            "cannot mount a small tmpfs (needs root): {}",
            String::from_utf8_lossy(&o.stderr).trim()
        ),
        Err(e) => panic!("cannot run mount: {e}"),
    }
}

#[test]
#[ignore = "mounts a small tmpfs (needs root): cargo test --test failures -- --ignored"]
fn a_full_disk() {
    let d = Diary::new();
    let small = d.dir.path().join("small");
    std::fs::create_dir(&small).expect("mkdir");
    // Room for a new diary (schema 7's sync triggers take ~300 KiB with the
    // write-ahead log) and two entries, not for the third's ~860 KiB.
    let _mount = mount_small(&small, "1m");
    let db = small.join("casebook.db");
    std::fs::write(
        &d.config,
        format!("[backup]\ndir = {:?}\n", d.backups().display().to_string()),
    )
    .expect("config");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--db")
            .arg(&db)
            .env("CASEBOOK_CONFIG", &d.config)
            .env("CASEBOOK_NOW", "2026-03-02T10:00")
            .args(args)
            .output()
            .expect("run")
    };
    ok(&run(&["log", "--who", "Sian Jones", "a small first entry"]));
    ok(&run(&[
        "log",
        "--who",
        "Sian Jones",
        "a small second entry",
    ]));
    // The text is given in pieces: one argument may not exceed 128 KiB.
    let piece = "lorem ipsum dolor sit amet ".repeat(4000);
    let mut args = vec!["log", "--who", "Sian Jones"];
    args.extend(std::iter::repeat_n(piece.as_str(), 8));
    fails_with(&run(&args), "is full: nothing was saved");
    assert_eq!(entry_count(&db), 2);
    let conn = rusqlite::Connection::open(&db).expect("open");
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(verdict, "ok");
}

#[test]
fn a_diary_from_a_newer_casebook_is_never_modified() {
    let d = Diary::new().with_entries();
    {
        let conn = rusqlite::Connection::open(&d.db).expect("open");
        conn.execute_batch("PRAGMA user_version = 99")
            .expect("set version");
    }
    assert!(!sibling(&d.db, "-wal").exists());
    let before = bytes(&d.db);
    let err = fails_with(&d.log("hello"), "written by a newer casebook");
    assert!(err.contains("schema version 99"), "{err}");
    fails_with(&d.run(&["backup"]), "written by a newer casebook");
    assert_eq!(bytes(&d.db), before);
    assert!(!sibling(&d.db, "-wal").exists());
    // Nor restored over an older diary.
    let older = Diary::new().with_entries();
    let older_before = bytes(&older.db);
    fails_with(
        &older.run(&["restore", &d.db.display().to_string()]),
        "written by a newer casebook",
    );
    assert_eq!(bytes(&older.db), older_before);
}

#[test]
fn backup_writes_a_verified_copy_and_never_overwrites() {
    let d = Diary::new().with_entries();
    let out = ok(&d.run(&["backup"]));
    let made = PathBuf::from(out.trim());
    assert_eq!(made, d.backups().join("casebook-2026-03-02T100000.db"));
    let conn = rusqlite::Connection::open(&made).expect("open backup");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 2);
    drop(conn);
    // Same second again: a second name, the first copy untouched.
    let before = bytes(&made);
    let again = PathBuf::from(ok(&d.run(&["backup"])).trim());
    assert_eq!(again, d.backups().join("casebook-2026-03-02T100000-2.db"));
    assert_eq!(bytes(&made), before);
    // To a named file, and into a named folder.
    let named = d.dir.path().join("usb-copy.db");
    ok(&d.run(&["backup", &named.display().to_string()]));
    assert!(named.is_file());
    let folder = d.dir.path().join("usb");
    std::fs::create_dir(&folder).expect("mkdir");
    let out = ok(&d.run(&["backup", &folder.display().to_string()]));
    assert!(
        out.trim().starts_with(&folder.display().to_string()),
        "{out}"
    );
    fails_with(
        &d.run(&["backup", "/no/such/folder/copy.db"]),
        "does not exist",
    );
}

#[test]
fn restore_refuses_while_the_diary_is_open_elsewhere() {
    let d = Diary::new().with_entries();
    let backup = d.backups().join("casebook-2026-03-02.db");
    let ui = casebook::store::Store::open(&d.db).expect("open like the UI");
    fails_with(
        &d.run(&["restore", &backup.display().to_string()]),
        "open in another program",
    );
    assert_eq!(ui.counts().expect("counts").entries, 2);
    drop(ui);
    let leftovers: Vec<String> = std::fs::read_dir(d.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restoring") || n.contains("replaced"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn restore_refuses_what_is_not_a_casebook_backup() {
    let d = Diary::new().with_entries();
    let before = bytes(&d.db);
    let text = d.dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some notes").expect("write");
    fails_with(
        &d.run(&["restore", &text.display().to_string()]),
        "is not a casebook database",
    );
    fails_with(
        &d.run(&["restore", "/no/such/backup.db"]),
        "there is no database file at",
    );
    fails_with(
        &d.run(&["restore", &d.db.display().to_string()]),
        "is the diary itself",
    );
    assert_eq!(bytes(&d.db), before);
}

#[test]
fn restore_brings_back_the_entries_of_the_backup() {
    let d = Diary::new().with_entries();
    let backup = d.backups().join("casebook-2026-03-02.db");
    // Later work, then a restore of the morning's copy.
    ok(&d.log("a third entry, after the backup"));
    let out = ok(&d.run(&["restore", &backup.display().to_string()]));
    assert!(out.contains("the replaced diary was kept as"), "{out}");
    assert_eq!(
        entry_count(&d.db),
        1,
        "the backup was made before the second entry"
    );
    let kept = d.dir.path().join("casebook.db.replaced-2026-03-02T1000");
    assert_eq!(entry_count(&kept), 3);
    assert!(!sibling(&d.db, "-wal").exists() || entry_count(&d.db) == 1);
    // A second restore in the same minute keeps the first replaced file.
    ok(&d.run(&["restore", &backup.display().to_string()]));
    assert!(
        d.dir
            .path()
            .join("casebook.db.replaced-2026-03-02T1000-2")
            .is_file()
    );
    assert_eq!(entry_count(&kept), 3);
}

#[test]
fn daily_backups_roll_over_the_weeks() {
    let d = Diary::new();
    // Forty days of work, from Monday 2026-03-02.
    let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    for day in 0..40u64 {
        let date = first + chrono::Days::new(day);
        let now = format!("{date}T09:00");
        for n in 0..2 {
            let out = d
                .cmd(&now)
                .args(["log", "--who", "Sian Jones", &format!("day {day} call {n}")])
                .output()
                .expect("run");
            ok(&out);
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(d.backups())
        .expect("backups")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Days 34–39 (2026-04-05 … 04-10) are the last seven with the 4th; the
    // newest of the ISO weeks before: Sundays 03-29 and 03-22.
    let expected: Vec<String> = [
        "2026-03-22",
        "2026-03-29",
        "2026-04-04",
        "2026-04-05",
        "2026-04-06",
        "2026-04-07",
        "2026-04-08",
        "2026-04-09",
        "2026-04-10",
    ]
    .iter()
    .map(|s| format!("casebook-{s}.db"))
    .collect();
    assert_eq!(names, expected);
}

#[test]
fn a_failed_automatic_backup_only_warns() {
    let d = Diary::new();
    // The backups "folder" is a file: the copy cannot be made.
    std::fs::write(d.dir.path().join("blocker"), "x").expect("write");
    std::fs::write(
        &d.config,
        format!(
            "[backup]\ndir = {:?}\n",
            d.dir
                .path()
                .join("blocker")
                .join("backups")
                .display()
                .to_string()
        ),
    )
    .expect("config");
    ok(&d.log("first"));
    let out = d.log("second");
    let stdout = ok(&out);
    assert_eq!(stdout.trim(), "unfiled");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .any(|l| l.starts_with("casebook: warning: today's automatic backup was not made")),
        "{err}"
    );
    assert_eq!(entry_count(&d.db), 2);
}

/// Disk full between an erasure and its wipe: the erasure is either not
/// saved (and says so) or saved with the wipe recorded as pending, which the
/// next open finishes once there is room. Never "disk full" with the name
/// silently left in the file.
#[test]
#[ignore = "mounts a small tmpfs (needs root): cargo test --test failures -- --ignored"]
fn a_full_disk_during_an_erasure() {
    let d = Diary::new();
    let small = d.dir.path().join("small");
    std::fs::create_dir(&small).expect("mkdir");
    let _mount = mount_small(&small, "4m");
    let db = small.join("casebook.db");
    std::fs::write(&d.config, "[backup]\nautomatic = false\n").expect("config");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--db")
            .arg(&db)
            .env("CASEBOOK_CONFIG", &d.config)
            .env("CASEBOOK_NOW", "2026-03-02T10:00")
            .env("CASEBOOK_BUSY_TIMEOUT_MS", "200")
            .args(args)
            .output()
            .expect("run")
    };
    let piece = "Quentinella Marchbanks rang about the damp in the back bedroom. ".repeat(1000);
    for _ in 0..5 {
        ok(&run(&["log", "--who", "Quentinella Marchbanks", &piece]));
    }
    // Leave less room than the wipe needs (it rewrites the whole file).
    let size = std::fs::metadata(&db).expect("size").len();
    let filler = small.join("filler");
    let free = {
        let out = Command::new("df")
            .arg("-B1")
            .arg("--output=avail")
            .arg(&small)
            .output()
            .expect("df");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse::<u64>().ok())
            .expect("free bytes")
    };
    // About half the file's size: room for the erasure, not for its wipe
    // (measured; with more room both fit, with less the erasure is refused
    // — either way the assertions below hold).
    let leave = size * 56 / 100;
    std::fs::write(&filler, vec![0u8; free.saturating_sub(leave) as usize]).expect("filler");
    let out = run(&["erase", "Quentinella Marchbanks", "--yes"]);
    let marker = small.join("casebook.db.wipe-pending");
    if out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        if marker.exists() {
            assert!(err.contains("finishes the wipe"), "{err}");
        }
    } else {
        fails_with(&out, "nothing was saved");
        assert!(!marker.exists());
        return;
    }
    std::fs::remove_file(&filler).expect("room again");
    ok(&run(&["due"]));
    assert!(!marker.exists(), "the wipe was finished");
    for file in [db.clone(), sibling(&db, "-wal")] {
        let holds = std::fs::read(&file).is_ok_and(|b| b.windows(12).any(|w| w == b"Quentinella "));
        assert!(!holds, "{} still holds the name", file.display());
    }
}
