//! The two forms a draft takes: an `.eml` that mail programs open as an
//! unsent draft (`X-Unsent: 1`, built with lettre's message builder, no
//! transport), and a printable HTML letter.

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Mailboxes};

/// `X-Unsent: 1`: Outlook (and others) open the file as a draft to send.
#[derive(Debug, Clone, Copy)]
struct XUnsent;

impl Header for XUnsent {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Unsent")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(XUnsent)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "1".to_string())
    }
}

/// `Content-Language`: the draft's language(s), `cy` or `en` (or both, in
/// the order written), so a mail program can check spelling in the right
/// one.
#[derive(Debug, Clone)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ContentLanguage(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// An address for a draft: a name and an email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub email: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DraftError {
    #[error("`{0}` is not an email address that a draft can be sent to")]
    BadAddress(String),
    #[error("cannot build the draft: {0}")]
    Build(String),
}

impl DraftError {
    /// The error in the catalogue's words.
    pub fn into_error(self) -> crate::Error {
        use crate::error::Msg;
        match self {
            DraftError::BadAddress(a) => {
                crate::Error::user(Msg::new("error-draft-bad-address").text("address", a))
            }
            DraftError::Build(d) => {
                crate::Error::System(Msg::new("error-draft-build").text("detail", d))
            }
        }
    }
}

fn mailbox(p: &Party) -> Result<Mailbox, DraftError> {
    let email = p.email.trim().parse().map_err(|_| {
        DraftError::BadAddress(p.email.chars().filter(|c| !c.is_control()).collect())
    })?;
    let name = p.name.trim();
    Ok(Mailbox::new(
        (!name.is_empty()).then(|| name.to_string()),
        email,
    ))
}

/// The `.eml` bytes of a draft.
pub fn eml(
    from: &Party,
    to: &[Party],
    cc: &[Party],
    subject: &str,
    body: &str,
    date: std::time::SystemTime,
    langs: &[&str],
) -> Result<Vec<u8>, DraftError> {
    let mut b = lettre::Message::builder()
        .from(mailbox(from)?)
        .subject(subject)
        .date(date)
        .header(XUnsent);
    let langs: Vec<&str> = langs
        .iter()
        .copied()
        .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .collect();
    if !langs.is_empty() {
        b = b.header(ContentLanguage(langs.join(", ")));
    }
    let mut tos = Mailboxes::new();
    for p in to {
        tos.push(mailbox(p)?);
    }
    for m in tos {
        b = b.to(m);
    }
    for p in cc {
        b = b.cc(mailbox(p)?);
    }
    let m = b
        .header(ContentType::TEXT_PLAIN)
        .body(body.replace('\n', "\r\n"))
        .map_err(|e| DraftError::Build(e.to_string()))?;
    Ok(m.formatted())
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

fn lines_html(s: &str) -> String {
    s.lines().map(escape).collect::<Vec<_>>().join("<br>\n")
}

/// What a printed letter shows besides its text.
#[derive(Debug, Clone, Default)]
pub struct LetterParts<'a> {
    /// `en` or `cy`, for the page's `lang`.
    pub lang: &'a str,
    /// The councillor's name and postal address (top right).
    pub from_block: &'a str,
    /// The recipient's name and address (top left, window envelope).
    pub to_block: &'a str,
    /// The date, written in the letter's language.
    pub date: &'a str,
    /// "Our reference: 2026-0042" in the letter's language.
    pub reference_line: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// A printable letter: A4, print margins, address blocks, paragraphs.
pub fn letter_html(p: &LetterParts<'_>) -> String {
    let paragraphs: String = p
        .body
        .split("\n\n")
        .filter(|para| !para.trim().is_empty())
        .map(|para| format!("<p>{}</p>\n", lines_html(para.trim())))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n\
@page {{ size: A4; margin: 25mm 20mm; }}\n\
body {{ font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.45; max-width: 170mm; margin: 2em auto; color: #000; }}\n\
.from {{ text-align: right; margin-bottom: 2em; }}\n\
.to {{ margin-bottom: 2em; min-height: 30mm; }}\n\
.date, .ref {{ margin: 0.3em 0; }}\n\
h1 {{ font-size: 12pt; font-weight: bold; margin: 1.5em 0 1em; }}\n\
@media print {{ body {{ margin: 0; max-width: none; }} }}\n\
</style>\n</head>\n<body>\n\
<div class=\"from\">{from}</div>\n<div class=\"to\">{to}</div>\n\
<p class=\"date\">{date}</p>\n<p class=\"ref\">{reference}</p>\n<h1>{title}</h1>\n{paragraphs}</body>\n</html>\n",
        lang = escape(p.lang),
        title = escape(p.subject),
        from = lines_html(p.from_block),
        to = lines_html(p.to_block),
        date = escape(p.date),
        reference = escape(p.reference_line),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        let h = letter_html(&LetterParts {
            lang: "en",
            subject: "<script>",
            body: "a & b",
            ..Default::default()
        });
        assert!(h.contains("&lt;script&gt;"));
        assert!(h.contains("a &amp; b"));
        assert!(!h.contains("<script>"));
    }
}
