//! casebook in English and Welsh (SPEC section 8): every word it shows comes
//! from a Project Fluent catalogue, one per language, embedded in the binary
//! (`assets/i18n/<lang>/casebook.ftl`).
//!
//! A [`Catalogue`] speaks one language. It never panics and never shows a
//! blank: a message missing from the chosen language falls back to English,
//! and one missing from both shows its id (the parity test in
//! `tests/i18n.rs` keeps both catalogues whole, so neither should happen).
//! Plurals follow CLDR through Fluent selectors (Welsh has six forms: zero,
//! one, two, few, many, other), never `if n == 1` in code.
//!
//! A councillor may correct a message without a new build: `.ftl` files in
//! `i18n/<lang>/` beside the config file override the embedded messages of
//! that language ([`Catalogue::load`]).
//!
//! How to move a string here: give it an id named by where it is used
//! (`due-nothing`, `case-kind-complaint`), write it as a whole sentence with
//! placeables in both `.ftl` files, and call [`Catalogue::tr`] with the
//! arguments ([`args`]). Labels of the closed lists need no call-site ids:
//! [`Catalogue::label`] finds them from the list and the value.
//!
//! Errors: a user-facing error is `Error::User(Msg)` (what the user gave is
//! wrong: show it beside the field) or `Error::System(Msg)`, a
//! [`crate::error::Msg`] being an id and its arguments; render any error
//! with [`crate::Error::message`] in the reader's catalogue (its `Display`
//! is English, for logs and tests). A value in a message from elsewhere
//! (an option's name, a nested problem) is an argument, never glued text:
//! [`crate::Error::about_option`].
//!
//! Follow-ups and referral entries casebook wrote itself are shown with
//! [`Catalogue::follow_up`] and [`Catalogue::entry_text`]. Reports build a
//! [`crate::report::doc::Doc`] in a catalogue's language
//! ([`crate::report::doc::Doc::in_language`]). The tests' pseudo-locale
//! ([`Catalogue::pseudo`], `--lang pseudo`) wraps every word of every
//! message in `⟦…⟧`: a screen or output with letters outside the markers
//! has words that did not come from here (`tests/tour.rs` visits every
//! screen, popup and form; `tests/i18n.rs` runs the commands).

mod dates;
mod errors;
mod lang;

use std::path::Path;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use lang::Lang;

use crate::domain::{ClosedList, Question};
use crate::{Error, Result};

/// The embedded catalogues' text, for the parity test and the bundles.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../assets/i18n/en/casebook.ftl"),
        Lang::Cy => include_str!("../../assets/i18n/cy/casebook.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The pseudo-locale's markers round every message.
pub const PSEUDO_OPEN: char = '⟦';
pub const PSEUDO_CLOSE: char = '⟧';

/// Messages in one language, with English behind it.
pub struct Catalogue {
    lang: Lang,
    bundle: Bundle,
    /// English, for a message the chosen language lacks; `None` when the
    /// chosen language is English.
    fallback: Option<Bundle>,
    /// The pseudo-locale of the tests: every word wrapped in `⟦…⟧`, so
    /// that text on screen which did not come from here stands out.
    pseudo: bool,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Fluent arguments from (name, value) pairs:
/// `args(&[("count", n.into()), ("name", name.into())])`.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::with_capacity(pairs.len());
    for (name, value) in pairs {
        out.set(*name, value.clone());
    }
    out
}

fn bundle(lang: Lang) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
    // The Unicode isolation marks Fluent puts round placeables are for
    // bidirectional layout engines; in a terminal they are stray characters.
    bundle.set_use_isolating(false);
    // The embedded catalogue is checked by the tests: it parses cleanly and
    // has no duplicate ids, so the errors here are always empty.
    let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(r, _)| r);
    bundle.add_resource_overriding(resource);
    bundle
}

impl Catalogue {
    /// The embedded messages of one language.
    pub fn embedded(lang: Lang) -> Catalogue {
        Catalogue {
            lang,
            bundle: bundle(lang),
            fallback: (lang != Lang::En).then(|| bundle(Lang::En)),
            pseudo: false,
        }
    }

    /// The pseudo-locale (`--lang pseudo`, hidden): English with every
    /// word of every message wrapped in `⟦…⟧`. Any visible text outside the
    /// markers did not come from the catalogue (`tests/tour.rs` and
    /// `tests/i18n.rs` look for it).
    pub fn pseudo() -> Catalogue {
        Catalogue {
            pseudo: true,
            ..Catalogue::embedded(Lang::En)
        }
    }

    /// True for the pseudo-locale.
    pub fn is_pseudo(&self) -> bool {
        self.pseudo
    }

    /// A shared catalogue of the embedded messages, built once per language.
    pub fn shared(lang: Lang) -> &'static Catalogue {
        static EN: OnceLock<Catalogue> = OnceLock::new();
        static CY: OnceLock<Catalogue> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::Cy => &CY,
        };
        cell.get_or_init(|| Catalogue::embedded(lang))
    }

    /// The embedded messages with the user's corrections from
    /// `<config folder>/i18n/<lang>/*.ftl` over them (no folder: none). A
    /// file that is not valid Fluent is an error naming the file and line,
    /// as a bad config is: nothing runs on words the user did not mean.
    pub fn load(lang: Lang, config_dir: Option<&Path>) -> Result<Catalogue> {
        let mut catalogue = Catalogue::embedded(lang);
        let Some(dir) = config_dir.map(|d| d.join("i18n").join(lang.code())) else {
            return Ok(catalogue);
        };
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(catalogue),
            Err(e) => {
                return Err(Error::io(
                    crate::error::Msg::new("doing-read-messages")
                        .text("path", dir.display().to_string()),
                    e,
                ));
            }
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        // Sorted, so that two files correcting one message always agree.
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Error::io(
                    crate::error::Msg::new("doing-read-message-file")
                        .text("path", path.display().to_string()),
                    e,
                )
            })?;
            let resource = FluentResource::try_new(text).map_err(|(r, errors)| {
                let first = errors.first();
                // The line the broken message starts on, where the user
                // will look (the parser's own position may be past it).
                let line = first.map_or(1, |e| {
                    let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                    r.source()
                        .get(..at)
                        .unwrap_or_default()
                        .matches('\n')
                        .count()
                        + 1
                });
                let what =
                    first.map_or_else(|| "invalid Fluent".to_string(), |e| e.kind.to_string());
                Error::user(
                    crate::error::Msg::new("error-catalogue-override")
                        .text("path", path.display().to_string())
                        .num("line", i64::try_from(line).unwrap_or(i64::MAX))
                        .text("detail", what),
                )
            })?;
            catalogue.bundle.add_resource_overriding(resource);
        }
        Ok(catalogue)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the chosen language (not the English behind it) has `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with its arguments: in the chosen language, else
    /// English, else the id itself.
    pub fn tr(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let text = std::iter::once(&self.bundle)
            .chain(&self.fallback)
            .find_map(|b| format(b, id, args))
            .unwrap_or_else(|| id.to_string());
        if self.pseudo {
            pseudo_words(&text)
        } else {
            text
        }
    }

    /// The message without the pseudo-locale's markers: for a value that
    /// is used rather than read as words (the letter a key hint prefers).
    pub fn tr_bare(&self, id: &str) -> String {
        std::iter::once(&self.bundle)
            .chain(&self.fallback)
            .find_map(|b| format(b, id, None))
            .unwrap_or_else(|| id.to_string())
    }

    /// `tr` with a single argument, the common case.
    pub fn tr1<'a>(&self, id: &str, name: &'a str, value: impl Into<FluentValue<'a>>) -> String {
        self.tr(id, Some(&args(&[(name, value.into())])))
    }

    /// The words for a value of a closed list ("Complaint", "Cwyn").
    pub fn label<T: ClosedList>(&self, value: T) -> String {
        self.tr(&label_id(T::WHAT, value.as_str()), None)
    }

    /// What a follow-up is for, in this language: casebook's own "follow up
    /// with" in the catalogue's words, the user's words as they are.
    pub fn follow_up(&self, stored: &str, contact: Option<&str>) -> String {
        match crate::domain::followup::read(stored, contact) {
            crate::domain::followup::FollowUpWhat::With { name, what } => self.tr(
                "follow-up-with",
                Some(&args(&[("name", name.into()), ("what", what.into())])),
            ),
            crate::domain::followup::FollowUpWhat::Own(words) => words.to_string(),
        }
    }

    /// A diary entry's text in this language: a referral's entry, which
    /// casebook wrote, from the catalogue; the user's words as they are.
    pub fn entry_text(&self, stored: &str) -> String {
        let Some(n) = crate::domain::referral_note::read(stored) else {
            return stored.to_string();
        };
        let mut said = vec![
            self.tr1("entry-referred", "to", n.to),
            self.tr1(
                "entry-referred-instruction",
                "instruction",
                self.label(n.instruction).to_lowercase(),
            ),
        ];
        if let Some(cr) = n.council_ref {
            said.push(self.tr1("entry-referred-council-ref", "reference", cr));
        }
        if n.copied {
            said.push(self.tr("entry-referred-copied", None));
        }
        said.push(self.tr1("entry-referred-due", "due", n.due.to_string()));
        let mut text = said.join(" ");
        if let Some(note) = n.note {
            text.push('\n');
            text.push_str(note);
        }
        text
    }

    /// A default category's label; `None` for a category added in config,
    /// which its owner named in their own words.
    pub fn category(&self, key: &str) -> Option<String> {
        let id = label_id("category", key);
        self.bundle.has_message(&id).then(|| self.tr(&id, None))
    }

    /// A built-in monitoring answer's label; `None` for an answer added in
    /// config or typed by hand (shown as kept).
    pub fn answer(&self, q: Question, value: &str) -> Option<String> {
        let id = label_id(question_prefix(q), value);
        self.bundle.has_message(&id).then(|| self.tr(&id, None))
    }
}

/// The message id of a label: the list's name and the value's contract name,
/// made a Fluent identifier (`age band` + `75+` → `age-band-75plus`).
pub fn label_id(what: &str, key: &str) -> String {
    let mut id = String::with_capacity(what.len() + key.len() + 1);
    id.extend(what.chars().map(|c| if c == ' ' { '-' } else { c }));
    id.push('-');
    for c in key.chars() {
        match c {
            '+' => id.push_str("plus"),
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}

/// The id prefix of a monitoring question's answers.
pub const fn question_prefix(q: Question) -> &'static str {
    match q {
        Question::Gender => "gender",
        Question::Ethnicity => "ethnicity",
        Question::EmploymentStatus => "employment",
    }
}

/// Each word of `text` in the pseudo-locale's markers ("⟦Nothing⟧ ⟦due.⟧"):
/// a screen wraps and cuts at spaces, so every word on it keeps its own
/// marks, and a word with none did not come from the catalogue.
fn pseudo_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut in_word = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if in_word {
                out.push(PSEUDO_CLOSE);
                in_word = false;
            }
        } else if !in_word {
            out.push(PSEUDO_OPEN);
            in_word = true;
        }
        out.push(c);
    }
    if in_word {
        out.push(PSEUDO_CLOSE);
    }
    out
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    // Errors (an argument not given) leave a visible `{$name}` in the text
    // rather than failing: the tests keep the catalogues and callers in step.
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_message_falls_back_to_english_then_the_id() {
        let cy = Catalogue::embedded(Lang::Cy);
        assert_eq!(cy.tr("no-such-message", None), "no-such-message");
        // English behind Welsh: a message only English has.
        let mut only_english = Catalogue::embedded(Lang::Cy);
        only_english.bundle = Bundle::new_concurrent(vec![Lang::Cy.langid()]);
        assert_eq!(only_english.tr("due-nothing", None), "Nothing due.");
    }

    #[test]
    fn no_isolation_marks_round_placeables() {
        let en = Catalogue::embedded(Lang::En);
        let s = en.tr1("due-overdue", "days", 3);
        assert_eq!(s, "3 days overdue");
        assert!(!s.contains(['\u{2068}', '\u{2069}']));
    }

    #[test]
    fn the_pseudo_locale_marks_every_word() {
        let p = Catalogue::pseudo();
        assert_eq!(p.tr1("due-overdue", "days", 3), "⟦3⟧ ⟦days⟧ ⟦overdue⟧");
        assert_eq!(p.tr_bare("due-nothing"), "Nothing due.");
        assert_eq!(pseudo_words("  a\nb "), "  ⟦a⟧\n⟦b⟧ ");
    }

    #[test]
    fn label_ids_are_fluent_identifiers() {
        assert_eq!(label_id("age band", "75+"), "age-band-75plus");
        assert_eq!(label_id("age band", "0-17"), "age-band-0-17");
        assert_eq!(
            label_id("case kind", "direct_query"),
            "case-kind-direct_query"
        );
    }

    #[test]
    fn corrections_beside_the_config_override_embedded_messages() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cy = dir.path().join("i18n").join("cy");
        std::fs::create_dir_all(&cy).expect("folder");
        std::fs::write(cy.join("fix.ftl"), "due-nothing = Dim byd i'w wneud.\n").expect("write");
        let c = Catalogue::load(Lang::Cy, Some(dir.path())).expect("loads");
        assert_eq!(c.tr("due-nothing", None), "Dim byd i'w wneud.");
        // Only the language the folder is named for.
        let en = Catalogue::load(Lang::En, Some(dir.path())).expect("loads");
        assert_eq!(en.tr("due-nothing", None), "Nothing due.");
        // No folder at all: the embedded messages.
        let none = Catalogue::load(Lang::Cy, Some(&dir.path().join("absent"))).expect("loads");
        assert_eq!(
            none.tr("due-nothing", None),
            Catalogue::embedded(Lang::Cy).tr("due-nothing", None)
        );
    }

    #[test]
    fn a_broken_correction_file_is_one_clear_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cy = dir.path().join("i18n").join("cy");
        std::fs::create_dir_all(&cy).expect("folder");
        std::fs::write(cy.join("bad.ftl"), "# fine\ndue-nothing = {\n").expect("write");
        let e = Catalogue::load(Lang::Cy, Some(dir.path())).expect_err("bad Fluent");
        let msg = e.to_string();
        assert!(msg.contains("bad.ftl line 2"), "{msg}");
        assert!(!msg.contains('\n'), "{msg}");
    }
}
