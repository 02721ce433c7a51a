//! `casebook encrypt`, `decrypt` and `passphrase`, and where a passphrase
//! comes from: `CASEBOOK_PASSPHRASE` (scripts), else a prompt on the
//! terminal that does not echo. Plain diaries never ask.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::{Env, stdout_error};
use crate::store::{self, Passphrase, RawKey};
use crate::{Error, Result};
use crate::{agent, backup};

/// The passphrase of an encrypted diary, for scripts.
pub const PASSPHRASE_VAR: &str = "CASEBOOK_PASSPHRASE";
/// The new passphrase for `encrypt` and `passphrase`, for scripts.
pub const NEW_PASSPHRASE_VAR: &str = "CASEBOOK_NEW_PASSPHRASE";

/// How many times a prompt asks before giving up.
const ATTEMPTS: usize = 3;

/// What these commands say, kept together.
mod say {
    pub const ASK_NEW: &str = "New passphrase (at least 8 characters; it cannot be recovered): ";
    pub const ASK_AGAIN: &str = "The same passphrase again: ";
    pub const MISMATCH: &str = "the two passphrases differ: nothing was changed";
    pub const ENCRYPTED: &str =
        "is now encrypted: keep the passphrase safe, without it the diary cannot be read";
    pub const DECRYPTED: &str =
        "is now unencrypted: anyone who can read the file can read the diary";
    pub const CHANGED: &str = "the passphrase was changed";
    pub const OLD_BACKUPS: &str = "these older copies are NOT encrypted and still hold the diary in the clear; delete them once a new backup is made (`casebook backup`):";
    pub const KEYED_BACKUPS: &str =
        "backups made before this stay encrypted with the passphrase they were made with";
    pub const NOT_OVERWRITTEN: &str = "warning: the old file could not be overwritten before removal; its bytes may remain in the disk's free space";
    pub const NOT_ENCRYPTED: &str = "is not encrypted: there is nothing to unlock";
    pub const UNLOCKED: &str =
        "is unlocked for this session: commands will not ask the passphrase until it is unused for";
    pub const ALREADY: &str = "is already unlocked";
    pub const UNLOCK_OFF: &str = "[privacy] unlock_timeout_seconds is 0 in the config: every command asks the passphrase, there is no session to start";
    pub const NO_AGENT: &str = "the session could not be kept (the casebook agent did not start): every command will ask the passphrase";
    pub const LOCKED: &str = "locked: the next command asks the passphrase";
    pub const NOT_RUNNING: &str = "no session was unlocked";
    pub const OFFER: &str = "A new diary. It will hold constituents' personal data: protect it with a passphrase, so a lost or stolen laptop gives nothing away.";
    pub const OFFER_ASK: &str = "Encrypt the new diary with a passphrase? [Y/n] ";
    pub const PLAIN_NOTE: &str = "note: created the new diary unencrypted (no terminal to ask a passphrase on); set CASEBOOK_PASSPHRASE to create it encrypted, or run `casebook encrypt`:";
    pub const CREATED_PLAIN: &str =
        "the new diary is not encrypted; `casebook encrypt` protects it later";
}

/// Runs `f` with the passphrase of the file at `path`: `None` when the file
/// is plain (nothing is asked), else `CASEBOOK_PASSPHRASE` (tried once) or a
/// prompt (up to three tries while `f` says the passphrase is wrong). `f`
/// opens the file with it, so the slow key derivation is paid once a try.
pub fn with_passphrase<T>(
    path: &Path,
    mut f: impl FnMut(Option<&Passphrase>) -> Result<T>,
) -> Result<T> {
    if !store::is_encrypted(path) {
        return f(None);
    }
    if let Some(p) = from_env(PASSPHRASE_VAR)? {
        return f(Some(&p));
    }
    let mut tries = 0;
    loop {
        let p = prompt(
            &format!("Passphrase for {}: ", path.display()),
            path,
            PASSPHRASE_VAR,
        )?;
        tries += 1;
        match f(Some(&p)) {
            Err(e @ Error::WrongPassphrase { .. }) if tries < ATTEMPTS => {
                super::note(&e);
            }
            other => return other,
        }
    }
}

/// Runs `f` with the key of the diary at `path`, as [`with_passphrase`],
/// but the agent is asked first (its raw key skips the slow derivation),
/// and a passphrase given is derived into the raw key once. A passphrase
/// typed at the prompt starts a session of `session` (the agent keeps the
/// key); one from `CASEBOOK_PASSPHRASE` does not (a script stays
/// stateless). A key the agent holds that no longer opens the file (the
/// passphrase was changed elsewhere) is dropped and the passphrase asked.
pub fn with_diary_key<T>(
    path: &Path,
    session: Option<Duration>,
    mut f: impl FnMut(Option<&Passphrase>) -> Result<T>,
) -> Result<T> {
    if !store::is_encrypted(path) {
        return f(None);
    }
    agent::protect_process();
    if let Some(raw) = agent::get(path) {
        match f(Some(&Passphrase::from_raw(&raw))) {
            Err(Error::WrongPassphrase { .. }) => agent::forget(path),
            other => return other,
        }
    }
    if let Some(p) = from_env(PASSPHRASE_VAR)? {
        let raw = RawKey::derive(path, &p)?;
        return f(Some(&Passphrase::from_raw(&raw)));
    }
    let mut tries = 0;
    loop {
        let p = prompt(
            &format!("Passphrase for {}: ", path.display()),
            path,
            PASSPHRASE_VAR,
        )?;
        tries += 1;
        let raw = RawKey::derive(path, &p)?;
        match f(Some(&Passphrase::from_raw(&raw))) {
            Ok(value) => {
                if let Some(idle) = session {
                    agent::put(path, &raw, idle);
                }
                return Ok(value);
            }
            Err(e @ Error::WrongPassphrase { .. }) if tries < ATTEMPTS => {
                eprintln!("casebook: {e}");
            }
            Err(e) => return Err(e),
        }
    }
}

/// True when there is no diary at `path` yet (or an empty file, which
/// SQLite takes for a new database).
pub fn is_new_diary(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) => meta.is_file() && meta.len() == 0,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Creates the new diary at `env.db_path`, encrypted unless asked not to:
/// `--no-encryption` or `[privacy] no_encryption` make it plain;
/// `CASEBOOK_PASSPHRASE` encrypts it with that passphrase; at a terminal
/// the user is offered a passphrase (yes is the default) and a typed one
/// starts a session; with no terminal and no passphrase it is created plain
/// with a one-line note on stderr, so a script never waits on a prompt.
pub fn create_diary(env: &Env) -> Result<store::Store> {
    let db = env.db_path.as_path();
    if env.no_encryption {
        return store::Store::open(db);
    }
    if let Some(p) = from_env(PASSPHRASE_VAR)? {
        let p = check_new(p)?;
        return store::Store::open_with_key(db, Some(&p));
    }
    if !std::io::stdin().is_terminal() {
        let store = store::Store::open(db)?;
        eprintln!("casebook: {} {}", say::PLAIN_NOTE, db.display());
        return Ok(store);
    }
    eprintln!("{}", say::OFFER);
    if !ask_yes(say::OFFER_ASK)? {
        eprintln!("casebook: {}", say::CREATED_PLAIN);
        return store::Store::open(db);
    }
    let p = new_passphrase(db, false)?;
    agent::protect_process();
    let store = store::Store::open_with_key(db, Some(&p))?;
    // The file now has its salt: keep the session as a typed passphrase does.
    if let Some(idle) = session(env)
        && let Ok(raw) = RawKey::derive(db, &p)
    {
        agent::put(db, &raw, idle);
    }
    Ok(store)
}

/// A yes/no question on the terminal; Enter alone is yes.
fn ask_yes(question: &str) -> Result<bool> {
    let mut err = std::io::stderr();
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Error::io("cannot read the answer from the terminal", e))?;
    let answer = answer.trim().to_lowercase();
    Ok(!matches!(answer.as_str(), "n" | "no"))
}

/// How long the agent keeps a key, from the config (`None`: no session).
pub fn session(env: &Env) -> Option<Duration> {
    env.agent_timeout()
}

/// `casebook unlock`: asks the passphrase once (or reads
/// `CASEBOOK_PASSPHRASE`), checks it opens the diary, and hands the derived
/// key to the agent, so later commands ask nothing.
pub fn unlock(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if !store::is_encrypted(db) {
        writeln!(out, "{} {}", db.display(), say::NOT_ENCRYPTED).map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    let idle = session(env).ok_or_else(|| Error::invalid(say::UNLOCK_OFF))?;
    agent::protect_process();
    if agent::get(db)
        .is_some_and(|raw| store::verify_passphrase(db, &Passphrase::from_raw(&raw)).is_ok())
    {
        writeln!(out, "{} {}", db.display(), say::ALREADY).map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    let check = |p: &Passphrase| -> Result<RawKey> {
        let raw = RawKey::derive(db, p)?;
        store::verify_passphrase(db, &Passphrase::from_raw(&raw))?;
        Ok(raw)
    };
    let raw = match from_env(PASSPHRASE_VAR)? {
        Some(p) => check(&p)?,
        None => {
            let mut tries = 0;
            loop {
                let p = prompt(
                    &format!("Passphrase for {}: ", db.display()),
                    db,
                    PASSPHRASE_VAR,
                )?;
                tries += 1;
                match check(&p) {
                    Err(e @ Error::WrongPassphrase { .. }) if tries < ATTEMPTS => {
                        eprintln!("casebook: {e}");
                    }
                    other => break other?,
                }
            }
        }
    };
    if !agent::put(db, &raw, idle) {
        return Err(Error::invalid(say::NO_AGENT));
    }
    writeln!(
        out,
        "{} {} {}",
        db.display(),
        say::UNLOCKED,
        human_duration(idle)
    )
    .map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// `casebook lock`: the agent forgets every key and exits.
pub fn lock(out: &mut dyn Write) -> Result<ExitCode> {
    let said = if agent::lock() {
        say::LOCKED
    } else {
        say::NOT_RUNNING
    };
    writeln!(out, "{said}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// "15 minutes", "90 seconds".
fn human_duration(d: Duration) -> String {
    let secs = d.as_secs();
    match secs {
        60 => "1 minute".into(),
        s if s % 60 == 0 => format!("{} minutes", s / 60),
        1 => "1 second".into(),
        s => format!("{s} seconds"),
    }
}

fn from_env(var: &str) -> Result<Option<Passphrase>> {
    match std::env::var(var) {
        Ok(text) => Passphrase::new(text)
            .map(Some)
            .map_err(|_| Error::invalid(format!("{var} is set but empty"))),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(Error::invalid(format!("{var} is not valid UTF-8")))
        }
    }
}

/// A no-echo prompt on the terminal; refused (one line, no hang) when
/// casebook is not run from a terminal, naming the variable to set instead.
fn prompt(text: &str, path: &Path, var: &str) -> Result<Passphrase> {
    if !std::io::stdin().is_terminal() {
        let what = if var == PASSPHRASE_VAR {
            "is encrypted"
        } else {
            "needs a new passphrase"
        };
        return Err(Error::invalid(format!(
            "{} {what}: set {var} or run casebook in a terminal to type it",
            path.display()
        )));
    }
    let typed = rpassword::prompt_password(text)
        .map_err(|e| Error::io("cannot read the passphrase from the terminal", e))?;
    Passphrase::new(typed)
}

/// A new passphrase: `CASEBOOK_NEW_PASSPHRASE` (or, when `current_ok`,
/// `CASEBOOK_PASSPHRASE`), else typed twice at a prompt.
fn new_passphrase(path: &Path, current_ok: bool) -> Result<Passphrase> {
    let from_var = match from_env(NEW_PASSPHRASE_VAR)? {
        Some(p) => Some(p),
        None if current_ok => from_env(PASSPHRASE_VAR)?,
        None => None,
    };
    if let Some(p) = from_var {
        return check_new(p);
    }
    let first = check_new(prompt(say::ASK_NEW, path, NEW_PASSPHRASE_VAR)?)?;
    let second = prompt(say::ASK_AGAIN, path, NEW_PASSPHRASE_VAR)?;
    if first != second {
        return Err(Error::invalid(say::MISMATCH));
    }
    Ok(first)
}

/// The passphrase of a file written or read (an age file): the diary's
/// `CASEBOOK_PASSPHRASE` when set, else asked once at the terminal.
pub fn file_passphrase(path: &Path, question: &str) -> Result<Passphrase> {
    match from_env(PASSPHRASE_VAR)? {
        Some(p) => Ok(p),
        None => prompt(question, path, PASSPHRASE_VAR),
    }
}

/// The passphrase to encrypt a written file with: `CASEBOOK_PASSPHRASE`,
/// else typed twice; with neither, one line saying what to give instead.
pub fn new_file_passphrase(path: &Path, question: &str) -> Result<Passphrase> {
    if let Some(p) = from_env(PASSPHRASE_VAR)? {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::invalid(format!(
            "{} would be written from an encrypted diary: set {PASSPHRASE_VAR} to encrypt it with age, give --recipient age1…, or --plain to write it unencrypted",
            path.display()
        )));
    }
    let first = check_new(prompt(question, path, PASSPHRASE_VAR)?)?;
    let second = prompt(say::ASK_AGAIN, path, PASSPHRASE_VAR)?;
    if first != second {
        return Err(Error::invalid(say::MISMATCH));
    }
    Ok(first)
}

fn check_new(p: Passphrase) -> Result<Passphrase> {
    p.check_new()?;
    Ok(p)
}

fn existing_diary(env: &Env) -> Result<&Path> {
    let db = env.db_path.as_path();
    if !db.is_file() {
        return Err(Error::invalid(format!(
            "there is no diary at {} (give --db to name another)",
            db.display()
        )));
    }
    Ok(db)
}

pub fn encrypt(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if store::is_encrypted(db) {
        return Err(Error::invalid(format!(
            "{} is already encrypted: `casebook passphrase` changes the passphrase",
            db.display()
        )));
    }
    let new = new_passphrase(db, true)?;
    // Opening upgrades the schema and proves the file is a diary (no daily
    // backup: it would be one more plain copy).
    drop(store::Store::open(db)?);
    let done = store::rekey_file(db, None, Some(&new))?;
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(stdout_error);
    w(out, format!("{} {}", db.display(), say::ENCRYPTED))?;
    warn_not_overwritten(&done);
    let plain = store::plain_files(copies_of(env));
    if !plain.is_empty() {
        w(out, say::OLD_BACKUPS.to_string())?;
        for p in plain {
            w(out, format!("  {}", p.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn decrypt(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if !store::is_encrypted(db) {
        return Err(Error::invalid(format!(
            "{} is not encrypted: nothing to do",
            db.display()
        )));
    }
    let done = with_diary_key(db, None, |key| store::rekey_file(db, key, None))?;
    agent::forget(db);
    writeln!(out, "{} {}", db.display(), say::DECRYPTED).map_err(stdout_error)?;
    writeln!(out, "{}", say::KEYED_BACKUPS).map_err(stdout_error)?;
    warn_not_overwritten(&done);
    Ok(ExitCode::SUCCESS)
}

pub fn change(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if !store::is_encrypted(db) {
        return Err(Error::invalid(format!(
            "{} is not encrypted: `casebook encrypt` sets a passphrase",
            db.display()
        )));
    }
    let old = with_diary_key(db, None, |key| {
        let key = key.ok_or_else(|| Error::WrongPassphrase { path: db.into() })?;
        store::verify_passphrase(db, key)?;
        Ok(key.clone())
    })?;
    let new = new_passphrase(db, false)?;
    // `old` is the raw key: the same passphrase derives the same one.
    if RawKey::derive(db, &new)?.to_hex() == RawKey::derive(db, &old)?.to_hex() {
        return Err(Error::invalid(
            "the new passphrase is the same as the old one: nothing was changed",
        ));
    }
    let done = store::rekey_file(db, Some(&old), Some(&new))?;
    agent::forget(db);
    writeln!(out, "{}", say::CHANGED).map_err(stdout_error)?;
    writeln!(out, "{}", say::KEYED_BACKUPS).map_err(stdout_error)?;
    warn_not_overwritten(&done);
    Ok(ExitCode::SUCCESS)
}

fn warn_not_overwritten(done: &store::Rekeyed) {
    if !done.old_file_overwritten {
        super::note(format_args!("{}", say::NOT_OVERWRITTEN));
    }
}

/// Every copy of the diary casebook knows of: the backups of this diary and
/// the diaries `restore` kept aside.
fn copies_of(env: &Env) -> Vec<PathBuf> {
    let db = &env.db_path;
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = db
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut found = Vec::new();
    let backups = backup::backup_dir(db, &env.config.backup);
    for entry in std::fs::read_dir(&backups).into_iter().flatten().flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if n.starts_with(&format!("{stem}-")) && n.ends_with(".db") {
            found.push(entry.path());
        }
    }
    let dir = match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        if n.starts_with(&format!("{name}.replaced-")) && !n.ends_with("-wal") {
            found.push(entry.path());
        }
    }
    found.sort();
    found
}
