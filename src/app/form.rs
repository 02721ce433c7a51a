//! A form popup: one input per field, a focus moved by Tab, an error beside
//! each field re-checked on every edit, and submit refused while one stands.
//! What each form asks and how it is saved lives in `forms.rs`.
//!
//! Every field is named by its form's enum ([`FieldName`], declared with
//! `field_names!`): reads, checks, errors and focus go through the name,
//! never a position, and a name from another form finds nothing. A choice's
//! options carry typed values ([`Opt`]), read back as that type
//! ([`Form::choice`]), never parsed from text.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config as MatchConfig, Matcher};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use std::any::{Any, TypeId};
use std::sync::Arc;

use super::action::Action;
use super::keymap::Keymap;
use super::textfield::TextField;
use crate::domain::text::fold;
use crate::domain::{ClosedList, Contact, Id};
use crate::store::{Store, Who};

/// The fields of one form, in screen order: every read, check, error and
/// focus goes through a field's name, never a position.
pub trait FieldName: Copy + PartialEq + std::fmt::Debug + 'static {
    const ORDER: &'static [Self];
}

/// Declares a form's field names (a focus enum), in screen order.
macro_rules! field_names {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($(#[$vm])* $v),+ }
        impl $crate::app::form::FieldName for $name {
            const ORDER: &'static [Self] = &[$($name::$v),+];
        }
    };
}
pub(crate) use field_names;

/// One option of a choice: the typed value it stands for (read back as
/// that type, never re-parsed from text), the key it is compared and
/// remembered by (a closed list's contract name; "" for "not asked"), and
/// the label shown.
#[derive(Clone)]
pub struct Opt {
    pub key: String,
    pub label: String,
    value: Arc<dyn Any + Send + Sync>,
}

impl Opt {
    pub fn new<T: Any + Send + Sync>(
        value: T,
        key: impl Into<String>,
        label: impl Into<String>,
    ) -> Opt {
        Opt {
            key: key.into(),
            label: label.into(),
            value: Arc::new(value),
        }
    }

    /// An option whose value is text (a category, a template's name, a
    /// monitoring answer from the config): its value is its key.
    pub fn text(key: impl Into<String>, label: impl Into<String>) -> Opt {
        let key = key.into();
        Opt::new(key.clone(), key, label)
    }

    /// One value of a closed list, labelled in the reader's language.
    pub fn of<T: ClosedList + Send + Sync>(w: &crate::i18n::Catalogue, v: T) -> Opt {
        Opt::new(v, v.as_str(), w.label(v))
    }

    /// The value, when it is a `T`.
    pub fn value<T: Any + Clone>(&self) -> Option<T> {
        self.value.downcast_ref::<T>().cloned()
    }
}

impl PartialEq for Opt {
    fn eq(&self, other: &Opt) -> bool {
        self.key == other.key && self.label == other.label
    }
}

impl std::fmt::Debug for Opt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Opt({:?}, {:?})", self.key, self.label)
    }
}

/// The keys a form takes from the keymap (the rest are typing), in the
/// order they are tried; checked for clashes at start-up.
pub const KEYS: &[Action] = &[
    Action::Cancel,
    Action::Submit,
    Action::NextField,
    Action::PrevField,
    Action::NewLine,
    Action::PickUp,
    Action::PickDown,
];

/// What a key did to a popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Keep,
    Cancel,
    Submit,
}

/// A contact offered while typing a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub id: Id<Contact>,
    pub name: String,
    pub detail: String,
    pub caution: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Text(TextField),
    /// One of a list of typed options.
    Choice {
        options: Vec<Opt>,
        selected: usize,
        /// The letters typed on it since the last arrow or miss: "tai"
        /// goes to Tai, where each letter on its own would jump elsewhere.
        typed: String,
    },
    /// A person: typed, completed against the contacts as you type.
    Who {
        field: TextField,
        chosen: Option<Match>,
        matches: Vec<Match>,
        /// Index into `matches`; `matches.len()` means "a new contact".
        selected: usize,
    },
    /// One of a short list loaded from the store (a person's open cases),
    /// narrowed by typing a few letters of a reference or a title.
    Pick(Pick),
}

/// A list narrowed by what is typed: (value, label) options, the first of
/// which (value "") means "none" and is always offered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pick {
    pub filter: TextField,
    pub options: Vec<(String, String)>,
    /// Index into `options`.
    pub selected: usize,
    /// What the options were loaded for (a contact's id), so they are
    /// reloaded only when that changes, not on every key.
    pub loaded_for: Option<i64>,
    /// An option offered whoever the options are loaded for (the case on
    /// screen, the case an entry is filed on now).
    pub always: Option<(String, String)>,
}

impl Pick {
    pub fn new(none_label: &str) -> Pick {
        Pick {
            options: vec![(String::new(), none_label.to_string())],
            ..Pick::default()
        }
    }

    /// The options that fit what was typed, by index; "none" only when
    /// nothing is typed.
    pub fn visible(&self) -> Vec<usize> {
        let typed = fold(self.filter.text().trim());
        (0..self.options.len())
            .filter(|&i| {
                if typed.is_empty() {
                    return true;
                }
                let (value, label) = &self.options[i];
                !value.is_empty() && fold(label).contains(&typed)
            })
            .collect()
    }

    /// Replaces the options, keeping the choice when it is still offered.
    pub fn set_options(&mut self, options: Vec<(String, String)>, select: Option<&str>) {
        let keep = select
            .map(str::to_string)
            .or_else(|| self.options.get(self.selected).map(|o| o.0.clone()));
        self.options = options;
        self.selected = keep
            .and_then(|v| self.options.iter().position(|o| o.0 == v))
            .unwrap_or(0);
    }

    /// Moves the choice by `by` among the visible options.
    fn step(&mut self, by: i64) {
        let vis = self.visible();
        if vis.is_empty() {
            return;
        }
        let at = vis.iter().position(|&i| i == self.selected).unwrap_or(0) as i64;
        let n = vis.len() as i64;
        self.selected = vis[((at + by).rem_euclid(n)) as usize];
    }

    /// After typing: the first option that fits, if the current one does not.
    fn refit(&mut self) {
        let vis = self.visible();
        if !vis.contains(&self.selected) {
            self.selected = vis.first().copied().unwrap_or(0);
        }
    }

    /// The value chosen ("" for none), or `None` when what was typed fits
    /// nothing.
    pub fn value(&self) -> Option<&str> {
        let vis = self.visible();
        vis.contains(&self.selected)
            .then(|| self.options.get(self.selected).map(|o| o.0.as_str()))
            .flatten()
    }
}

impl Input {
    pub fn text(&self) -> &str {
        match self {
            Input::Text(f) | Input::Who { field: f, .. } => f.text(),
            Input::Choice {
                options, selected, ..
            } => options.get(*selected).map(|o| o.key.as_str()).unwrap_or(""),
            Input::Pick(p) => p.value().unwrap_or(""),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub input: Input,
    pub optional: bool,
    pub error: Option<String>,
    /// Errors show once the field was edited or a save was tried, so an
    /// untouched empty field does not shout.
    pub touched: bool,
    /// Hidden fields are skipped by Tab and not shown (e.g. "on behalf of"
    /// unless the case is an indirect query).
    pub hidden: bool,
}

impl Field {
    pub fn text(label: &'static str, field: TextField) -> Field {
        Field {
            label,
            input: Input::Text(field),
            optional: false,
            error: None,
            touched: false,
            hidden: false,
        }
    }

    pub fn choice(label: &'static str, options: Vec<Opt>, selected: usize) -> Field {
        Field {
            input: Input::Choice {
                options,
                selected,
                typed: String::new(),
            },
            ..Field::text(label, TextField::new())
        }
    }

    pub fn who(label: &'static str) -> Field {
        Field {
            input: Input::Who {
                field: TextField::new(),
                chosen: None,
                matches: Vec::new(),
                selected: 0,
            },
            ..Field::text(label, TextField::new())
        }
    }

    pub fn pick(label: &'static str, pick: Pick) -> Field {
        Field {
            input: Input::Pick(pick),
            ..Field::text(label, TextField::new())
        }
    }

    pub fn optional(mut self) -> Field {
        self.optional = true;
        self
    }

    /// The error to show now, if any.
    pub fn shown_error(&self) -> Option<&str> {
        self.error.as_deref().filter(|_| self.touched)
    }
}

/// What the store says about a typed name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum NameCheck {
    /// Not asked (no field of the form needs it), or nothing typed.
    #[default]
    Unchecked,
    /// The one person the name (or the completion picked) stands for.
    Known(crate::domain::Id<crate::domain::Contact>),
    /// Nobody of that name yet: saving can add them first.
    New(String),
    /// Someone who cannot take this (a constituent as a referral's target).
    Refused,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: &'static str,
    /// The fields in screen order; read and written through their names
    /// (`field`, `text`, `choice` …), never by position.
    fields: Vec<Field>,
    /// The position of the field in focus; outside, the field is named
    /// (`focused_name`, `focus_on`).
    focus: usize,
    /// The enum that names this form's fields: a name of another form's
    /// enum finds nothing here rather than some other field.
    names: TypeId,
    /// A line shown under the fields (e.g. the refusal to save).
    pub notice: Option<String>,
    /// What the store said about the name typed in the field the form
    /// depends on (the referral's "to whom"), asked after each edit so that
    /// the checks themselves are pure (`forms::look_up`, `forms::validate`).
    pub name_check: NameCheck,
    /// Every field's value as the form opened (prefilled forms included),
    /// so Esc on a form nobody changed closes it without asking.
    initial: Vec<String>,
}

impl Form {
    /// A form from its named fields, which must come in `F::ORDER`.
    pub fn build<F: FieldName>(title: &'static str, fields: Vec<(F, Field)>) -> Form {
        debug_assert!(
            fields.iter().map(|(f, _)| *f).eq(F::ORDER.iter().copied()),
            "fields out of order"
        );
        let fields: Vec<Field> = fields.into_iter().map(|(_, x)| x).collect();
        let initial = fields.iter().map(|f| f.input.text().to_string()).collect();
        Form {
            title,
            fields,
            focus: 0,
            names: TypeId::of::<F>(),
            notice: None,
            name_check: NameCheck::default(),
            initial,
        }
    }

    /// Where a named field sits, if it is one of this form's.
    fn index<F: FieldName>(&self, f: F) -> Option<usize> {
        if self.names != TypeId::of::<F>() {
            return None;
        }
        F::ORDER
            .iter()
            .position(|x| *x == f)
            .filter(|&i| i < self.fields.len())
    }

    /// The named field.
    pub fn field<F: FieldName>(&self, f: F) -> Option<&Field> {
        self.index(f).and_then(|i| self.fields.get(i))
    }

    pub fn field_mut<F: FieldName>(&mut self, f: F) -> Option<&mut Field> {
        self.index(f).and_then(|i| self.fields.get_mut(i))
    }

    /// The named field's input.
    pub fn input<F: FieldName>(&self, f: F) -> Option<&Input> {
        self.field(f).map(|x| &x.input)
    }

    /// What the named field holds as text (a choice's key).
    pub fn text<F: FieldName>(&self, f: F) -> &str {
        self.field(f).map_or("", |x| x.input.text())
    }

    /// The named field's text, trimmed, or `None` when blank.
    pub fn opt_text<F: FieldName>(&self, f: F) -> Option<String> {
        let t = self.text(f).trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    /// The typed value chosen in the named choice.
    pub fn choice<T: Any + Clone, F: FieldName>(&self, f: F) -> Option<T> {
        match self.input(f) {
            Some(Input::Choice {
                options, selected, ..
            }) => options.get(*selected)?.value(),
            _ => None,
        }
    }

    /// Chooses the option whose value is `value`; false when none is.
    pub fn choose<T: Any + PartialEq, F: FieldName>(&mut self, f: F, value: &T) -> bool {
        if let Some(Input::Choice {
            options, selected, ..
        }) = self.field_mut(f).map(|x| &mut x.input)
            && let Some(i) = options
                .iter()
                .position(|o| o.value.downcast_ref::<T>() == Some(value))
        {
            *selected = i;
            return true;
        }
        false
    }

    /// The person a name field stands for: the contact picked, or the name
    /// typed.
    pub fn who<F: FieldName>(&self, f: F) -> Option<Who> {
        match self.input(f) {
            Some(Input::Who {
                chosen: Some(m), ..
            }) => Some(Who::Known(m.id)),
            Some(Input::Who { field, .. }) if !field.is_empty() => {
                Some(Who::Named(field.text().trim().to_string()))
            }
            _ => None,
        }
    }

    pub fn set_error<F: FieldName>(&mut self, f: F, error: Option<String>) {
        if let Some(x) = self.field_mut(f) {
            x.error = error;
        }
    }

    pub fn set_hidden<F: FieldName>(&mut self, f: F, hidden: bool) {
        if let Some(x) = self.field_mut(f) {
            x.hidden = hidden;
        }
    }

    /// Forgets every field's error before the checks run again.
    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// The name of the field in focus.
    pub fn focused_name<F: FieldName>(&self) -> Option<F> {
        (self.names == TypeId::of::<F>())
            .then(|| F::ORDER.get(self.focus).copied())
            .flatten()
    }

    /// The shown fields in screen order, each with whether it has the
    /// focus: what the one form renderer draws.
    pub fn rows(&self) -> impl Iterator<Item = (&Field, bool)> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.hidden)
            .map(|(i, f)| (f, i == self.focus))
    }

    /// Keeps the focus off hidden fields: when the field in focus was just
    /// hidden, the next shown one takes it.
    pub fn keep_focus_visible(&mut self) {
        let n = self.fields.len();
        if self.fields.get(self.focus).is_some_and(|f| !f.hidden) {
            return;
        }
        if let Some(i) = (1..=n)
            .map(|k| (self.focus + k) % n)
            .find(|&i| self.fields.get(i).is_some_and(|f| !f.hidden))
        {
            self.focus = i;
        }
    }

    /// Moves the focus to the named field.
    pub fn focus_on<F: FieldName>(&mut self, f: F) {
        if let Some(i) = self.index(f) {
            self.focus = i;
        }
    }

    /// Takes the values now in the form as where it starts: a default chosen
    /// after it was built (a surgery's channel) or a proposal made on opening
    /// (the caller's one open case) is not a change Esc would lose.
    pub fn settle(&mut self) {
        self.initial = self
            .fields
            .iter()
            .map(|f| f.input.text().to_string())
            .collect();
    }

    /// True when something was typed or chosen that Esc would lose.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, was)| f.input.text() != was)
    }

    /// Moves the cursor to the first field with an error (after a refused
    /// save), so the fix starts where the problem is.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| !f.hidden && f.error.is_some())
        {
            self.focus = i;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| !f.hidden && f.error.is_some())
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus.min(self.fields.len().saturating_sub(1))]
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.touched = f.touched || !f.input.text().is_empty();
        }
        let next = (1..=n)
            .map(|step| {
                if forward {
                    (self.focus + step) % n
                } else {
                    (self.focus + n - step) % n
                }
            })
            .find(|&i| self.fields.get(i).is_some_and(|f| !f.hidden));
        if let Some(i) = next {
            self.focus = i;
        }
    }

    /// Focuses the `shown`th field on screen (a click on it), leaving the one focused as Tab
    /// would; a hidden or missing field changes nothing.
    pub fn focus_at(&mut self, shown: usize) {
        let Some(i) = self
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.hidden)
            .nth(shown)
            .map(|(i, _)| i)
        else {
            return;
        };
        if i == self.focus {
            return;
        }
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.touched = f.touched || !f.input.text().is_empty();
        }
        self.focus = i;
    }

    /// Inserts pasted text whole into the focused text field.
    pub fn paste(&mut self, s: &str) {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        match &mut f.input {
            Input::Text(t) => t.insert_str(s),
            Input::Who { field, chosen, .. } => {
                field.insert_str(s);
                *chosen = None;
            }
            Input::Pick(p) => {
                p.filter.insert_str(s);
                p.refit();
            }
            Input::Choice { .. } => return,
        }
        f.touched = true;
    }

    /// Handles a key: the form's own keys come from the keymap ([`KEYS`]),
    /// the rest edit the focused field. The caller re-validates and
    /// refreshes completions.
    pub fn handle_key(&mut self, key: &KeyEvent, keys: &Keymap) -> Outcome {
        if keys.is(key, &Action::NewLine) {
            match self.fields.get_mut(self.focus) {
                Some(Field {
                    input: Input::Text(t),
                    touched,
                    ..
                }) if t.is_multiline() => {
                    t.insert_char('\n');
                    *touched = true;
                    return Outcome::Keep;
                }
                // A one-line field has no new line: the key saves, as it did
                // before it was bound.
                _ => return self.submit(),
            }
        }
        match keys.resolve(key, KEYS) {
            Some(Action::Cancel) => return Outcome::Cancel,
            Some(Action::Submit) => return self.submit(),
            Some(Action::NextField) => {
                self.accept_pick();
                self.move_focus(true);
                return Outcome::Keep;
            }
            Some(Action::PrevField) => {
                self.move_focus(false);
                return Outcome::Keep;
            }
            _ => {}
        }
        let (up, down) = (
            keys.is(key, &Action::PickUp),
            keys.is(key, &Action::PickDown),
        );
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Outcome::Keep;
        };
        match &mut f.input {
            Input::Text(t) => {
                if t.handle_key(key) {
                    f.touched = true;
                }
            }
            Input::Pick(p) => match key.code {
                KeyCode::Left | KeyCode::Up => p.step(-1),
                KeyCode::Right | KeyCode::Down => p.step(1),
                _ => {
                    if p.filter.handle_key(key) {
                        p.refit();
                        f.touched = true;
                    }
                }
            },
            Input::Choice {
                options,
                selected,
                typed,
            } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Left | KeyCode::Up | KeyCode::Char('k') => {
                        typed.clear();
                        *selected = (*selected + n - 1) % n
                    }
                    KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') | KeyCode::Char('j') => {
                        typed.clear();
                        *selected = (*selected + 1) % n
                    }
                    KeyCode::Char(c) => {
                        if let Some(i) = type_ahead(options, *selected, typed, c) {
                            *selected = i;
                        }
                    }
                    _ => {}
                }
            }
            Input::Who {
                field,
                chosen,
                matches,
                selected,
            } => {
                if up {
                    *selected = selected.saturating_sub(1);
                } else if down {
                    *selected = (*selected + 1).min(matches.len());
                } else if field.handle_key(key) {
                    *chosen = None;
                    f.touched = true;
                }
            }
        }
        Outcome::Keep
    }

    /// Saving: a name's highlighted completion is taken first, and every
    /// field shows its error from now on.
    fn submit(&mut self) -> Outcome {
        self.accept_pick();
        for f in &mut self.fields {
            f.touched = true;
        }
        Outcome::Submit
    }

    /// Takes the highlighted completion of the focused name field.
    fn accept_pick(&mut self) {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        if let Input::Who {
            field,
            chosen,
            matches,
            selected,
        } = &mut f.input
            && chosen.is_none()
            && !field.is_empty()
            && let Some(m) = matches.get(*selected)
        {
            field.set_text(&m.name);
            *chosen = Some(m.clone());
            matches.clear();
            *selected = 0;
            f.touched = true;
        }
    }

    /// Refreshes the completions of the focused name field from the store,
    /// ranked fuzzily (accents folded, so "sian" finds "Siân").
    pub fn refresh_matches(
        &mut self,
        w: &crate::i18n::Catalogue,
        store: &Store,
    ) -> crate::Result<()> {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Ok(());
        };
        let Input::Who {
            field,
            chosen,
            matches,
            selected,
        } = &mut f.input
        else {
            return Ok(());
        };
        if chosen.is_some() || field.is_empty() {
            matches.clear();
            *selected = 0;
            return Ok(());
        }
        *matches = complete(w, store, field.text())?;
        *selected = 0;
        Ok(())
    }

    /// Puts a known contact in the named name field, as if picked from
    /// its completions.
    pub fn set_known<F: FieldName>(&mut self, f: F, m: Match) {
        if let Some(Field {
            input:
                Input::Who {
                    field,
                    chosen,
                    matches,
                    selected,
                },
            ..
        }) = self.field_mut(f)
        {
            field.set_text(&m.name);
            *chosen = Some(m);
            matches.clear();
            *selected = 0;
        }
    }

    /// Writes into the named text or name field.
    pub fn set_text<F: FieldName>(&mut self, f: F, text: &str) {
        if let Some(f) = self.field_mut(f) {
            match &mut f.input {
                Input::Text(t) | Input::Who { field: t, .. } => t.set_text(text),
                Input::Choice { .. } | Input::Pick(_) => {}
            }
        }
    }
}

/// The option typing `c` on a choice lands on. The letters typed so far
/// with `c` added, when an option starts with them (from the current one
/// on, so "t", "ta", "tai" stay on Tai); else `c` alone, from the next
/// option on, so pressing one letter again cycles through its options.
fn type_ahead(options: &[Opt], selected: usize, typed: &mut String, c: char) -> Option<usize> {
    let n = options.len();
    let starts = |i: &usize, prefix: &str| options[*i].label.to_lowercase().starts_with(prefix);
    typed.extend(c.to_lowercase());
    if typed.chars().count() > 1
        && let Some(i) = (0..n)
            .map(|k| (selected + k) % n)
            .find(|i| starts(i, typed))
    {
        return Some(i);
    }
    typed.clear();
    typed.extend(c.to_lowercase());
    let found = (1..=n)
        .map(|k| (selected + k) % n)
        .find(|i| starts(i, typed));
    if found.is_none() {
        typed.clear();
    }
    found
}

/// How many completions a name field offers.
const MATCHES: usize = 6;
/// How many of the best matches are ranked by activity.
const RANKED: usize = 40;

/// Contacts matching a typed name, best first. Candidates come from the
/// store's indexed prefix lookup (never a scan); when the typing has a slip
/// in it, the first letter widens the net and fuzzy ranking sorts it out.
pub fn complete(
    w: &crate::i18n::Catalogue,
    store: &Store,
    typed: &str,
) -> crate::Result<Vec<Match>> {
    let folded = fold(typed.trim());
    if folded.is_empty() {
        return Ok(Vec::new());
    }
    let mut candidates = store.complete_contacts(&folded, 40)?;
    if candidates.len() < MATCHES {
        let first: String = folded.chars().take(1).collect();
        for c in store.complete_contacts(&first, 300)? {
            if !candidates.iter().any(|x| x.id == c.id) {
                candidates.push(c);
            }
        }
    }
    let names: Vec<(usize, String)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (i, fold(&c.name)))
        .collect();
    let pattern = Pattern::parse(&folded, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(MatchConfig::DEFAULT);
    let mut scored: Vec<(usize, u32)> = names
        .iter()
        .filter_map(|(i, name)| {
            let mut buf = Vec::new();
            let hay = nucleo_matcher::Utf32Str::new(name, &mut buf);
            pattern.score(hay, &mut matcher).map(|s| (*i, s))
        })
        .collect();
    // Best score first; ties keep the store's order (name order).
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Among the good matches (within a fifth of the best), people with an
    // open case, then those who called most recently, come first: the caller
    // is most likely someone already being helped. Only the matches offered
    // and a few more are looked up, so the cost is per keystroke, not per
    // diary.
    let best = scored.first().map(|s| s.1).unwrap_or(0);
    let good = scored
        .iter()
        .take_while(|s| s.1.saturating_mul(5) >= best.saturating_mul(4))
        .take(RANKED)
        .count();
    if good > 1 {
        let ids: Vec<Id<Contact>> = scored[..good].iter().map(|s| candidates[s.0].id).collect();
        let activity = store.caller_activity(&ids)?;
        let mut ranked: Vec<_> = scored[..good].iter().copied().zip(activity).collect();
        // Stable: equal activity keeps the fuzzy order.
        ranked.sort_by_key(|(_, activity)| std::cmp::Reverse(*activity));
        for (slot, (s, _)) in scored.iter_mut().zip(ranked) {
            *slot = s;
        }
    }
    Ok(scored
        .into_iter()
        .take(MATCHES)
        .map(|(i, _)| {
            let c = &candidates[i];
            let detail = [
                Some(w.label(c.kind())),
                c.organisation.clone(),
                c.postcode.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            Match {
                id: c.id,
                name: c.name.clone(),
                detail,
                caution: c.caution.is_some(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{Opt, type_ahead};

    fn options() -> Vec<Opt> {
        [
            "Arall",
            "Addysg",
            "Iechyd",
            "Tai",
            "Trafnidiaeth",
            "Ysgolion",
        ]
        .iter()
        .map(|l| Opt::new(l.to_string(), *l, *l))
        .collect()
    }

    /// Types `letters` on a choice that starts on the first option.
    fn land(letters: &str) -> Vec<&'static str> {
        let o = options();
        let names = [
            "Arall",
            "Addysg",
            "Iechyd",
            "Tai",
            "Trafnidiaeth",
            "Ysgolion",
        ];
        let (mut at, mut typed) = (0, String::new());
        letters
            .chars()
            .map(|c| {
                if let Some(i) = type_ahead(&o, at, &mut typed, c) {
                    at = i;
                }
                names[at]
            })
            .collect()
    }

    #[test]
    fn typing_a_word_lands_on_it_and_one_letter_again_cycles() {
        assert_eq!(land("tai"), ["Tai", "Tai", "Tai"]);
        assert_eq!(land("tr"), ["Tai", "Trafnidiaeth"]);
        assert_eq!(land("tt"), ["Tai", "Trafnidiaeth"], "again: the next T");
        assert_eq!(land("aa"), ["Addysg", "Arall"], "cycles round");
        assert_eq!(land("TAI"), ["Tai", "Tai", "Tai"], "either case");
        assert_eq!(
            land("tiy"),
            ["Tai", "Iechyd", "Ysgolion"],
            "a miss starts again"
        );
        assert_eq!(land("q"), ["Arall"], "no option: stays");
    }
}
