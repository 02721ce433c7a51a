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

pub use choose::Choice;
pub use confirm::Confirmed;
pub use search::SearchPopup;

use super::form::Form;
use super::forms::FormKind;
use super::{Action, CaseOnScreen, Cx, Effect, Effects};
use super::{App, record, text};
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
        options: Vec<(Choice, String)>,
        selected: usize,
    },
}

/// The keys each popup resolves from the keymap, to check for clashes
/// (forms and search take the rest as typing).
pub const KEY_SETS: &[&[crate::app::Action]] = &[
    message::KEYS,
    confirm::KEYS,
    choose::KEYS,
    people::KEYS,
    crate::app::form::KEYS,
    search::KEYS,
];

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

/// What a click means to the popup on top: the action its keys name,
/// whatever keys they are bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Click {
    /// A second click on the selected row of its list: open or pick it.
    Open,
    /// A click outside it: close it (a form with typing asks first).
    Close,
}

/// A click on the popup on top of `stack`, as its action rather than a
/// key, so it works with Enter and Esc bound elsewhere.
pub fn on_click(
    stack: &mut Vec<Popup>,
    case: Option<CaseOnScreen>,
    click: Click,
    cx: &mut Cx,
) -> Result<Effects> {
    match (stack.last_mut(), click) {
        (None, _) => Ok(Vec::new()),
        (Some(Popup::Search(p)), Click::Open) => p.act(Action::Submit, cx),
        (Some(Popup::Search(p)), Click::Close) => p.act(Action::Cancel, cx),
        (Some(Popup::Choose { .. }), Click::Open) => {
            choose::act(stack, case, Some(Action::Open), cx)
        }
        (Some(Popup::People { selected }), Click::Open) => {
            people::act(selected, case, Some(Action::Open), cx)
        }
        (Some(Popup::Form(_, f)), Click::Close) => Ok(form::cancel(f, cx)),
        // The rest have no list to open from; a click outside closes them
        // (a question so closed is answered no).
        (Some(_), Click::Open) => Ok(Vec::new()),
        (Some(_), Click::Close) => Ok(vec![Effect::Pop]),
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
        Popup::Form(_, f) => return form::hints(w, keymap, f),
        Popup::Search(_) => search::hint(w, keymap),
        Popup::Confirm { then, .. } => then.keys(w, keymap),
        Popup::Choose { .. } => w.tr(text::message::CHOOSE_KEYS, None),
        Popup::People { .. } => w.tr(record::text::people::KEYS, None),
        Popup::Help => w.tr(text::help::CLOSE, None),
        Popup::Message { .. } | Popup::KeyProblems => w.tr(text::message::CLOSE, None),
    };
    vec![(String::new(), hint)]
}

/// Draws `popup` and records where it is (the top one's rectangle, list
/// rows and form fields are what a click reaches; each popup drawn replaces
/// the last, so the top one's stay).
pub fn draw(app: &App, popup: &Popup, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (r, list, fields) = match popup {
        Popup::Help => (
            message::draw_help(app, theme, frame, area),
            None,
            Vec::new(),
        ),
        Popup::Message { title, body, error } => (
            message::draw(&app.words, title, body, *error, theme, frame, area),
            None,
            Vec::new(),
        ),
        Popup::Confirm { question, then } => (
            confirm::draw(&app.words, &app.keymap, question, *then, theme, frame, area),
            None,
            Vec::new(),
        ),
        Popup::Search(p) => {
            let (r, list) = search::draw(&app.words, &app.keymap, p, theme, frame, area);
            (r, list, Vec::new())
        }
        Popup::KeyProblems => {
            let body: Vec<String> = app
                .keymap
                .problems
                .iter()
                .map(|p| text::message::key_problem(&app.words, p))
                .collect();
            let title = app.words.tr(text::message::PROBLEMS, None);
            let r = message::draw(
                &app.words,
                &title,
                &body.join("\n"),
                true,
                theme,
                frame,
                area,
            );
            (r, None, Vec::new())
        }
        Popup::Form(_, f) => {
            let (r, fields) = form::draw(&app.words, f, theme, frame, area);
            (r, None, fields)
        }
        Popup::People { selected } => {
            let people = app.case_on_screen().map_or(&[][..], |c| c.people);
            let (r, list) = people::draw(&app.words, people, *selected, theme, frame, area);
            (r, list, Vec::new())
        }
        Popup::Choose {
            title,
            options,
            selected,
            ..
        } => {
            let (r, list) = choose::draw(
                &app.words.tr(title, None),
                options,
                selected,
                theme,
                frame,
                area,
            );
            (r, Some(list), Vec::new())
        }
    };
    app.hits.record(|d| {
        d.popup = Some(r);
        d.lists.retain(|l| l.owner != super::hits::Owner::Popup);
        d.lists.extend(list);
        d.fields = fields;
    });
}
