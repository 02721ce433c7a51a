//! The words `casebook mail`, `draft` and `attachment` print, in one place
//! for the coming translation catalogue.

use super::{Filed, Taken};

pub const STDIN: &str = "standard input";
/// The title of a case, or text of an entry, from a message with no subject.
pub const NO_SUBJECT: &str = "(no subject)";

/// Untrusted text made safe for one terminal line.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

pub fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} bytes"),
        b if b < 1024 * 1024 => format!("{} KB", b.div_ceil(1024)),
        b => megabytes(b),
    }
}

pub fn too_big(file: &str, attachment: &str, bytes: u64, limit: u64) -> String {
    format!(
        "{file}: the attachment {} is {}, over the limit of {} (raise [mail] max_attachment_mb in the config to take it); nothing was taken in",
        clean(attachment),
        megabytes(bytes),
        megabytes(limit)
    )
}

pub fn contact_created(name: &str) -> String {
    format!("new contact created: {}", clean(name))
}

pub fn unknown_reference(reference: &str) -> String {
    format!(
        "the subject names case {}, which is not in this diary",
        clean(reference)
    )
}

pub fn unfiled_hint(open: &[String]) -> String {
    match open {
        [] => "not filed on a case: add --new-case to start one from the subject".into(),
        cases => format!(
            "not filed: the person has open cases {}; file it from the case screen, or add --new-case",
            cases.join(", ")
        ),
    }
}

/// `2026-0042  email_in  Siân Jones  Subject  (2 attachments)`
pub fn taken_line(t: &Taken) -> String {
    let place = match &t.filed {
        Filed::Case(r) => r.clone(),
        Filed::NewCase(r) => format!("{r} (new case)"),
        Filed::Unfiled { .. } => "unfiled".into(),
    };
    let who = t
        .contact
        .as_ref()
        .map(|(_, n)| clean(n))
        .unwrap_or_else(|| "-".into());
    let subject = match t.subject.trim() {
        "" => NO_SUBJECT.to_string(),
        s => clean(s),
    };
    let extra = match (t.entry.is_some(), t.attachments) {
        (false, _) => "  (already in the diary)".to_string(),
        (true, 0) => String::new(),
        (true, 1) => "  (1 attachment)".into(),
        (true, n) => format!("  ({n} attachments)"),
    };
    format!("{place}  {}  {who}  {subject}{extra}", t.kind.as_str())
}

pub fn summary(added: usize, already: usize) -> String {
    let msgs = |n: usize| {
        if n == 1 {
            "1 message".to_string()
        } else {
            format!("{n} messages")
        }
    };
    match already {
        0 => format!("{} taken in", msgs(added)),
        a => format!("{} taken in, {} already in the diary", msgs(added), msgs(a)),
    }
}
