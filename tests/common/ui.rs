//! The terminal UI on a test backend: one App at a frozen moment, frames
//! drawn as text, keys pressed. Shared by the tests that drive the UI.

use casebook::app::{App, key};
use casebook::clock::Clock;
use casebook::config::Config;
use casebook::store::Store;
use chrono::NaiveDateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// The two sizes every screen is drawn at: the smallest supported, and a
/// common one.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The moment the UI tests run at: a Monday morning.
pub fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-02 09:30", "%Y-%m-%d %H:%M").expect("a moment")
}

/// The UI on `store`, its clock frozen at [`now`].
pub fn app(store: Store, config: Config) -> App {
    App::new(store, config, Clock::Fixed(now())).expect("app")
}

/// One frame at `w` × `h`, as text (drawing also records where things are,
/// for the mouse).
pub fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| casebook::ui::render(app, f)).expect("drawn");
    t.backend().to_string()
}

/// Types `s`, a key a character.
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.press(key(KeyCode::Char(c)));
    }
}

/// Presses one key.
pub fn press(app: &mut App, code: KeyCode) {
    app.press(key(code));
}
