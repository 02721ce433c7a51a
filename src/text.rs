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

/// Lines of at most `width` columns, broken between words, never inside
/// one (Welsh words run long: a line cut mid-word reads as another word).
/// A word wider than a whole line is the one thing broken, where it must.
pub fn wrap_words(s: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let gap = usize::from(!line.is_empty());
        if line.width() + gap + word.width() <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // Only a word wider than the line is cut, by characters.
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if line.width() + w > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One line of at most `width` columns: the text whole if it fits, else
/// as many whole words as fit and "…", never a word cut in two.
pub fn fit_words(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split_whitespace() {
        let gap = usize::from(!out.is_empty());
        // Room for this word and the "…" after it.
        if out.width() + gap + word.width() + 1 > width {
            break;
        }
        if gap == 1 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // Not even the first word fits: as much of it as does.
        for c in s.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if out.width() + w + 1 > width {
                break;
            }
            out.push(c);
        }
    }
    if width > 0 {
        out.push('…');
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

    #[test]
    fn wrapping_breaks_between_words() {
        let welsh = "Cyfrinymadrodd newydd (o leiaf 8 nod; ni ellir ei adfer) ar gyfer y dyddiadur";
        let lines = wrap_words(welsh, 30);
        assert_eq!(
            lines,
            [
                "Cyfrinymadrodd newydd (o leiaf",
                "8 nod; ni ellir ei adfer) ar",
                "gyfer y dyddiadur",
            ]
        );
        // Every word whole, every line within the width.
        assert_eq!(lines.join(" "), welsh);
        assert!(lines.iter().all(|l| l.chars().count() <= 30));
        assert_eq!(wrap_words("byr", 80), ["byr"]);
        assert_eq!(wrap_words("", 80), [""]);
        // Only a word longer than the line is cut.
        assert_eq!(
            wrap_words("ab /a/very/long/path", 6),
            ["ab", "/a/ver", "y/long", "/path"]
        );
    }

    #[test]
    fn fitting_keeps_whole_words_and_says_more_follows() {
        assert_eq!(fit_words("Cadwyd y cofnod", 80), "Cadwyd y cofnod");
        assert_eq!(
            fit_words("Cadwyd y cofnod ar achos 2026-0042 a'r dilyniant", 24),
            "Cadwyd y cofnod ar…"
        );
        let fitted = fit_words("Cadwyd y cofnod ar achos 2026-0042 a'r dilyniant", 24);
        assert!(fitted.chars().count() <= 24);
        // A first word wider than the room: as much of it as fits.
        assert_eq!(fit_words("Anghymesuredd", 6), "Anghy…");
        assert_eq!(fit_words("abc", 0), "");
    }
}
