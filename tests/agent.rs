//! The key agent, as a user meets it: `casebook unlock` once, then commands
//! ask nothing; `lock`, the idle timeout and a killed agent all mean the
//! next command asks again; the socket is for its own user only. A real
//! agent process runs in each test, on the sandbox's own runtime folder.
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use casebook::store::{Passphrase, Store};
use common::{Sandbox, assert_fails_one_line, stderr, stdout};

const PASS: &str = "correct horse battery staple";

/// Runs casebook with no terminal and `vars` (every passphrase variable
/// cleared otherwise): a command that needs the passphrase fails at once.
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

/// An encrypted diary with one entry, and no session yet.
fn encrypted() -> Sandbox {
    let sb = Sandbox::new();
    std::fs::write(&sb.config, "[backup]\nautomatic = false\n").expect("config");
    let key = Passphrase::new(PASS.into()).expect("passphrase");
    drop(Store::open_with_key(&sb.db, Some(&key)).expect("a new encrypted diary"));
    ok(&run(
        &sb,
        &[("CASEBOOK_PASSPHRASE", PASS)],
        &["log", "--who", "Ann Example", "called about the bins"],
    ));
    sb
}

fn unlock(sb: &Sandbox) -> String {
    ok(&run(sb, &[("CASEBOOK_PASSPHRASE", PASS)], &["unlock"]))
}

/// True when the command ran without asking (no passphrase, no terminal).
fn asks_nothing(sb: &Sandbox) -> bool {
    run(sb, &[], &["due"]).status.success()
}

fn asks_again(sb: &Sandbox) {
    let err = assert_fails_one_line(&run(sb, &[], &["due"]));
    assert!(
        err.contains("is encrypted: set CASEBOOK_PASSPHRASE"),
        "{err}"
    );
}

/// The agent's pid, from `/proc` (the command line names the sandbox's
/// folder through its environment, so look for our socket instead).
fn agent_pid(sb: &Sandbox) -> Option<u32> {
    let socket = sb.runtime().join("agent.sock");
    let mut stream = std::os::unix::net::UnixStream::connect(socket).ok()?;
    use std::io::{BufRead, BufReader, Write};
    stream.write_all(b"ping\n").ok()?;
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line).ok()?;
    line.trim().strip_prefix("pong ")?.parse().ok()
}

/// Waits (bounded, generously) until `done` holds; panics if it never does.
fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "never happened: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn lock(sb: &Sandbox) {
    let _ = run(sb, &[], &["lock"]);
}

#[test]
fn unlock_once_then_commands_ask_nothing_until_lock() {
    let sb = encrypted();
    asks_again(&sb);
    let said = unlock(&sb);
    assert!(said.contains("is unlocked for this session"), "{said}");
    assert!(said.contains("15 minutes"), "{said}");
    for _ in 0..3 {
        assert!(asks_nothing(&sb), "a command asked after unlock");
    }
    // A write too, and from another working folder (the diary by its
    // canonical path).
    let o = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .current_dir(sb.dir.path())
        .args([
            "--db",
            "./casebook.db",
            "log",
            "--who",
            "Ann Example",
            "again",
        ])
        .env("CASEBOOK_CONFIG", &sb.config)
        .env("CASEBOOK_RUNTIME_DIR", sb.runtime())
        .env_remove("CASEBOOK_PASSPHRASE")
        .stdin(Stdio::null())
        .output()
        .expect("run");
    ok(&o);
    assert!(ok(&run(&sb, &[], &["unlock"])).contains("already unlocked"));

    assert!(ok(&run(&sb, &[], &["lock"])).contains("locked"));
    asks_again(&sb);
    eventually("the agent exits on lock", || agent_pid(&sb).is_none());
    assert!(
        !sb.runtime().join("agent.sock").exists(),
        "the socket is removed"
    );
    assert!(ok(&run(&sb, &[], &["lock"])).contains("no session"));
}

/// Five shells at once, as a councillor's terminal tabs and phone shortcut
/// are: after one unlock every `log` runs without a passphrase, none waits
/// on another's prompt, and all five entries are in the diary.
#[test]
fn five_shells_log_at_once_without_a_prompt() {
    let sb = encrypted();
    unlock(&sb);
    let shells: Vec<_> = (0..5)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_casebook"))
                .arg("--db")
                .arg(&sb.db)
                .args(["log", "--who", "Ann Example", &format!("shell {i} rang")])
                .env("CASEBOOK_CONFIG", &sb.config)
                .env("CASEBOOK_NOW", "2026-03-01T09:00")
                .env("CASEBOOK_RUNTIME_DIR", sb.runtime())
                .env_remove("CASEBOOK_DB")
                .env_remove("CASEBOOK_PASSPHRASE")
                .env_remove("CASEBOOK_NEW_PASSPHRASE")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn casebook")
        })
        .collect();
    for shell in shells {
        ok(&shell.wait_with_output().expect("casebook ran"));
    }
    let key = Passphrase::new(PASS.into()).expect("passphrase");
    let store = Store::open_with_key(&sb.db, Some(&key)).expect("open");
    // The one entry of `encrypted()` and the five shells'.
    assert_eq!(store.counts().expect("counts").entries, 6);
    drop(store);
    lock(&sb);
}

#[test]
fn the_socket_is_private_to_its_user() {
    let sb = encrypted();
    unlock(&sb);
    let dir = std::fs::metadata(sb.runtime()).expect("runtime folder");
    assert_eq!(dir.permissions().mode() & 0o777, 0o700);
    let socket = std::fs::metadata(sb.runtime().join("agent.sock")).expect("socket");
    assert_eq!(socket.permissions().mode() & 0o777, 0o600);
    lock(&sb);
}

#[test]
fn a_runtime_folder_open_to_others_is_not_trusted() {
    let sb = encrypted();
    std::fs::create_dir(sb.runtime()).expect("mkdir");
    std::fs::set_permissions(sb.runtime(), std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let err = assert_fails_one_line(&run(&sb, &[("CASEBOOK_PASSPHRASE", PASS)], &["unlock"]));
    assert!(err.contains("the session could not be kept"), "{err}");
    assert!(!sb.runtime().join("agent.sock").exists());
}

#[test]
fn a_killed_agent_only_means_the_next_command_asks_again() {
    let sb = encrypted();
    unlock(&sb);
    let pid = agent_pid(&sb).expect("the agent answers");
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    eventually("the agent is gone", || agent_pid(&sb).is_none());
    assert!(
        sb.runtime().join("agent.sock").exists(),
        "kill -9 leaves the socket file behind"
    );
    asks_again(&sb);
    // The stale socket is replaced by the next unlock.
    unlock(&sb);
    assert!(asks_nothing(&sb));
    assert_ne!(agent_pid(&sb), Some(pid));
    lock(&sb);
}

#[test]
fn the_agent_forgets_after_the_idle_timeout() {
    let sb = encrypted();
    std::fs::write(
        &sb.config,
        "[backup]\nautomatic = false\n[privacy]\nunlock_timeout_seconds = 1\n",
    )
    .expect("config");
    let said = unlock(&sb);
    assert!(said.contains("1 second"), "{said}");
    eventually("the idle agent exits", || agent_pid(&sb).is_none());
    asks_again(&sb);
}

#[test]
fn a_changed_passphrase_is_not_served_from_the_session() {
    let sb = encrypted();
    unlock(&sb);
    ok(&run(
        &sb,
        &[("CASEBOOK_NEW_PASSPHRASE", "another long passphrase")],
        &["passphrase"],
    ));
    asks_again(&sb);
    lock(&sb);
}

#[test]
fn unlock_refuses_a_wrong_passphrase_and_a_zero_timeout() {
    let sb = encrypted();
    let err = assert_fails_one_line(&run(
        &sb,
        &[("CASEBOOK_PASSPHRASE", "not the passphrase")],
        &["unlock"],
    ));
    assert!(err.contains("wrong passphrase"), "{err}");
    assert!(agent_pid(&sb).is_none(), "no agent for a wrong passphrase");
    std::fs::write(&sb.config, "[privacy]\nunlock_timeout_seconds = 0\n").expect("config");
    let err = assert_fails_one_line(&run(&sb, &[("CASEBOOK_PASSPHRASE", PASS)], &["unlock"]));
    assert!(err.contains("unlock_timeout_seconds is 0"), "{err}");
}

/// Another user cannot get a key: a forked child that becomes `nobody`
/// is refused by the folder's and socket's modes, and — with those opened
/// up — by the agent's check of the peer's uid.
#[test]
#[ignore = "needs root, to become another user: run `cargo test --test agent -- --ignored` as root"]
fn another_user_cannot_use_the_agent() {
    // SAFETY: geteuid touches no memory.
    assert_eq!(unsafe { libc::geteuid() }, 0, "run this test as root");
    let sb = encrypted();
    unlock(&sb);
    let socket = sb.runtime().join("agent.sock");
    let id: String = sb
        .db
        .canonicalize()
        .expect("canonical")
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let request = format!("get {id}\n");
    assert_eq!(
        as_nobody_send(&socket, request.as_bytes()),
        None,
        "the modes keep nobody out"
    );
    std::fs::set_permissions(sb.dir.path(), std::fs::Permissions::from_mode(0o711)).expect("chmod");
    std::fs::set_permissions(sb.runtime(), std::fs::Permissions::from_mode(0o711)).expect("chmod");
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let reply = as_nobody_send(&socket, request.as_bytes());
    assert_eq!(
        reply,
        Some(Vec::new()),
        "connected, but the agent answers another user nothing"
    );
    // Our own user still gets its key.
    std::fs::set_permissions(sb.runtime(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
    assert!(asks_nothing(&sb));
    lock(&sb);
}

/// In a forked child that has become uid 65534: connect to `socket`, send
/// `request`, read the reply. `None` when it could not connect. Only raw
/// system calls run in the child (no allocation after fork).
fn as_nobody_send(socket: &std::path::Path, request: &[u8]) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let path = socket.as_os_str().as_bytes();
    assert!(path.len() < addr.sun_path.len());
    for (d, s) in addr.sun_path.iter_mut().zip(path) {
        *d = *s as libc::c_char;
    }
    let mut fds = [0; 2];
    // SAFETY: a pipe into the array we own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: the child makes only async-signal-safe system calls on memory
    // prepared before the fork, then _exits.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        unsafe {
            if libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                libc::_exit(3);
            }
            let fd = libc::socket(libc::AF_UNIX, libc::SOCK_STREAM, 0);
            let len = std::mem::size_of::<libc::sockaddr_un>() as libc::socklen_t;
            if libc::connect(fd, (&raw const addr).cast(), len) != 0 {
                libc::_exit(2);
            }
            libc::write(fd, request.as_ptr().cast(), request.len());
            let mut buf = [0u8; 512];
            let n = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
            if n > 0 {
                libc::write(fds[1], buf.as_ptr().cast(), n as usize);
            }
            libc::_exit(0);
        }
    }
    // SAFETY: closing our copy of the write end; waiting for our child.
    unsafe { libc::close(fds[1]) };
    let mut status = 0;
    unsafe { libc::waitpid(pid, &mut status, 0) };
    let mut out = Vec::new();
    let mut buf = [0u8; 512];
    loop {
        let n = unsafe { libc::read(fds[0], buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            break;
        }
        out.extend_from_slice(&buf[..n as usize]);
    }
    unsafe { libc::close(fds[0]) };
    assert!(libc::WIFEXITED(status), "the child died");
    match libc::WEXITSTATUS(status) {
        0 => Some(out),
        2 => None,
        other => panic!("the child could not become nobody ({other})"),
    }
}
