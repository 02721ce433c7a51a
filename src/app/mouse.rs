//! The mouse, for people who reach for it. Keyboard stays first: every
//! click is a key's action, and `mouse = false` in the config turns the
//! mouse off (and leaves the terminal's own text selection alone).
//!
//! - a click on a header tab goes to that screen; on the header's conflict
//!   count, to the conflicts room;
//! - a click on a row of a list selects it, a second click on it (or a
//!   double-click) opens it as Enter would; on one of home's panels, it
//!   focuses the panel;
//! - a click on a footer hint does what its key does;
//! - with a popup open, a click on its list picks the row (a second opens
//!   it), on a form's field focuses the field, outside it closes it (the
//!   popup's own submit and cancel, whatever keys they are bound to);
//! - the wheel moves whatever is under the pointer, as the arrows do.
//!
//! Where things are comes from the last frame ([`super::hits`]), recorded
//! as it was drawn: a click costs what its key costs, never a query more.

use ratatui::crossterm::event::{KeyCode, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

use super::hits::{Drawn, ListHit, Owner};
use super::{Action, App, HomePanel, Popup, Screen, key, popups, text};
use crate::Result;

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
    /// What a mouse event means, if anything: a left click on a header tab
    /// (with nothing over the screen) is that screen; any other left click
    /// or wheel notch is resolved against the last frame by `update`.
    pub fn on_mouse(&self, m: MouseEvent) -> Option<Action> {
        if !self.config.mouse || self.privacy {
            return None;
        }
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) if m.row == 0 && !self.covered() => {
                Some(self.tab_at(m.column).unwrap_or(Action::Mouse(m)))
            }
            MouseEventKind::Down(MouseButton::Left)
            | MouseEventKind::ScrollDown
            | MouseEventKind::ScrollUp => Some(Action::Mouse(m)),
            _ => None,
        }
    }

    /// A popup, or the inbox's "which case?", is over the screen.
    fn covered(&self) -> bool {
        !self.popups.is_empty() || self.inbox_choosing()
    }

    fn inbox_choosing(&self) -> bool {
        matches!(&self.screen, Screen::Inbox(v) if v.choosing.is_some())
    }

    /// Does what a click or a wheel notch at the pointer means.
    pub(crate) fn on_pointer(&mut self, m: MouseEvent) -> Result<()> {
        let at = Position::new(m.column, m.row);
        let drawn = self.hits.drawn();
        match m.kind {
            MouseEventKind::ScrollDown => self.wheel(at, &drawn, true),
            MouseEventKind::ScrollUp => self.wheel(at, &drawn, false),
            MouseEventKind::Down(MouseButton::Left) => self.click(at, &drawn),
            _ => Ok(()),
        }
    }

    fn wheel(&mut self, at: Position, drawn: &Drawn, down: bool) -> Result<()> {
        let (code, action) = if down {
            (KeyCode::Down, Action::Down)
        } else {
            (KeyCode::Up, Action::Up)
        };
        if self.covered() {
            // The popup's list, when the pointer is over the popup.
            if !drawn.popup.is_some_and(|r| r.contains(at)) {
                return Ok(());
            }
            return if self.popups.is_empty() {
                self.apply(action)
            } else {
                self.apply(Action::Key(key(code)))
            };
        }
        // Home: the panel under the pointer takes the wheel.
        if matches!(self.screen, Screen::Home)
            && let Some((_, panel)) = drawn.panels.iter().find(|(r, _)| r.contains(at))
        {
            self.home.focus_on(panel_at(*panel));
        }
        self.apply(action)
    }

    fn click(&mut self, at: Position, drawn: &Drawn) -> Result<()> {
        if self.covered() {
            return self.click_over(at, drawn);
        }
        if at.y == 0 {
            if drawn.conflicts.is_some_and(|r| r.contains(at)) {
                return self.apply(Action::GotoConflicts);
            }
            return match self.tab_at(at.x) {
                Some(tab) => self.apply(tab),
                None => Ok(()),
            };
        }
        if let Some((_, action)) = drawn.footer.iter().find(|(r, _)| r.contains(at)) {
            return self.apply(action.clone());
        }
        if let Some(list) = drawn
            .lists
            .iter()
            .find(|l| l.owner != Owner::Popup && l.area.contains(at))
        {
            return self.click_row(at, list);
        }
        if matches!(self.screen, Screen::Home)
            && let Some((_, panel)) = drawn.panels.iter().find(|(r, _)| r.contains(at))
        {
            self.home.focus_on(panel_at(*panel));
        }
        Ok(())
    }

    /// A click on a list of the screen: the first selects the row, a
    /// second on the selected row opens it.
    fn click_row(&mut self, at: Position, list: &ListHit) -> Result<()> {
        let row = list.row_at(at);
        if let Owner::Panel(panel) = list.owner {
            let panel = panel_at(panel);
            let focused = self.home.focus == panel;
            self.home.focus_on(panel);
            return match row {
                Some(i) if focused && list.selected == Some(i) => self.apply(Action::Open),
                Some(i) => {
                    self.home.selected = i;
                    Ok(())
                }
                None => Ok(()),
            };
        }
        let (Some(i), Some(selected)) = (row, list.selected) else {
            return Ok(());
        };
        if i == selected {
            return self.apply(Action::Open);
        }
        // As many steps as rows between: at most a screenful, each what an
        // arrow key costs.
        let step = if i > selected {
            Action::Down
        } else {
            Action::Up
        };
        for _ in 0..i.abs_diff(selected) {
            self.apply(step.clone())?;
        }
        Ok(())
    }

    /// A click with a popup (or the inbox's choice) open: inside, on a row
    /// or a field; outside, it closes as its cancel does.
    fn click_over(&mut self, at: Position, drawn: &Drawn) -> Result<()> {
        let Some(area) = drawn.popup else {
            // Not drawn yet: nothing to aim at.
            return Ok(());
        };
        let in_popup = !self.popups.is_empty();
        if !area.contains(at) {
            return if in_popup {
                self.click_popup(popups::Click::Close)
            } else {
                self.apply(Action::Back)
            };
        }
        if let Some(list) = drawn
            .lists
            .iter()
            .find(|l| l.owner == Owner::Popup && l.area.contains(at))
            && let Some(i) = list.row_at(at)
        {
            if list.selected == Some(i) {
                return if in_popup {
                    self.click_popup(popups::Click::Open)
                } else {
                    self.apply(Action::Open)
                };
            }
            match self.popups.last_mut() {
                Some(Popup::Choose { selected, .. } | Popup::People { selected }) => *selected = i,
                Some(Popup::Search(p)) => p.selected = i,
                None => {
                    if let Screen::Inbox(v) = &mut self.screen
                        && let Some(c) = &mut v.choosing
                    {
                        c.selected = i;
                    }
                }
                _ => {}
            }
            return Ok(());
        }
        if let Some((_, field)) = drawn.fields.iter().find(|(r, _)| r.contains(at))
            && let Some(Popup::Form(_, f)) = self.popups.last_mut()
        {
            f.focus_at(*field);
        }
        Ok(())
    }

    /// A click's action on the popup on top: submit or cancel as such,
    /// never as the Enter or Esc key (which may be bound to something else).
    fn click_popup(&mut self, click: popups::Click) -> Result<()> {
        let (mut cx, screen, _, stack) = self.cx();
        let effects = popups::on_click(stack, super::case_on(screen), click, &mut cx)?;
        self.apply_effects(effects)
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

/// Home's panel at `index` in the order `HomePanel::ALL` gives.
fn panel_at(index: usize) -> HomePanel {
    HomePanel::ALL.get(index).copied().unwrap_or_default()
}
