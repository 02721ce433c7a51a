//! The terminal: raw mode, the alternate screen and bracketed paste turned on
//! and — on every way out, panics included — off again; and the event loop,
//! which sleeps in `event::poll` until a key arrives (or, every two seconds,
//! looks whether another program changed the diary).
//!
//! An encrypted diary's passphrase is asked (no echo) before the screen is
//! taken over; after `privacy.lock_after_minutes` idle minutes the UI locks:
//! an encrypted diary behind a screen that asks for the passphrase again, a
//! plain one behind the privacy screen (any key brings it back).

use std::io::{self, Stdout};
use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::App;
use crate::clock::SleepWatch;
use crate::i18n::Catalogue;
use crate::session::Env;
use crate::store::{self, Passphrase, RawKey, Store};
use crate::{Error, Result};

/// How often an idle UI looks for changes made by another program.
const WATCH: Duration = Duration::from_secs(2);

/// Runs the terminal UI on `store`, the diary `env` names, opened by the
/// caller (the command line: passphrase, agent, daily backup).
pub fn run(env: &Env, store: Store) -> Result<()> {
    let mut idle = Idle::new(env.config.privacy.lock_after_minutes, Instant::now());
    let lock = match (store.key(), store.path()) {
        (Some(_), Some(path)) => Some(path.to_path_buf()),
        _ => None,
    };
    // Background sync, only when the config names a hub: a thread with its
    // own connection to the diary; no hub, no thread and no connection.
    let background = store
        .path()
        .and_then(|db| crate::sync::Background::start(&env.config.sync, db, store.key()));
    let mut app = App::new(store, env.config.clone(), env.clock)?;
    app.templates = crate::letters::Templates::beside_config(&env.config_path);
    app.demo = env.demo;
    let dir = env.config_path.parent().map(std::path::Path::to_path_buf);
    let words = if env.i18n.is_pseudo() {
        crate::i18n::Catalogue::pseudo()
    } else {
        crate::i18n::Catalogue::load(env.i18n.lang(), dir.as_deref())?
    };
    app.words_dir = dir;
    app.set_words(words);
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut guard = Guard::enter(env.config.mouse)?;
    if let Ok(size) = guard.terminal.size() {
        app.size = (size.width, size.height);
    }
    let session = env.agent_timeout();
    let result = event_loop(
        &mut app,
        &mut guard.terminal,
        &mut idle,
        lock.as_deref(),
        session,
        background.as_ref(),
    );
    drop(guard);
    result
}

fn io_err(e: io::Error) -> Error {
    Error::io(crate::error::Msg::new("doing-terminal"), e)
}

fn event_loop(
    app: &mut App,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    idle: &mut Idle,
    encrypted: Option<&Path>,
    session: Option<Duration>,
    background: Option<&crate::sync::Background>,
) -> Result<()> {
    let mut dirty = true;
    let mut sleep = SleepWatch::start();
    loop {
        // A laptop that slept locks as if it had been idle (the idle timer's
        // `Instant` stood still meanwhile).
        if idle.due(Instant::now()) || (idle.locks() && sleep.slept()) {
            match encrypted {
                Some(path) => {
                    // The UI's lock ends the session: no command opens the
                    // diary without the passphrase until it is typed again.
                    crate::agent::lock();
                    if locked(terminal, &app.words, path, session)? {
                        return Ok(());
                    }
                    if let Ok(size) = terminal.size() {
                        app.size = (size.width, size.height);
                    }
                    terminal.clear().map_err(io_err)?;
                }
                None => app.privacy = true,
            }
            idle.touch(Instant::now());
            sleep = SleepWatch::start();
            dirty = true;
        }
        if dirty {
            terminal
                .draw(|f| crate::ui::render(app, f))
                .map_err(io_err)?;
            dirty = false;
            injected_panic();
        }
        if app.quit {
            return Ok(());
        }
        if event::poll(WATCH).map_err(io_err)? {
            let ev = event::read().map_err(io_err)?;
            idle.touch(Instant::now());
            if let Some(action) = app.on_event(ev) {
                app.update(action);
                dirty = true;
            }
        } else if app.check_for_changes() {
            dirty = true;
        } else if let Some(bg) = background {
            // A round ended (its changes show through `data_version`; a
            // failure or an idle round only in the header), and "synced 2
            // min ago" moves on with the clock.
            for round in bg.rounds.try_iter() {
                app.sync_round(&round);
            }
            dirty = true;
        }
    }
}

/// When the UI locks itself: after `minutes` without a key (0: never).
#[derive(Debug, Clone, Copy)]
struct Idle {
    after: Option<Duration>,
    last: Instant,
}

impl Idle {
    fn new(minutes: u32, now: Instant) -> Idle {
        Idle {
            after: (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60)),
            last: now,
        }
    }

    /// Whether the UI locks at all (`lock_after_minutes = 0`: never).
    fn locks(&self) -> bool {
        self.after.is_some()
    }

    fn touch(&mut self, now: Instant) {
        self.last = now;
    }

    fn due(&self, now: Instant) -> bool {
        self.after
            .is_some_and(|after| now.saturating_duration_since(self.last) >= after)
    }
}

/// What the lock screen says under its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockNote {
    /// The passphrase typed is being checked (a key derivation: a moment).
    Checking,
    /// The passphrase typed did not open the diary.
    Wrong,
}

/// The lock screen of an encrypted diary: nothing of the diary shows until
/// the passphrase opens the file again (checked by a second connection, at
/// the cost of one key derivation), which starts a new session (`session`)
/// when there is one. Returns true when the user quits.
fn locked(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    words: &Catalogue,
    path: &Path,
    session: Option<Duration>,
) -> Result<bool> {
    let mut typed = zeroize::Zeroizing::new(String::new());
    let mut note = None;
    loop {
        draw_lock(terminal, words, !typed.is_empty(), note)?;
        let Event::Key(key) = event::read().map_err(io_err)? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('q' | 'c') if ctrl => return Ok(true),
            KeyCode::Char(c) => typed.push(c),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Esc => typed.clear(),
            KeyCode::Enter if !typed.is_empty() => {
                draw_lock(terminal, words, true, Some(LockNote::Checking))?;
                let candidate = Passphrase::new(std::mem::take(&mut *typed))?;
                if let Ok(raw) = RawKey::derive(path, &candidate)
                    && store::verify_passphrase(path, &Passphrase::from_raw(&raw)).is_ok()
                {
                    if let Some(idle) = session {
                        crate::agent::put(path, &raw, idle);
                    }
                    return Ok(false);
                }
                note = Some(LockNote::Wrong);
            }
            _ => {}
        }
    }
}

fn draw_lock(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    words: &Catalogue,
    typed: bool,
    note: Option<LockNote>,
) -> Result<()> {
    terminal
        .draw(|f| render_lock(f, words, typed, note))
        .map_err(io_err)?;
    Ok(())
}

/// The lock screen's frame: the question, a mark when something is typed
/// (never the text), and a note (checking, or wrong), in the reader's
/// words. Public for its snapshot test.
pub fn render_lock(f: &mut ratatui::Frame, words: &Catalogue, typed: bool, note: Option<LockNote>) {
    use crate::app::text::lock;
    use ratatui::layout::Alignment;
    use ratatui::widgets::{Clear, Paragraph, Wrap};
    let mut lines = vec![
        words.tr(lock::TITLE, None),
        String::new(),
        words.tr(lock::ASK, None),
    ];
    lines.push(if typed {
        words.tr(lock::TYPED, None)
    } else {
        String::new()
    });
    lines.push(match note {
        Some(LockNote::Checking) => words.tr(lock::CHECKING, None),
        Some(LockNote::Wrong) => words.tr(lock::WRONG, None),
        None => String::new(),
    });
    let area = f.area();
    f.render_widget(Clear, area);
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    let body = ratatui::layout::Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top),
        ..area
    };
    f.render_widget(
        Paragraph::new(lines.join("\n"))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        body,
    );
}

/// Test builds only: `CASEBOOK_TEST_PANIC=1` panics after a frame is drawn,
/// so the end-to-end tests can prove the terminal is restored on a panic.
/// Release builds have no such switch.
#[cfg(debug_assertions)]
fn injected_panic() {
    if std::env::var_os("CASEBOOK_TEST_PANIC").is_some() {
        panic!("injected panic (CASEBOOK_TEST_PANIC)");
    }
}

#[cfg(not(debug_assertions))]
fn injected_panic() {}

/// Undoes every terminal mode it turned on when dropped.
struct Guard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

impl Guard {
    fn enter(mouse: bool) -> Result<Guard> {
        // A panic restores the terminal before its message is printed, so
        // the message is readable and the shell usable.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode().map_err(io_err)?;
        if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste) {
            restore();
            return Err(io_err(e));
        }
        if mouse && let Err(e) = execute!(io::stdout(), EnableMouseCapture) {
            restore();
            return Err(io_err(e));
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(io_err(e))
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_the_idle_minutes_and_never_with_zero() {
        let start = Instant::now();
        let mut idle = Idle::new(10, start);
        assert!(!idle.due(start + Duration::from_secs(599)));
        assert!(idle.due(start + Duration::from_secs(600)));
        idle.touch(start + Duration::from_secs(300));
        assert!(
            !idle.due(start + Duration::from_secs(600)),
            "a key resets the clock"
        );
        assert!(!Idle::new(0, start).due(start + Duration::from_secs(86_400)));
        assert!(idle.locks(), "a laptop that sleeps locks too");
        assert!(
            !Idle::new(0, start).locks(),
            "never means never, asleep or not"
        );
    }
}
