//! The terminal: raw mode, the alternate screen and bracketed paste turned on
//! and — on every way out, panics included — off again; and the event loop,
//! which sleeps in `event::poll` until a key arrives (or, every two seconds,
//! looks whether another program changed the diary).

use std::io::{self, Stdout};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::App;
use crate::cli::Env;
use crate::{Error, Result};

/// How often an idle UI looks for changes made by another program.
const WATCH: Duration = Duration::from_secs(2);

pub fn run(env: &Env) -> Result<()> {
    let store = env.open_store()?;
    let mut app = App::new(store, env.config.clone(), env.clock)?;
    app.demo = env.demo;
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut guard = Guard::enter()?;
    if let Ok(size) = guard.terminal.size() {
        app.size = (size.width, size.height);
    }
    let result = event_loop(&mut app, &mut guard.terminal);
    drop(guard);
    result
}

fn io_err(e: io::Error) -> Error {
    Error::io("the terminal failed", e)
}

fn event_loop(app: &mut App, terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> Result<()> {
    let mut dirty = true;
    loop {
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
            if let Some(action) = app.on_event(ev) {
                app.update(action);
                dirty = true;
            }
        } else if app.check_for_changes() {
            dirty = true;
        }
    }
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
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

impl Guard {
    fn enter() -> Result<Guard> {
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
