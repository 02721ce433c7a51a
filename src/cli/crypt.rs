//! `casebook encrypt`, `decrypt` and `passphrase`, and where a passphrase
//! comes from: `CASEBOOK_PASSPHRASE` (scripts), else a prompt on the
//! terminal that does not echo. Plain diaries never ask.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::{Env, stdout_error};
use crate::error::Msg;
use crate::i18n::Catalogue;
use crate::store::{self, Passphrase, RawKey};
use crate::{Error, Result};
use crate::{agent, backup};

/// The passphrase of an encrypted diary, for scripts.
pub const PASSPHRASE_VAR: &str = "CASEBOOK_PASSPHRASE";
/// The new passphrase for `encrypt` and `passphrase`, for scripts.
pub const NEW_PASSPHRASE_VAR: &str = "CASEBOOK_NEW_PASSPHRASE";

/// How many times a prompt asks before giving up.
const ATTEMPTS: usize = 3;

/// The catalogue's words for these prompts.
mod say {
    pub const ASK: &str = "crypt-ask";
    pub const ASK_NEW: &str = "crypt-ask-new";
    pub const ASK_AGAIN: &str = "crypt-ask-again";
    pub const MISMATCH: &str = "error-passphrases-differ";
}

/// The question for the passphrase of the file at `path`.
fn ask_for(t: &Catalogue, path: &Path) -> String {
    t.tr1(say::ASK, "path", path.display().to_string())
}

/// Runs `f` with the passphrase of the file at `path`: `None` when the file
/// is plain (nothing is asked), else `CASEBOOK_PASSPHRASE` (tried once) or a
/// prompt (up to three tries while `f` says the passphrase is wrong). `f`
/// opens the file with it, so the slow key derivation is paid once a try.
pub fn with_passphrase<T>(
    t: &Catalogue,
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
        let p = prompt(t, &ask_for(t, path), path, PASSPHRASE_VAR)?;
        tries += 1;
        match f(Some(&p)) {
            Err(e @ Error::WrongPassphrase { .. }) if tries < ATTEMPTS => {
                super::note(e.message(t));
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
    t: &Catalogue,
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
        let p = prompt(t, &ask_for(t, path), path, PASSPHRASE_VAR)?;
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
                super::note(e.message(t));
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
    let t = &env.i18n;
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
        super::note(t.tr1("crypt-plain-note", "path", db.display().to_string()));
        return Ok(store);
    }
    eprintln!("{}", t.tr("crypt-offer", None));
    if !ask_yes(&t.tr("crypt-offer-ask", None))? {
        super::note(t.tr("crypt-created-plain", None));
        return store::Store::open(db);
    }
    let p = new_passphrase(t, db, false)?;
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
        .map_err(|e| Error::io(crate::error::Msg::new("doing-read-answer"), e))?;
    let answer = answer.trim().to_lowercase();
    // No, in either language, whatever the interface speaks.
    Ok(!matches!(answer.as_str(), "n" | "no" | "na" | "nage"))
}

/// How long the agent keeps a key, from the config (`None`: no session).
pub fn session(env: &Env) -> Option<Duration> {
    env.agent_timeout()
}

/// `casebook unlock`: asks the passphrase once (or reads
/// `CASEBOOK_PASSPHRASE`), checks it opens the diary, and hands the derived
/// key to the agent, so later commands ask nothing.
pub fn unlock(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let t = &env.i18n;
    let db = existing_diary(env)?;
    let at = |id: &str| t.tr1(id, "path", db.display().to_string());
    if !store::is_encrypted(db) {
        writeln!(out, "{}", at("crypt-not-encrypted")).map_err(stdout_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    let idle = session(env).ok_or_else(|| Error::user(Msg::new("error-unlock-off")))?;
    agent::protect_process();
    if agent::get(db)
        .is_some_and(|raw| store::verify_passphrase(db, &Passphrase::from_raw(&raw)).is_ok())
    {
        writeln!(out, "{}", at("crypt-already")).map_err(stdout_error)?;
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
                let p = prompt(t, &ask_for(t, db), db, PASSPHRASE_VAR)?;
                tries += 1;
                match check(&p) {
                    Err(e @ Error::WrongPassphrase { .. }) if tries < ATTEMPTS => {
                        super::note(e.message(t));
                    }
                    other => break other?,
                }
            }
        }
    };
    if !agent::put(db, &raw, idle) {
        return Err(Error::System(Msg::new("error-no-agent")));
    }
    let secs = idle.as_secs();
    let (unit, amount) = if secs % 60 == 0 {
        ("minutes", secs / 60)
    } else {
        ("seconds", secs)
    };
    let line = t.tr(
        "crypt-unlocked",
        Some(&crate::i18n::args(&[
            ("path", db.display().to_string().into()),
            ("unit", unit.into()),
            ("amount", amount.into()),
        ])),
    );
    writeln!(out, "{line}").map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

/// `casebook lock`: the agent forgets every key and exits.
pub fn lock(t: &Catalogue, out: &mut dyn Write) -> Result<ExitCode> {
    let said = if agent::lock() {
        "crypt-locked"
    } else {
        "crypt-not-running"
    };
    writeln!(out, "{}", t.tr(said, None)).map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn from_env(var: &str) -> Result<Option<Passphrase>> {
    match std::env::var(var) {
        Ok(text) => Passphrase::new(text)
            .map(Some)
            .map_err(|_| Error::user(Msg::new("error-passphrase-var-empty").text("var", var))),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(Error::user(
            Msg::new("error-passphrase-var-not-utf8").text("var", var),
        )),
    }
}

/// A no-echo prompt on the terminal; refused (one line, no hang) when
/// casebook is not run from a terminal, naming the variable to set instead.
fn prompt(_t: &Catalogue, text: &str, path: &Path, var: &str) -> Result<Passphrase> {
    if !std::io::stdin().is_terminal() {
        let id = if var == PASSPHRASE_VAR {
            "error-passphrase-no-terminal"
        } else {
            "error-new-passphrase-no-terminal"
        };
        return Err(Error::user(
            Msg::new(id)
                .text("path", path.display().to_string())
                .text("var", var),
        ));
    }
    let typed = rpassword::prompt_password(fit_prompt(text))
        .map_err(|e| Error::io(crate::error::Msg::new("crypt-cannot-read-passphrase"), e))?;
    Passphrase::new(typed)
}

/// The question broken between words to the terminal's width (80 when it
/// cannot say), so a long Welsh line never wraps mid-word; the space the
/// answer follows is kept.
fn fit_prompt(text: &str) -> String {
    let width = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    // One column spare: the cursor stands after the question.
    let mut out = crate::text::wrap_words(text, width.saturating_sub(1).max(20)).join("\n");
    if text.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A new passphrase: `CASEBOOK_NEW_PASSPHRASE` (or, when `current_ok`,
/// `CASEBOOK_PASSPHRASE`), else typed twice at a prompt.
fn new_passphrase(t: &Catalogue, path: &Path, current_ok: bool) -> Result<Passphrase> {
    let from_var = match from_env(NEW_PASSPHRASE_VAR)? {
        Some(p) => Some(p),
        None if current_ok => from_env(PASSPHRASE_VAR)?,
        None => None,
    };
    if let Some(p) = from_var {
        return check_new(p);
    }
    let first = check_new(prompt(
        t,
        &t.tr(say::ASK_NEW, None),
        path,
        NEW_PASSPHRASE_VAR,
    )?)?;
    let second = prompt(t, &t.tr(say::ASK_AGAIN, None), path, NEW_PASSPHRASE_VAR)?;
    if first != second {
        return Err(Error::user(Msg::new(say::MISMATCH)));
    }
    Ok(first)
}

/// The passphrase of a file written or read (an age file): the diary's
/// `CASEBOOK_PASSPHRASE` when set, else asked once at the terminal.
pub fn file_passphrase(t: &Catalogue, path: &Path) -> Result<Passphrase> {
    match from_env(PASSPHRASE_VAR)? {
        Some(p) => Ok(p),
        None => prompt(t, &ask_for(t, path), path, PASSPHRASE_VAR),
    }
}

/// The passphrase to encrypt a written file with: `CASEBOOK_PASSPHRASE`,
/// else typed twice; with neither, one line saying what to give instead.
pub fn new_file_passphrase(t: &Catalogue, path: &Path, question: &str) -> Result<Passphrase> {
    if let Some(p) = from_env(PASSPHRASE_VAR)? {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::user(
            Msg::new("error-seal-no-passphrase")
                .text("path", path.display().to_string())
                .text("var", PASSPHRASE_VAR),
        ));
    }
    let first = check_new(prompt(t, question, path, PASSPHRASE_VAR)?)?;
    let second = prompt(t, &t.tr(say::ASK_AGAIN, None), path, PASSPHRASE_VAR)?;
    if first != second {
        return Err(Error::user(Msg::new(say::MISMATCH)));
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
        return Err(Error::user(
            Msg::new("error-no-diary-give-db").text("path", db.display().to_string()),
        ));
    }
    Ok(db)
}

pub fn encrypt(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if store::is_encrypted(db) {
        return Err(Error::user(
            Msg::new("error-already-encrypted").text("path", db.display().to_string()),
        ));
    }
    let new = new_passphrase(&env.i18n, db, true)?;
    // Opening upgrades the schema and proves the file is a diary (no daily
    // backup: it would be one more plain copy).
    drop(store::Store::open(db)?);
    let done = store::rekey_file(db, None, Some(&new))?;
    let w = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(stdout_error);
    let t = &env.i18n;
    w(
        out,
        t.tr1("crypt-encrypted", "path", db.display().to_string()),
    )?;
    warn_not_overwritten(t, &done);
    let plain = store::plain_files(copies_of(env));
    if !plain.is_empty() {
        w(out, t.tr("crypt-old-backups", None))?;
        for p in plain {
            w(out, format!("  {}", p.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn decrypt(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if !store::is_encrypted(db) {
        return Err(Error::user(
            Msg::new("error-decrypt-plain").text("path", db.display().to_string()),
        ));
    }
    let done = with_diary_key(&env.i18n, db, None, |key| store::rekey_file(db, key, None))?;
    agent::forget(db);
    let t = &env.i18n;
    writeln!(
        out,
        "{}",
        t.tr1("crypt-decrypted", "path", db.display().to_string())
    )
    .map_err(stdout_error)?;
    writeln!(out, "{}", t.tr("crypt-keyed-backups", None)).map_err(stdout_error)?;
    warn_not_overwritten(t, &done);
    Ok(ExitCode::SUCCESS)
}

pub fn change(env: &Env, out: &mut dyn Write) -> Result<ExitCode> {
    let db = existing_diary(env)?;
    if !store::is_encrypted(db) {
        return Err(Error::user(
            Msg::new("error-change-plain").text("path", db.display().to_string()),
        ));
    }
    let old = with_diary_key(&env.i18n, db, None, |key| {
        let key = key.ok_or_else(|| Error::WrongPassphrase { path: db.into() })?;
        store::verify_passphrase(db, key)?;
        Ok(key.clone())
    })?;
    let new = new_passphrase(&env.i18n, db, false)?;
    // `old` is the raw key: the same passphrase derives the same one.
    if RawKey::derive(db, &new)?.to_hex() == RawKey::derive(db, &old)?.to_hex() {
        return Err(Error::user(Msg::new("error-same-passphrase")));
    }
    let done = store::rekey_file(db, Some(&old), Some(&new))?;
    agent::forget(db);
    let t = &env.i18n;
    writeln!(out, "{}", t.tr("crypt-changed", None)).map_err(stdout_error)?;
    writeln!(out, "{}", t.tr("crypt-keyed-backups", None)).map_err(stdout_error)?;
    warn_not_overwritten(t, &done);
    Ok(ExitCode::SUCCESS)
}

fn warn_not_overwritten(t: &Catalogue, done: &store::Rekeyed) {
    if !done.old_file_overwritten {
        super::note(t.tr("crypt-not-overwritten", None));
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
