//! Text that may reach a terminal: control characters out, one line where a
//! line is promised. The bottom of the module tree (it uses nothing of
//! casebook), so that errors, the catalogue and the domain can all use it.

/// True for characters that must never reach a terminal raw: C0 and C1
/// controls (ESC starts every escape sequence, BEL, CR rewinding a line) and
/// the bidirectional overrides that make text display in another order than
/// it reads.
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text safe to show on a terminal or screen: control characters dropped,
/// line breaks and tabs kept. The one place this is decided: the TUI's text
/// fields, every command's output and every error message use it.
pub fn printable(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || !is_unprintable(c))
        .collect()
}

/// [`printable`] on one line: line breaks and tabs become a space, so a name
/// or a value echoed in a message never splits a line.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}') {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !is_unprintable(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_drops_escapes_and_keeps_lines() {
        assert_eq!(printable("a\u{1b}[2J\nb\tc\u{7}\u{9b}31m"), "a[2J\nb\tc31m");
        assert_eq!(printable("evil\u{202e}txt.exe"), "eviltxt.exe");
        assert_eq!(one_line("Evil\u{1b}[2J\nName\r\nx"), "Evil[2J Name x");
        assert_eq!(printable("Siân Ŵyn"), "Siân Ŵyn");
    }
}
