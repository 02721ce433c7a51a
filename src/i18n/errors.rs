//! Errors in words: [`Error::message`] renders any error in the reader's
//! language, [`Msg::render`] a catalogue message and its arguments. `Display`
//! of a message is its English.
//!
//! These live here, not in `crate::error`, so that the error types stay
//! facts below the catalogue: the domain builds errors, the catalogue labels
//! the domain's values, and nothing goes round in a circle.

use super::{Catalogue, Lang};
use crate::error::{Arg, Error, Msg};

impl Error {
    /// The error in the reader's language, one line.
    pub fn message(&self, t: &Catalogue) -> String {
        self.to_msg().render(t)
    }
}

impl Arg {
    /// The argument as text in the catalogue's language.
    pub fn render(&self, t: &Catalogue) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Number(n) => n.to_string(),
            Arg::Msg(m) => m.render(t),
            Arg::List(ms) => ms
                .iter()
                .map(|m| m.render(t))
                .collect::<Vec<_>>()
                .join("; "),
            Arg::Lines(ms) => ms.iter().map(|m| format!("\n  {}", m.render(t))).collect(),
            Arg::Label { what, key } => t.tr(&super::label_id(what, key), None),
        }
    }
}

impl Msg {
    /// The message in the catalogue's language.
    pub fn render(&self, t: &Catalogue) -> String {
        let args: Vec<(&str, fluent_bundle::FluentValue)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let v: fluent_bundle::FluentValue = match value {
                    Arg::Text(s) => s.as_str().into(),
                    Arg::Number(n) => (*n).into(),
                    other => other.render(t).into(),
                };
                (*name, v)
            })
            .collect();
        t.tr(self.id, Some(&super::args(&args)))
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Catalogue::shared(Lang::En)))
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Catalogue::shared(Lang::En)))
    }
}
