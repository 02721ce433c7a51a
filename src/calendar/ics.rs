//! A small iCalendar (RFC 5545) writer: just what casebook exports.
//!
//! The rules it keeps: lines end in CRLF; a content line longer than 75
//! octets is folded onto continuation lines that start with one space, and a
//! fold never splits a UTF-8 character; TEXT values escape backslash,
//! semicolon, comma and newline.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The most octets in one line, not counting the CRLF (RFC 5545 §3.1).
pub const MAX_OCTETS: usize = 75;

/// When an event starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A whole day (`VALUE=DATE`).
    Date(NaiveDate),
    /// A local wall-clock time with no time zone ("floating", §3.3.5): a
    /// surgery at 10:00 is at 10:00 wherever the laptop is.
    Floating(NaiveDateTime),
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Globally unique and stable across exports, so that importing again
    /// updates the event instead of adding a copy.
    pub uid: String,
    pub start: When,
    pub end: Option<When>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub last_modified: Option<DateTime<Utc>>,
    /// A reminder does not make the day busy.
    pub transparent: bool,
}

/// An iCalendar file being written.
pub struct Calendar {
    out: String,
    stamp: String,
}

impl Calendar {
    /// Starts a VCALENDAR. `dtstamp` is when the file is made (in UTC): every
    /// event carries it as its DTSTAMP.
    pub fn new(prodid: &str, name: &str, dtstamp: DateTime<Utc>) -> Calendar {
        let mut c = Calendar {
            out: String::new(),
            stamp: utc(dtstamp),
        };
        c.line("BEGIN:VCALENDAR");
        c.line("VERSION:2.0");
        c.line(&format!("PRODID:{prodid}"));
        c.line("CALSCALE:GREGORIAN");
        c.line("METHOD:PUBLISH");
        c.line(&format!("X-WR-CALNAME:{}", escape_text(name)));
        c
    }

    pub fn event(&mut self, e: &Event) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", e.uid));
        let stamp = format!("DTSTAMP:{}", self.stamp);
        self.line(&stamp);
        self.line(&format!("DTSTART{}", when(e.start)));
        if let Some(end) = e.end {
            self.line(&format!("DTEND{}", when(end)));
        }
        self.line(&format!("SUMMARY:{}", escape_text(&e.summary)));
        if let Some(l) = &e.location {
            self.line(&format!("LOCATION:{}", escape_text(l)));
        }
        if let Some(d) = &e.description {
            self.line(&format!("DESCRIPTION:{}", escape_text(d)));
        }
        if let Some(t) = e.last_modified {
            self.line(&format!("LAST-MODIFIED:{}", utc(t)));
        }
        if e.transparent {
            self.line("TRANSP:TRANSPARENT");
        }
        self.line("END:VEVENT");
    }

    /// Ends the calendar and gives the file's text.
    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }

    fn line(&mut self, content: &str) {
        self.out.push_str(&fold(content));
        self.out.push_str("\r\n");
    }
}

/// `;VALUE=DATE:20260301` or `:20260301T093000`.
fn when(w: When) -> String {
    match w {
        When::Date(d) => format!(";VALUE=DATE:{}", d.format("%Y%m%d")),
        When::Floating(t) => format!(":{}", t.format("%Y%m%dT%H%M%S")),
    }
}

/// A UTC DATE-TIME: `20260301T090000Z`.
pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (§3.3.11). Line breaks of any kind become `\n`;
/// other control characters, which TEXT does not allow, are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (§3.1): at most 75 octets a line, continuation
/// lines starting with a space, never inside a UTF-8 character. The pieces
/// are joined by CRLF; no CRLF at the end.
pub fn fold(line: &str) -> String {
    if line.len() <= MAX_OCTETS {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(
            escape_text("a\\b; c, d\ne\r\nf"),
            "a\\\\b\\; c\\, d\\ne\\nf"
        );
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = "x".repeat(75);
        assert_eq!(fold(&line), line);
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let line = "y".repeat(200);
        let folded = fold(&line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(parts[0].len(), 75);
        for p in &parts[1..] {
            assert!(p.starts_with(' '));
            assert!(p.len() <= 75);
        }
        let joined: String = parts
            .iter()
            .enumerate()
            .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
            .collect();
        assert_eq!(joined, line);
    }

    #[test]
    fn folding_never_splits_a_character() {
        // "ŵ" is two octets: 74 ASCII octets then ŵ must move whole.
        let line = format!("{}ŵŵŵ{}", "a".repeat(74), "€".repeat(40));
        let folded = fold(&line);
        for p in folded.split("\r\n") {
            assert!(p.len() <= MAX_OCTETS, "{} octets", p.len());
            // Each piece is valid UTF-8 on its own (it is a &str slice).
            assert!(std::str::from_utf8(p.as_bytes()).is_ok());
        }
        assert_eq!(folded.split("\r\n").next().map(str::len), Some(74));
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }
}
