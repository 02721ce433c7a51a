//! The key agent: one passphrase a session, as `ssh-agent`, `gpg-agent` and
//! `rbw-agent` do it.
//!
//! `casebook unlock` (or a passphrase typed at a prompt) derives the
//! diary's raw key once and hands it to a small process — this binary's
//! hidden `agent` command, detached — that listens on a user-only Unix
//! socket in the runtime directory (`$XDG_RUNTIME_DIR/casebook/agent.sock`,
//! else `/tmp/casebook-UID/`; `CASEBOOK_RUNTIME_DIR` overrides both). Every
//! command first asks it for the key of its diary (one socket round trip,
//! bounded by [`TIMEOUT`]), and opens the file with the raw key, skipping
//! the slow key derivation.
//!
//! The agent holds nothing but raw keys, one per diary (by canonical path),
//! answers only its own user (the socket is 0600 in a 0700 folder, and the
//! peer's uid is checked on every connection), turns core dumps off, and
//! exits — forgetting every key — after `[privacy] unlock_timeout_seconds`
//! without use, or at once on `casebook lock`, the UI's lock, or when the
//! machine wakes from sleep (Linux and macOS: [`crate::clock::SleepWatch`]). An agent
//! that is gone, stale or does not answer is ignored: the passphrase is
//! then asked as before. Not on Unix: there is no agent, every command asks.
//!
//! The protocol is one line each way: `get HEXPATH` → `key HEX` or `none`;
//! `put HEXPATH HEX` → `ok`; `forget HEXPATH` → `ok`; `lock` → `ok`;
//! `ping` → `pong PID`. Paths are hex so any byte in them survives.

#[cfg(unix)]
mod server;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::store::RawKey;

#[cfg(unix)]
pub use server::serve;

/// Overrides where the agent's socket lives (tests, several sessions).
pub const RUNTIME_DIR_VAR: &str = "CASEBOOK_RUNTIME_DIR";

/// The longest a command waits for the agent before asking the passphrase.
pub const TIMEOUT: Duration = Duration::from_secs(2);

/// The socket's file name inside the runtime folder.
const SOCKET: &str = "agent.sock";

/// The folder of the agent's socket (not created).
pub fn runtime_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(RUNTIME_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    #[cfg(unix)]
    {
        if let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join("casebook"));
        }
        // SAFETY: getuid cannot fail and touches no memory.
        let uid = unsafe { libc::getuid() };
        Some(std::env::temp_dir().join(format!("casebook-{uid}")))
    }
    #[cfg(not(unix))]
    None
}

/// The agent's socket path.
pub fn socket_path() -> Option<PathBuf> {
    runtime_dir().map(|d| d.join(SOCKET))
}

/// How the agent names a diary: its canonical path (so `./a.db` and
/// `/home/x/a.db` are one diary), hex-encoded.
fn diary_id(path: &Path) -> Option<String> {
    let path = path.canonicalize().ok()?;
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The key the agent holds for the diary at `path`, if an agent runs and
/// holds one whose salt is still the file's. Never fails: any trouble
/// means "no key" and the passphrase is asked.
pub fn get(path: &Path) -> Option<RawKey> {
    let id = diary_id(path)?;
    let reply = request(&format!("get {id}"))?;
    let key = RawKey::from_hex(reply.strip_prefix("key ")?)?;
    // The file was replaced (restored, rekeyed): the key is of another file.
    let salt = crate::store::file_salt(path)?;
    (key.salt() == salt).then_some(key)
}

/// Hands `key` for the diary at `path` to the agent, starting one (idle
/// for `idle` at most) when none answers. False when no agent could take
/// it (not on Unix, or it could not start): the session is then not kept.
pub fn put(path: &Path, key: &RawKey, idle: Duration) -> bool {
    let Some(id) = diary_id(path) else {
        return false;
    };
    let line = zeroize::Zeroizing::new(format!("put {id} {}", key.to_hex().as_str()));
    if request(&line).is_some_and(|r| r.as_str() == "ok") {
        return true;
    }
    #[cfg(unix)]
    {
        if server::start(idle).is_ok() {
            return request(&line).is_some_and(|r| r.as_str() == "ok");
        }
    }
    let _ = idle;
    false
}

/// Makes the agent forget the key of the diary at `path` (after its
/// passphrase changed, or it was decrypted).
pub fn forget(path: &Path) {
    if let Some(id) = diary_id(path) {
        let _ = request(&format!("forget {id}"));
    }
}

/// Ends the session: the agent forgets every key and exits. True when an
/// agent was running.
pub fn lock() -> bool {
    request("lock").is_some_and(|r| r.as_str() == "ok")
}

/// The running agent's process id, if one answers.
pub fn ping() -> Option<u32> {
    request("ping")?.strip_prefix("pong ")?.parse().ok()
}

/// One request and its one-line reply; `None` when no agent answers.
#[cfg(unix)]
fn request(line: &str) -> Option<zeroize::Zeroizing<String>> {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::UnixStream;
    let dir = runtime_dir()?;
    // A folder another user could write to is not trusted with keys.
    server::check_private_dir(&dir).ok()?;
    let stream = UnixStream::connect(dir.join(SOCKET)).ok()?;
    stream.set_read_timeout(Some(TIMEOUT)).ok()?;
    stream.set_write_timeout(Some(TIMEOUT)).ok()?;
    // The agent must be our own user's, as much as we must be its.
    if server::peer_uid(&stream).ok()? != server::own_uid() {
        return None;
    }
    let mut writer = &stream;
    writer.write_all(line.as_bytes()).ok()?;
    writer.write_all(b"\n").ok()?;
    let mut reply = zeroize::Zeroizing::new(String::new());
    BufReader::new(&stream).read_line(&mut reply).ok()?;
    let trimmed = reply.trim_end().len();
    reply.truncate(trimmed);
    Some(reply)
}

#[cfg(not(unix))]
fn request(_line: &str) -> Option<zeroize::Zeroizing<String>> {
    None
}

/// Turns core dumps off for this process, which holds a key: a crash must
/// not write the key (or the passphrase) to a core file. On Linux the
/// process is also made non-dumpable, which keeps other processes of the
/// same user from reading its memory through ptrace or /proc.
pub fn protect_process() {
    #[cfg(unix)]
    {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit reads the struct we pass and nothing else.
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &none);
        }
        #[cfg(target_os = "linux")]
        // SAFETY: PR_SET_DUMPABLE takes plain integers.
        unsafe {
            libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_dumps_are_off_once_a_key_is_in_memory() {
        protect_process();
        #[cfg(unix)]
        {
            let mut limit = libc::rlimit {
                rlim_cur: 1,
                rlim_max: 1,
            };
            // SAFETY: getrlimit writes into the struct we own.
            let rc = unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) };
            assert_eq!(rc, 0);
            assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
        }
        #[cfg(target_os = "linux")]
        {
            // SAFETY: PR_GET_DUMPABLE takes no pointer.
            let dumpable = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
            assert_eq!(dumpable, 0);
        }
    }

    #[test]
    fn a_diary_is_named_by_its_canonical_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("a.db");
        std::fs::write(&db, b"x").expect("write");
        let twisted = dir.path().join(".").join("a.db");
        assert_eq!(diary_id(&db), diary_id(&twisted));
        assert!(diary_id(&dir.path().join("missing.db")).is_none());
    }
}
