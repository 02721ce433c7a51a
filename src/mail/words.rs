//! The words `casebook mail`, `draft` and `attachment` print, from the
//! catalogue (`mail-*`, `draft-*`, `attachment-*` in
//! `assets/i18n/*/casebook.ftl`).

use super::{Filed, MailError, MsgProblem, Taken};
use crate::error::{Arg, Msg};
use crate::i18n::{Catalogue, args};

/// Untrusted text made safe for one terminal line.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Standard input, named where a file's name would be.
pub fn stdin() -> Arg {
    Arg::Msg(Box::new(Msg::new("mail-stdin")))
}

pub fn megabytes(bytes: u64) -> Msg {
    Msg::new("mail-size-mb").text("mb", format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)))
}

/// A file's size in English, for the screens not yet on the catalogue.
pub fn size(bytes: u64) -> String {
    size_in(Catalogue::shared(crate::i18n::Lang::En), bytes)
}

/// A file's size ("12 KB") in `t`'s language.
pub fn size_in(t: &Catalogue, bytes: u64) -> String {
    match bytes {
        b if b < 1024 => t.tr1("mail-size-bytes", "count", b),
        b if b < 1024 * 1024 => t.tr1("mail-size-kb", "count", b.div_ceil(1024)),
        b => megabytes(b).render(t),
    }
}

/// Why a file could not be read as mail, in the catalogue's words.
pub fn problem(e: &MailError) -> Msg {
    match e {
        MailError::Empty => Msg::new("mail-error-empty"),
        MailError::NotMail => Msg::new("mail-error-not-mail"),
        MailError::Truncated(b) => Msg::new("mail-error-truncated").text("boundary", b),
        MailError::UnknownCharset(c) => Msg::new("mail-error-unknown-charset").text("charset", c),
        MailError::EmptyMbox => Msg::new("mail-error-empty-mbox"),
        MailError::InMbox(n, inner) => Msg::new("mail-error-in-mbox")
            .num("number", i64::try_from(*n).unwrap_or(i64::MAX))
            .arg("problem", Arg::Msg(Box::new(problem(inner)))),
        MailError::BadMsg(why) => {
            Msg::new("mail-error-bad-msg").arg("detail", Arg::Msg(Box::new(msg_problem(why))))
        }
    }
}

/// What is wrong inside a `.msg` file, in the catalogue's words.
pub fn msg_problem(p: &MsgProblem) -> Msg {
    match p {
        MsgProblem::Container(detail) => Msg::new("mail-msg-container").text("detail", detail),
        MsgProblem::Empty => Msg::new("mail-msg-empty"),
        MsgProblem::PropertyTooLarge => Msg::new("mail-msg-too-large"),
        MsgProblem::TooDeep(depth) => {
            Msg::new("mail-msg-too-deep").num("depth", i64::try_from(*depth).unwrap_or(i64::MAX))
        }
        MsgProblem::InAttached { name, problem } => Msg::new("mail-msg-in-attached")
            .text("name", clean(name))
            .arg("problem", Arg::Msg(Box::new(msg_problem(problem)))),
    }
}

pub fn too_big(file: Arg, attachment: &str, bytes: u64, limit: u64) -> Msg {
    Msg::new("mail-attachment-too-big")
        .arg("file", file)
        .text("attachment", clean(attachment))
        .arg("size", Arg::Msg(Box::new(megabytes(bytes))))
        .arg("limit", Arg::Msg(Box::new(megabytes(limit))))
}

pub fn contact_created(t: &Catalogue, name: &str) -> String {
    t.tr1("mail-contact-created", "name", clean(name))
}

pub fn unknown_reference(t: &Catalogue, reference: &str) -> String {
    t.tr1("mail-unknown-reference", "reference", clean(reference))
}

pub fn unfiled_hint(t: &Catalogue, open: &[String]) -> String {
    match open {
        [] => t.tr("mail-unfiled-no-cases", None),
        cases => t.tr1("mail-unfiled-open-cases", "cases", cases.join(", ")),
    }
}

/// `2026-0042  email_in  Siân Jones  Subject  (2 attachments)`
pub fn taken_line(t: &Catalogue, taken: &Taken) -> String {
    let place = match &taken.filed {
        Filed::Case(r) => r.clone(),
        Filed::NewCase(r) => t.tr1("mail-place-new-case", "reference", r.clone()),
        Filed::Unfiled { .. } => t.tr("mail-place-unfiled", None),
    };
    let who = taken
        .contact
        .as_ref()
        .map(|(_, n)| clean(n))
        .unwrap_or_else(|| "-".into());
    let subject = match taken.subject.trim() {
        "" => t.tr("mail-no-subject", None),
        s => clean(s),
    };
    let extra = match (taken.entry.is_some(), taken.attachments) {
        (false, _) => format!("  {}", t.tr("mail-taken-already", None)),
        (true, 0) => String::new(),
        (true, n) => format!("  {}", t.tr1("mail-taken-attachments", "count", n)),
    };
    t.tr(
        "mail-taken-line",
        Some(&args(&[
            ("place", place.into()),
            ("kind", taken.kind.as_str().into()),
            ("who", who.into()),
            ("subject", subject.into()),
            ("extra", extra.into()),
        ])),
    )
}

pub fn summary(t: &Catalogue, added: usize, already: usize) -> String {
    t.tr(
        "mail-summary",
        Some(&args(&[
            ("added", added.into()),
            ("already", already.into()),
        ])),
    )
}
