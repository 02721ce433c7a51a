//! One room a popup: its keys and its drawing (and what it does when
//! answered). Popups form a stack over the screen: the top one takes each
//! key first. Adding a popup: a file here, a variant of [`Popup`], and its
//! arm in each `match` below (the registry).

pub mod choose;
pub mod confirm;
pub mod form;
pub mod message;
pub mod people;
pub mod search;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

pub use choose::ChoicePurpose;
pub use confirm::Confirmed;
pub use search::SearchPopup;

use super::form::Form;
use super::forms::FormKind;
use super::{App, record, text};
use super::{CaseOnScreen, Cx, Effects};
use crate::Result;
use crate::ui::Theme;

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help,
    Message {
        title: String,
        body: String,
        error: bool,
    },
    Confirm {
        question: String,
        then: Confirmed,
    },
    /// The key bindings that were skipped or collide, said once at start
    /// (drawn from the keymap's facts in the language of the moment).
    KeyProblems,
    Search(SearchPopup),
    Form(FormKind, Box<Form>),
    /// The people on the case on screen (listed from its view).
    People {
        selected: usize,
    },
    Choose {
        title: &'static str,
        /// (value, label)
        options: Vec<(String, String)>,
        selected: usize,
        purpose: ChoicePurpose,
    },
}

/// The keys each popup resolves from the keymap, to check for clashes
/// (forms and search take typing, and keep their keys fixed).
pub const KEY_SETS: &[&[crate::app::Action]] =
    &[message::KEYS, confirm::KEYS, choose::KEYS, people::KEYS];

/// A key for the popup on top of `stack`.
pub fn on_key(
    stack: &mut Vec<Popup>,
    case: Option<CaseOnScreen>,
    key: &KeyEvent,
    cx: &mut Cx,
) -> Result<Effects> {
    match stack.last_mut() {
        None => Ok(Vec::new()),
        Some(Popup::Help | Popup::Message { .. } | Popup::KeyProblems) => {
            Ok(message::on_key(key, cx.keymap))
        }
        Some(Popup::Confirm { .. }) => confirm::on_key(stack, key, cx),
        Some(Popup::Search(p)) => p.on_key(key, cx),
        Some(Popup::Choose { .. }) => choose::on_key(stack, case, key, cx),
        Some(Popup::People { selected }) => people::on_key(selected, case, key, cx),
        Some(Popup::Form(..)) => form::on_key(stack, key, cx),
    }
}

/// Text pasted into the popup on top (forms and search take it).
pub fn paste(top: &mut Popup, s: &str, cx: &mut Cx) -> Result<()> {
    match top {
        Popup::Form(kind, f) => form::paste(kind, f, s, cx),
        Popup::Search(p) => p.paste(s, cx),
        _ => Ok(()),
    }
}

/// The footer's hints while `top` is open.
pub fn hints(
    w: &crate::i18n::Catalogue,
    keymap: &crate::app::Keymap,
    top: &Popup,
) -> Vec<(String, String)> {
    let hint = match top {
        Popup::Form(_, f) => return form::hints(w, f),
        Popup::Search(_) => w.tr(text::search::HINT, None),
        Popup::Confirm { then, .. } => then.keys(w, keymap),
        Popup::Choose { .. } => w.tr(text::message::CHOOSE_KEYS, None),
        Popup::People { .. } => w.tr(record::text::people::KEYS, None),
        Popup::Help => w.tr(text::help::CLOSE, None),
        Popup::Message { .. } | Popup::KeyProblems => w.tr(text::message::CLOSE, None),
    };
    vec![(String::new(), hint)]
}

pub fn draw(app: &App, popup: &Popup, theme: &Theme, frame: &mut Frame, area: Rect) {
    match popup {
        Popup::Help => message::draw_help(app, theme, frame, area),
        Popup::Message { title, body, error } => {
            message::draw(&app.words, title, body, *error, theme, frame, area)
        }
        Popup::KeyProblems => {
            let body: Vec<String> = app
                .keymap
                .problems
                .iter()
                .map(|p| text::message::key_problem(&app.words, p))
                .collect();
            let title = app.words.tr(text::message::PROBLEMS, None);
            message::draw(
                &app.words,
                &title,
                &body.join("\n"),
                true,
                theme,
                frame,
                area,
            )
        }
        Popup::Confirm { question, then } => {
            confirm::draw(&app.words, &app.keymap, question, *then, theme, frame, area)
        }
        Popup::Search(p) => search::draw(&app.words, p, theme, frame, area),
        Popup::Form(_, f) => form::draw(&app.words, f, theme, frame, area),
        Popup::People { selected } => {
            let people = app.case_on_screen().map_or(&[][..], |c| c.people);
            people::draw(&app.words, people, *selected, theme, frame, area)
        }
        Popup::Choose {
            title,
            options,
            selected,
            ..
        } => choose::draw(
            &app.words.tr(title, None),
            options,
            selected,
            theme,
            frame,
            area,
        ),
    }
}
