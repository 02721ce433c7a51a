//! Helpers shared by the tests of the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use casebook::store::Store;

pub mod pty;
pub mod ui;

/// A tempdir with an empty config file and a diary path in it; every run of
/// the binary gets them explicitly, so the user's own files are never read.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub db: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").expect("write config");
        let db = dir.path().join("casebook.db");
        Sandbox { dir, config, db }
    }

    /// The key agent's folder for this sandbox (never the user's own).
    pub fn runtime(&self) -> PathBuf {
        self.dir.path().join("run")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }

    /// Runs casebook with `--db` this sandbox's diary.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_db(&self.db, args)
    }

    pub fn run_with_db(&self, db: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_casebook"))
            // English, whatever the locale of the machine running the tests.
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg("--db")
            .arg(db)
            .args(args)
            .env("CASEBOOK_CONFIG", &self.config)
            .env("CASEBOOK_NOW", "2026-03-01T09:00")
            .env("CASEBOOK_RUNTIME_DIR", self.runtime())
            .env_remove("CASEBOOK_DB")
            .output()
            .expect("run casebook")
    }

    pub fn store(&self) -> Store {
        Store::open(&self.db).expect("open the diary")
    }

    /// The whole diary as the lossless JSON export: equal snapshots mean
    /// nothing changed.
    pub fn snapshot(&self) -> Vec<u8> {
        if !self.db.exists() {
            return Vec::new();
        }
        let (doc, _) = self.store().export_all(true).expect("export");
        doc.to_bytes().expect("json")
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts exit 1 with a message that starts `casebook:`, never a panic.
pub fn assert_fails(o: &Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "expected exit 1; stderr: {err}");
    assert!(err.starts_with("casebook: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// As [`assert_fails`], and the message is one line.
pub fn assert_fails_one_line(o: &Output) -> String {
    let err = assert_fails(o);
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    err
}
