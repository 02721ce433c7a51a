//! The real binary in a pseudo-terminal (portable-pty + vt100), shared by
//! the tests that drive it as a user would. Every wait is for a stable
//! screen showing what is expected, and bounded.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// How long any one wait may take before the test fails with the screen.
pub const LIMIT: Duration = Duration::from_secs(20);

pub const TAB: &str = "\t";
pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";
pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const BACKSPACE: &str = "\x7f";

pub type Child = Box<dyn portable_pty::Child + Send + Sync>;

/// What the program shows, read as it writes.
pub struct Term {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    /// Every byte the program wrote, to check the modes it left.
    pub raw: Vec<u8>,
}

impl Term {
    /// Collects what the program wrote last, until it has been quiet a moment.
    pub fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            match self.rx.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => self.raw.extend_from_slice(&bytes),
                Err(_) => break,
            }
        }
    }

    /// Reads output until `want` is on screen and nothing has changed for a
    /// moment; panics with the screen after `limit`.
    pub fn wait_for(&mut self, want: &str, limit: Duration) -> String {
        let start = Instant::now();
        let mut last_change = Instant::now();
        loop {
            while let Ok(bytes) = self.rx.try_recv() {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
                last_change = Instant::now();
            }
            let screen = self.parser.screen().contents();
            if screen.contains(want) && last_change.elapsed() > Duration::from_millis(150) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The keyboard: what is sent reaches the program as typed.
pub struct Keys(Box<dyn Write + Send>);

impl Keys {
    pub fn send(&mut self, keys: &str) {
        self.0.write_all(keys.as_bytes()).expect("typed");
        self.0.flush().expect("flushed");
    }
}

/// The screen and the keyboard together, for a long journey.
pub struct Session {
    pub term: Term,
    pub keys: Keys,
}

impl Session {
    /// Types `keys` as the user would.
    pub fn send(&mut self, keys: &str) {
        self.keys.send(keys);
    }

    /// Types each of `keys` in turn.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            self.send(k);
        }
    }

    /// Waits (up to [`LIMIT`]) for `want` on a stable screen.
    pub fn wait_for(&mut self, want: &str) -> String {
        self.term.wait_for(want, LIMIT)
    }
}

/// Waits (bounded) for the program to end; kills it and fails with `why`.
pub fn wait_exit(
    child: &mut (dyn portable_pty::Child + Send + Sync),
    limit: Duration,
    why: &str,
) -> portable_pty::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waited") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{why}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts the real binary on `db` (a plain new diary: these tests are about
/// the UI, not the passphrase offered at the first start) in a terminal of
/// `rows` × `cols`, with `extra_env`.
pub fn spawn(
    db: &Path,
    config: &Path,
    (rows, cols): (u16, u16),
    extra_env: &[(&str, &str)],
) -> (Child, Term, Keys) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_casebook"));
    // English, whatever the locale of the machine running the tests.
    cmd.env("LANG", "C");
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    cmd.arg("--no-encryption");
    cmd.arg("--db");
    cmd.arg(db);
    cmd.env("CASEBOOK_CONFIG", config);
    cmd.env("CASEBOOK_NOW", "2026-03-01T09:00");
    cmd.env("TERM", "xterm-256color");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let child = pty.slave.spawn_command(cmd).expect("spawned");
    drop(pty.slave);
    let writer = pty.master.take_writer().expect("writer");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        // Keep the master open for as long as the reader runs.
        let _master = pty.master;
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let term = Term {
        parser: vt100::Parser::new(rows, cols, 0),
        rx,
        raw: Vec::new(),
    };
    (child, term, Keys(writer))
}

/// [`spawn`] with the screen and keyboard as one [`Session`].
pub fn session(db: &Path, config: &Path, size: (u16, u16)) -> (Child, Session) {
    let (child, term, keys) = spawn(db, config, size, &[]);
    (child, Session { term, keys })
}
