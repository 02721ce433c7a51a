//! The mouse, for people who reach for it: the wheel moves through lists and
//! scrolls a case (as the arrow keys do), and a click on a tab goes to that
//! screen. Keyboard stays first: every mouse action is a key's action, and
//! `mouse = false` in the config turns the mouse off (and leaves the
//! terminal's own text selection alone).
//!
//! Kept in the event layer: a mouse event becomes an [`Action`] here, and
//! `update` does the rest.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use unicode_width::UnicodeWidthStr;

use super::{Action, App, text};

/// The header's tabs, in order, with the action each goes to.
pub(crate) const TABS: [(&str, Action); 6] = [
    (text::tabs::HOME, Action::GotoHome),
    (text::tabs::CASES, Action::GotoCases),
    (text::tabs::CONTACTS, Action::GotoContacts),
    (text::tabs::AGENDA, Action::GotoAgenda),
    (text::tabs::DIRECTORY, Action::GotoDirectory),
    (text::tabs::REVIEW, Action::GotoReview),
];

impl App {
    /// What a mouse event means, if anything: a wheel notch as `Up`/`Down`
    /// (terminals send several per turn), a left click on a header tab as
    /// that screen.
    pub fn on_mouse(&self, m: MouseEvent) -> Option<Action> {
        if !self.config.mouse || self.privacy || !self.popups.is_empty() {
            return None;
        }
        match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            MouseEventKind::Down(MouseButton::Left) if m.row == 0 => self.tab_at(m.column),
            _ => None,
        }
    }

    /// The tab under `column` of the header row, laid out as `draw::draw_header`
    /// lays it out (a test renders the header and clicks each tab to hold the
    /// two together).
    fn tab_at(&self, column: u16) -> Option<Action> {
        let current = self.screen.tab();
        let wide = self.size.0 >= 110;
        let mut x: usize = if wide {
            format!(" {} ", text::APP_NAME).width() + 1
        } else {
            1
        };
        let column = usize::from(column);
        for (i, (name, action)) in TABS.iter().enumerate() {
            let label = format!(
                "{} {}",
                self.keymap.label(action),
                self.words.tr(name, None)
            );
            let width = if i == current || wide {
                label.width() + 2
            } else {
                label.width()
            };
            if (x..x + width).contains(&column) {
                return Some(action.clone());
            }
            x += width + 1;
        }
        None
    }
}
