//! The agent process (Unix): a private folder, a 0600 socket, one request a
//! connection, from our own user only, until idle or locked.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use super::{SOCKET, TIMEOUT, protect_process, runtime_dir};
use crate::clock::SleepWatch;
use crate::error::Msg;
use crate::store::RawKey;
use crate::{Error, Result};

/// The longest request line read (a path and a key).
const MAX_LINE: u64 = 16 * 1024;

/// How often an idle agent looks whether its socket is still there.
const WATCH: Duration = Duration::from_secs(2);

/// The hidden command that runs the agent, and its idle option.
pub const COMMAND: &str = "agent";
pub const IDLE_OPTION: &str = "--idle-seconds";

pub(super) fn own_uid() -> u32 {
    // SAFETY: getuid cannot fail and touches no memory.
    unsafe { libc::getuid() }
}

/// The user id of the process at the other end of `stream`, from the
/// kernel (not from anything the peer says).
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(super) fn peer_uid(stream: &UnixStream) -> std::io::Result<u32> {
    let mut cred = libc::ucred {
        pid: 0,
        uid: u32::MAX,
        gid: u32::MAX,
    };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    // SAFETY: the kernel writes at most `len` bytes into `cred`, which we own.
    let rc = unsafe {
        libc::getsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_PEERCRED,
            (&raw mut cred).cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(cred.uid)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(super) fn peer_uid(stream: &UnixStream) -> std::io::Result<u32> {
    let (mut uid, mut gid) = (u32::MAX, u32::MAX);
    // SAFETY: getpeereid writes into the two integers we own.
    let rc = unsafe { libc::getpeereid(stream.as_raw_fd(), &mut uid, &mut gid) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(uid)
}

/// Refuses a runtime folder that is a link, not ours, or open to others:
/// in a shared /tmp another user could have made it first.
pub(super) fn check_private_dir(dir: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(dir).map_err(|e| {
        Error::io(
            Msg::new("doing-use").text("path", dir.display().to_string()),
            e,
        )
    })?;
    if !meta.is_dir() || meta.uid() != own_uid() || meta.mode() & 0o077 != 0 {
        return Err(Error::System(
            Msg::new("error-agent-dir-not-private").text("path", dir.display().to_string()),
        ));
    }
    Ok(())
}

/// Creates the runtime folder 0700 if need be, then checks it.
fn private_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| {
                Error::io(
                    Msg::new("doing-create").text("path", dir.display().to_string()),
                    e,
                )
            })?;
    }
    check_private_dir(dir)
}

/// Starts an agent (this binary's hidden command) and waits until its
/// socket listens. The agent detaches; nothing of it is left to reap.
pub(super) fn start(idle: Duration) -> Result<()> {
    let exe = std::env::current_exe().map_err(|e| Error::io(Msg::new("doing-find-program"), e))?;
    let mut child = Command::new(exe)
        .arg(COMMAND)
        .arg(IDLE_OPTION)
        .arg(idle.as_secs().max(1).to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Error::io(Msg::new("doing-start-agent"), e))?;
    // One line once the socket listens; end of file if it could not.
    let mut ready = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).take(64).read_line(&mut ready);
    }
    // The started process forks the agent and exits at once.
    let _ = child.wait();
    if ready.trim_end() == "ready" {
        Ok(())
    } else {
        Err(Error::System(Msg::new("error-agent-not-started")))
    }
}

/// The agent itself (`casebook agent --idle-seconds N`): binds the socket,
/// says "ready" on standard output, detaches, and serves until idle for
/// `idle` or locked.
pub fn serve(idle: Duration) -> Result<()> {
    protect_process();
    let dir = runtime_dir().ok_or_else(|| Error::System(Msg::new("error-agent-no-runtime-dir")))?;
    private_dir(&dir)?;
    let socket = dir.join(SOCKET);
    if socket.exists() {
        if UnixStream::connect(&socket).is_ok() {
            // Another agent answers: it takes the keys.
            println!("ready");
            return Ok(());
        }
        // Left by an agent that was killed.
        let _ = std::fs::remove_file(&socket);
    }
    let listener = UnixListener::bind(&socket).map_err(|e| {
        Error::io(
            Msg::new("doing-listen").text("path", socket.display().to_string()),
            e,
        )
    })?;
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o600)).map_err(|e| {
        Error::io(
            Msg::new("doing-protect").text("path", socket.display().to_string()),
            e,
        )
    })?;
    let inode = std::fs::symlink_metadata(&socket).map(|m| m.ino()).ok();
    detach()?;
    let mut keys: HashMap<String, RawKey> = HashMap::new();
    let mut deadline = Instant::now() + idle;
    let ours = || std::fs::symlink_metadata(&socket).map(|m| m.ino()).ok() == inode;
    // The idle deadline is an `Instant`, which stands still while the
    // laptop sleeps: a sleep locks at once instead.
    let sleep = SleepWatch::start();
    loop {
        if sleep.slept() {
            break;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        if !wait_readable(&listener, left.min(WATCH)) {
            // A removed socket (its folder deleted, another agent in its
            // place) means nobody can reach this agent any more.
            if !ours() {
                break;
            }
            continue;
        }
        let Ok((stream, _)) = listener.accept() else {
            continue;
        };
        match answer(&stream, &mut keys) {
            Served::KeyUsed => deadline = Instant::now() + idle,
            Served::Other => {}
            Served::Lock => break,
        }
    }
    keys.clear();
    // Only our own socket: a later agent may have replaced a removed one.
    if ours() {
        let _ = std::fs::remove_file(&socket);
    }
    Ok(())
}

/// Forks: the parent says "ready" and exits (so whoever started it can go
/// on, and reaps it); the child leaves the terminal's session and keeps no
/// standard stream open.
fn detach() -> Result<()> {
    // SAFETY: the process has one thread here; the child only calls
    // async-signal-safe functions before going on as a normal process.
    match unsafe { libc::fork() } {
        -1 => Err(Error::io(
            Msg::new("doing-start-agent"),
            std::io::Error::last_os_error(),
        )),
        0 => {
            // SAFETY: setsid and dup2 on descriptors we own.
            unsafe {
                libc::setsid();
                let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
                if null >= 0 {
                    for fd in 0..3 {
                        libc::dup2(null, fd);
                    }
                    if null > 2 {
                        libc::close(null);
                    }
                }
            }
            Ok(())
        }
        _ => {
            println!("ready");
            let _ = std::io::stdout().flush();
            std::process::exit(0);
        }
    }
}

/// Waits until a connection is pending or `left` has passed (false).
fn wait_readable(listener: &UnixListener, left: Duration) -> bool {
    let mut fds = libc::pollfd {
        fd: listener.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(left.as_millis().max(1)).unwrap_or(libc::c_int::MAX);
    // SAFETY: one pollfd we own.
    let rc = unsafe { libc::poll(&mut fds, 1, ms) };
    // An interrupted wait (a signal) is simply retried by the caller's loop.
    rc > 0 || (rc < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted)
}

enum Served {
    KeyUsed,
    Other,
    Lock,
}

/// Reads one request from `stream` and answers it. A peer of another user
/// gets nothing at all.
fn answer(stream: &UnixStream, keys: &mut HashMap<String, RawKey>) -> Served {
    if peer_uid(stream).ok() != Some(own_uid()) {
        return Served::Other;
    }
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.set_write_timeout(Some(TIMEOUT));
    let mut line = Zeroizing::new(String::new());
    if BufReader::new(stream)
        .take(MAX_LINE)
        .read_line(&mut line)
        .is_err()
    {
        return Served::Other;
    }
    let mut words = line.split_whitespace();
    let (served, reply): (Served, Zeroizing<String>) =
        match (words.next(), words.next(), words.next()) {
            (Some("get"), Some(id), None) => match keys.get(id) {
                Some(key) => {
                    let mut reply = Zeroizing::new(String::from("key "));
                    reply.push_str(&key.to_hex());
                    (Served::KeyUsed, reply)
                }
                None => (Served::Other, Zeroizing::new("none".into())),
            },
            (Some("put"), Some(id), Some(hex)) => match RawKey::from_hex(hex) {
                Some(key) => {
                    keys.insert(id.to_string(), key);
                    (Served::KeyUsed, Zeroizing::new("ok".into()))
                }
                None => (Served::Other, Zeroizing::new("error".into())),
            },
            (Some("forget"), Some(id), None) => {
                keys.remove(id);
                (Served::Other, Zeroizing::new("ok".into()))
            }
            (Some("lock"), None, None) => {
                keys.clear();
                (Served::Lock, Zeroizing::new("ok".into()))
            }
            (Some("ping"), None, None) => (
                Served::Other,
                Zeroizing::new(format!("pong {}", std::process::id())),
            ),
            _ => (Served::Other, Zeroizing::new("error".into())),
        };
    let mut writer = stream;
    let _ = writer
        .write_all(reply.as_bytes())
        .and_then(|()| writer.write_all(b"\n"));
    served
}
