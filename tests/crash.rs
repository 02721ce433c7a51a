//! Durability: the real binary is killed (SIGKILL) at random moments while it
//! writes; every entry it acknowledged must be there afterwards and the file
//! must pass `integrity_check`. And two programs at once: each sees the
//! other's writes.
//!
//! `CASEBOOK_CRASH_KILLS` (default 200) sets how many kills; `CASEBOOK_CRASH_SEED`
//! (default 1) the seed of the delays, so a failing run can be repeated.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use casebook::store::Store;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const BIN: &str = env!("CARGO_BIN_EXE_casebook");

struct Diary {
    _dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
}

fn diary() -> Diary {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("casebook.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").expect("config");
    Diary {
        _dir: dir,
        db,
        config,
    }
}

fn casebook(d: &Diary) -> Command {
    let mut c = Command::new(BIN);
    // English, whatever the locale of the machine running the tests.
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c.arg("--db")
        .arg(&d.db)
        .env("CASEBOOK_CONFIG", &d.config)
        .env("CASEBOOK_NOW", "2026-03-02T10:00")
        .env_remove("CASEBOOK_DB");
    c
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn entry_texts(db: &Path) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn.prepare("SELECT text FROM entries").expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

#[test]
fn acknowledged_entries_survive_sigkill() {
    let kills = env_number("CASEBOOK_CRASH_KILLS", 200);
    let seed = env_number("CASEBOOK_CRASH_SEED", 1);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let d = diary();
    let started = Instant::now();
    let mut acknowledged = Vec::new();
    let mut killed_mid_run = 0;
    for i in 0..kills {
        let text = format!("crash test entry s{seed}-n{i}");
        let mut child = casebook(&d)
            .args(["log", "--who", "Crash Test", "--kind", "note", &text])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn casebook");
        // Every tenth run is left to finish, so that some acknowledgements
        // are certain whatever the speed of the machine.
        if i % 10 != 9 {
            let delay = rng.random_range(0..15_000u64);
            std::thread::sleep(Duration::from_micros(delay));
            if matches!(child.try_wait(), Ok(None)) {
                killed_mid_run += 1;
            }
            child.kill().expect("SIGKILL");
        }
        let status = child.wait().expect("wait");
        let mut out = String::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_string(&mut out)
            .expect("read stdout");
        // The acknowledgement is the printed line ("unfiled").
        if out.trim() == "unfiled" {
            acknowledged.push(text);
        } else if i % 10 == 9 {
            panic!("an uninterrupted run failed: {status:?} {out:?}");
        }
    }
    let elapsed = started.elapsed();
    let present = entry_texts(&d.db);
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|t| !present.contains(*t))
        .collect();
    eprintln!(
        "crash test: {kills} runs (seed {seed}) in {elapsed:.1?}: {killed_mid_run} killed mid-run, \
         {} acknowledged, {} entries in the file, {} lost",
        acknowledged.len(),
        present.len(),
        lost.len()
    );
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    assert!(acknowledged.len() as u64 >= kills / 10);
    assert_eq!(integrity(&d.db), "ok");
    // Nothing was written that was not asked for.
    assert!(present.iter().all(|t| t.starts_with("crash test entry s")));
    // The real check agrees, and the diary still takes entries.
    let check = casebook(&d).arg("check").output().expect("check");
    assert!(check.status.success(), "{check:?}");
    let after = casebook(&d)
        .args(["log", "--who", "Crash Test", "after the crashes"])
        .output()
        .expect("log");
    assert!(after.status.success(), "{after:?}");
}

#[test]
fn a_second_connection_sees_each_commit() {
    let d = diary();
    let mut writer = Store::open(&d.db).expect("writer");
    let reader = Store::open(&d.db).expect("reader");
    let before = reader.data_version().expect("data_version");
    let unchanged = reader.data_version().expect("data_version");
    assert_eq!(before, unchanged, "no commit, no change");
    writer
        .log(&casebook::store::LogRequest {
            who: casebook::store::Who::Named("Ann Other".into()),
            case: None,
            kind: casebook::domain::EntryKind::CallIn,
            at: chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
                .and_then(|d| d.and_hms_opt(10, 0, 0))
                .expect("date"),
            text: "streetlight out on Heol y Bryn".into(),
            follow_up: None,
            confidential: false,
            surgery: None,
        })
        .expect("log");
    assert_ne!(reader.data_version().expect("data_version"), before);
    assert_eq!(reader.counts().expect("counts").entries, 1);
    assert_eq!(reader.search("heol", 10).expect("search").len(), 1);
}

/// The UI keeps the diary open while `casebook log` runs from a shell: both
/// work, and the open one notices the new entry.
#[test]
fn the_ui_and_the_shell_at_once() {
    let d = diary();
    let ui = Store::open(&d.db).expect("open like the UI");
    let before = ui.data_version().expect("data_version");
    let out = casebook(&d)
        .args(["log", "--who", "Bob Shell", "logged from a shell"])
        .output()
        .expect("log");
    assert!(out.status.success(), "{out:?}");
    assert_ne!(ui.data_version().expect("data_version"), before);
    assert_eq!(ui.counts().expect("counts").entries, 1);
    // And several shells at once queue rather than fail.
    let children: Vec<_> = (0..4)
        .map(|i| {
            casebook(&d)
                .args(["log", "--who", "Bob Shell", &format!("parallel {i}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        assert!(out.status.success(), "{out:?}");
    }
    assert_eq!(ui.counts().expect("counts").entries, 5);
}
