//! Letters and emails out, from templates (SPEC section 10).
//!
//! Templates are minijinja: no code execution, no file or network access,
//! and an error names its line. Each is plain text whose first line is
//! `Subject: …`, then a blank line, then the body. The defaults, in English
//! and Welsh, are embedded (`assets/templates/NAME.LANG.txt`); a file of the
//! same name in the `templates` folder beside the config file overrides one,
//! and a new name adds one. A broken user template is reported with its file
//! and line, and the default is used instead.
//!
//! No I/O but reading the user's template folder; no store.

pub mod compose;
pub mod draft;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

/// The templates every casebook has.
pub const NAMES: &[&str] = &[
    "acknowledge",
    "referral",
    "update",
    "outcome",
    "chaser",
    "letter",
];

/// The language a letter is written in: the interface's languages, one
/// truth for both (`crate::i18n`).
pub use crate::i18n::Lang;

/// The languages to write in for a contact's `language` (`en`, `cy`,
/// `both`; unknown or unset: English). `both` writes Welsh first, as Welsh
/// public bodies do.
pub fn langs_for(language: Option<&str>) -> Vec<Lang> {
    match language.map(str::trim) {
        Some("cy") => vec![Lang::Cy],
        Some("both") => vec![Lang::Cy, Lang::En],
        _ => vec![Lang::En],
    }
}

fn default_text(name: &str, lang: Lang) -> Option<&'static str> {
    Some(match (name, lang) {
        ("acknowledge", Lang::En) => include_str!("../../assets/templates/acknowledge.en.txt"),
        ("acknowledge", Lang::Cy) => include_str!("../../assets/templates/acknowledge.cy.txt"),
        ("referral", Lang::En) => include_str!("../../assets/templates/referral.en.txt"),
        ("referral", Lang::Cy) => include_str!("../../assets/templates/referral.cy.txt"),
        ("update", Lang::En) => include_str!("../../assets/templates/update.en.txt"),
        ("update", Lang::Cy) => include_str!("../../assets/templates/update.cy.txt"),
        ("outcome", Lang::En) => include_str!("../../assets/templates/outcome.en.txt"),
        ("outcome", Lang::Cy) => include_str!("../../assets/templates/outcome.cy.txt"),
        ("chaser", Lang::En) => include_str!("../../assets/templates/chaser.en.txt"),
        ("chaser", Lang::Cy) => include_str!("../../assets/templates/chaser.cy.txt"),
        ("letter", Lang::En) => include_str!("../../assets/templates/letter.en.txt"),
        ("letter", Lang::Cy) => include_str!("../../assets/templates/letter.cy.txt"),
        _ => return None,
    })
}

/// A rendered template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub body: String,
}

/// Where templates come from: the embedded defaults and, when given, the
/// user's folder.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub user_dir: Option<PathBuf>,
}

/// A template that could not be used, for the warning line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateProblem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}: line {l}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("there is no template `{name}`: the templates are {known}")]
    Unknown { name: String, known: String },
    #[error("template `{name}` ({lang}): line {line}: {message}")]
    Broken {
        name: String,
        lang: &'static str,
        line: usize,
        message: String,
    },
}

impl TemplateError {
    /// The error in the catalogue's words.
    pub fn into_error(self) -> crate::Error {
        use crate::error::Msg;
        crate::Error::user(match self {
            TemplateError::Unknown { name, known } => Msg::new("error-template-unknown")
                .text("name", name)
                .text("known", known),
            TemplateError::Broken {
                name,
                lang,
                line,
                message,
            } => Msg::new("error-template-broken")
                .text("name", name)
                .text("lang", lang)
                .num("line", i64::try_from(line).unwrap_or(i64::MAX))
                .text("detail", message),
        })
    }
}

impl Templates {
    /// The user's folder: `templates/` beside the config file.
    pub fn beside_config(config_file: &Path) -> Templates {
        Templates {
            user_dir: config_file.parent().map(|p| p.join("templates")),
        }
    }

    fn user_file(&self, name: &str, lang: Lang) -> Option<PathBuf> {
        let dir = self.user_dir.as_ref()?;
        // Names are letters, digits, - and _ only: never a path.
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return None;
        }
        let file = dir.join(format!("{name}.{}.txt", lang.code()));
        file.is_file().then_some(file)
    }

    /// Every template name there is (defaults and the user's).
    pub fn names(&self) -> Vec<String> {
        let mut all: Vec<String> = NAMES.iter().map(|s| s.to_string()).collect();
        if let Some(dir) = &self.user_dir
            && let Ok(read) = std::fs::read_dir(dir)
        {
            for e in read.flatten() {
                let file = e.file_name().to_string_lossy().into_owned();
                if let Some(stem) = file
                    .strip_suffix(".en.txt")
                    .or(file.strip_suffix(".cy.txt"))
                    && !all.iter().any(|n| n == stem)
                {
                    all.push(stem.to_string());
                }
            }
        }
        all
    }

    /// Renders `name` in `lang` with `ctx`. A user template that fails is
    /// reported in `problems` and the default used; with no default, the
    /// failure is the error. A user template in the other language only is
    /// used when this language has neither.
    pub fn render(
        &self,
        name: &str,
        lang: Lang,
        ctx: &impl Serialize,
        problems: &mut Vec<TemplateProblem>,
    ) -> Result<Rendered, TemplateError> {
        if let Some(file) = self.user_file(name, lang) {
            match std::fs::read_to_string(&file) {
                Ok(text) => match render_text(&text, ctx) {
                    Ok(r) => return Ok(r),
                    Err((line, message)) => problems.push(TemplateProblem {
                        file: file.clone(),
                        line,
                        message,
                    }),
                },
                Err(e) => problems.push(TemplateProblem {
                    file: file.clone(),
                    line: None,
                    message: e.to_string(),
                }),
            }
        }
        let text = match default_text(name, lang) {
            Some(t) => t.to_string(),
            None => {
                let other = match lang {
                    Lang::En => Lang::Cy,
                    Lang::Cy => Lang::En,
                };
                match self
                    .user_file(name, other)
                    .and_then(|f| std::fs::read_to_string(f).ok())
                {
                    Some(t) => t,
                    None => {
                        return Err(TemplateError::Unknown {
                            name: name.chars().filter(|c| !c.is_control()).take(60).collect(),
                            known: self.names().join(", "),
                        });
                    }
                }
            }
        };
        render_text(&text, ctx).map_err(|(line, message)| TemplateError::Broken {
            name: name.to_string(),
            lang: lang.code(),
            line: line.unwrap_or(1),
            message,
        })
    }
}

/// Renders one template text: `(line, message)` on failure.
pub fn render_text(text: &str, ctx: &impl Serialize) -> Result<Rendered, (Option<usize>, String)> {
    let mut env = Environment::new();
    // A misspelt field prints nothing rather than failing the letter, but a
    // field of a missing object (`referral.to` with no referral) is empty too.
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    // Plain text: nothing is HTML-escaped here (the HTML letter escapes).
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_fuel(Some(200_000));
    let problem = |e: minijinja::Error| {
        let message = match e.detail() {
            Some(d) => format!("{}: {d}", e.kind()),
            None => e.kind().to_string(),
        };
        (e.line(), message)
    };
    env.add_template("t", text).map_err(problem)?;
    let out = env
        .get_template("t")
        .and_then(|t| t.render(minijinja::Value::from(minijinja::value::Serde(ctx))))
        .map_err(problem)?;
    Ok(split_subject(&out))
}

fn split_subject(text: &str) -> Rendered {
    let text = text.trim_start_matches(['\n', '\r']);
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    match first
        .strip_prefix("Subject:")
        .or_else(|| first.strip_prefix("Pwnc:"))
    {
        Some(subject) => Rendered {
            subject: subject.trim().to_string(),
            body: tidy(rest),
        },
        None => Rendered {
            subject: String::new(),
            body: tidy(text),
        },
    }
}

/// No more than one blank line in a row (template conditions leave them).
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string() + "\n"
}

/// `30 November 2026` / `30 Tachwedd 2026`: the catalogue's date.
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    crate::i18n::Catalogue::shared(lang).date_dmy(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_renders_in_both_languages() {
        let ctx = serde_json::json!({
            "case": {"title": "Damp", "reference": "2026-0042"},
            "recipient": {"name": "Siân"},
            "me": {"signature": "Cllr A"},
        });
        for name in NAMES {
            for lang in [Lang::En, Lang::Cy] {
                let r = Templates::default()
                    .render(name, lang, &ctx, &mut Vec::new())
                    .expect("renders");
                assert!(!r.subject.is_empty(), "{name} {lang:?}");
                assert!(r.body.contains("Siân"), "{name} {lang:?}: {}", r.body);
            }
        }
    }

    #[test]
    fn a_broken_template_names_its_line() {
        let (line, message) = render_text("Subject: x\n\nok\n{% if %}\n", &serde_json::json!({}))
            .expect_err("broken");
        assert_eq!(line, Some(4), "{message}");
    }

    #[test]
    fn welsh_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(long_date(d, Lang::Cy), "30 Tachwedd 2026");
        assert_eq!(long_date(d, Lang::En), "30 November 2026");
    }
}
