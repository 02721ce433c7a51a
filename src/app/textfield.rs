//! A small text field: the cursor moves by grapheme (so "ŵ" typed as w plus a
//! combining circumflex is one step), wide characters count two cells, long
//! notes wrap at words. (tui-textarea does not support ratatui 0.30.)

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// A byte offset on a grapheme boundary.
    cursor: usize,
    multiline: bool,
}

impl TextField {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn multiline() -> Self {
        TextField {
            multiline: true,
            ..Self::default()
        }
    }

    pub fn with_text(mut self, text: &str) -> Self {
        self.set_text(text);
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Replaces the text, cursor at the end.
    pub fn set_text(&mut self, text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.insert_str(text);
    }

    pub fn insert_char(&mut self, c: char) {
        let c = if c == '\n' && !self.multiline { ' ' } else { c };
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Inserts pasted text whole. A single-line field turns line breaks into
    /// spaces; carriage returns and tabs are tidied.
    pub fn insert_str(&mut self, s: &str) {
        let s = s
            .replace("\r\n", "\n")
            .replace(['\r'], "\n")
            .replace('\t', "    ");
        let s = if self.multiline {
            s
        } else {
            s.replace('\n', " ")
        };
        let s = crate::domain::text::printable(&s);
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
            .unwrap_or(0)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
            .unwrap_or(self.cursor)
    }

    pub fn backspace(&mut self) {
        let start = self.prev_boundary();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn delete(&mut self) {
        let end = self.next_boundary();
        self.text.replace_range(self.cursor..end, "");
    }

    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    /// To the start of the line the cursor is on.
    pub fn home(&mut self) {
        self.cursor = self.text[..self.cursor]
            .rfind('\n')
            .map(|i| i + 1)
            .unwrap_or(0);
    }

    /// To the end of the line the cursor is on.
    pub fn end(&mut self) {
        self.cursor = self.text[self.cursor..]
            .find('\n')
            .map(|i| self.cursor + i)
            .unwrap_or(self.text.len());
    }

    pub fn word_left(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        self.cursor = trimmed
            .rfind(char::is_whitespace)
            .map(|i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
    }

    pub fn word_right(&mut self) {
        let after = &self.text[self.cursor..];
        let skip_space = after.len() - after.trim_start().len();
        let rest = &after[skip_space..];
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.cursor += skip_space + word;
    }

    /// Deletes the word before the cursor (Ctrl-W, Ctrl-Backspace).
    pub fn delete_word(&mut self) {
        let end = self.cursor;
        self.word_left();
        self.text.replace_range(self.cursor..end, "");
    }

    /// Edits the field with a key. Returns false for keys it does not use
    /// (Enter, Tab, Esc, …): those are the keymap's, read by the form or
    /// popup around the field (a note's new line is `insert_char('\n')`).
    pub fn handle_key(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char('u') if ctrl => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            KeyCode::Char('a') if ctrl => self.home(),
            KeyCode::Char('e') if ctrl => self.end(),
            KeyCode::Char(_) if ctrl => return false,
            KeyCode::Char(c) => self.insert_char(c),
            KeyCode::Backspace if ctrl || alt => self.delete_word(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left if ctrl => self.word_left(),
            KeyCode::Right if ctrl => self.word_right(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => return false,
        }
        true
    }

    /// The text wrapped to `width` cells, and the cursor's (row, column).
    pub fn wrapped(&self, width: u16) -> (Vec<String>, (u16, u16)) {
        wrap_with_cursor(&self.text, width.max(1) as usize, Some(self.cursor))
    }
}

/// Wraps at word boundaries to `width` display cells; a word longer than the
/// line is broken. Returns the lines and where byte `cursor` falls.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    wrap_with_cursor(text, width.max(1) as usize, None).0
}

fn wrap_with_cursor(text: &str, width: usize, cursor: Option<usize>) -> (Vec<String>, (u16, u16)) {
    let mut lines: Vec<String> = Vec::new();
    let mut pos = (0u16, 0u16);
    let mut offset = 0usize;
    for (n, para) in text.split('\n').enumerate() {
        if n > 0 {
            offset += 1; // the '\n'
        }
        let mut line = String::new();
        let mut line_w = 0usize;
        // The byte offset where the current line starts within `text`.
        let mut line_start = offset;
        let mut last_space: Option<(usize, usize)> = None; // (byte in line, width after)
        for (i, g) in para.grapheme_indices(true) {
            let gw = g.width();
            if line_w + gw > width && !line.is_empty() {
                // Break at the last space if there is one, else here.
                let (keep, carry) = match last_space {
                    Some((at, _)) => {
                        let carry = line[at..].to_string();
                        line.truncate(at);
                        (line.clone(), carry)
                    }
                    None => (std::mem::take(&mut line), String::new()),
                };
                let keep_len = keep.len();
                place_cursor(cursor, line_start, &keep, lines.len(), &mut pos, false);
                lines.push(keep);
                line_start += keep_len;
                line = carry;
                line_w = line.width();
                last_space = None;
            }
            line.push_str(g);
            line_w += gw;
            if g.chars().all(char::is_whitespace) {
                last_space = Some((line.len(), line_w));
            }
            let _ = i;
        }
        place_cursor(cursor, line_start, &line, lines.len(), &mut pos, true);
        lines.push(line);
        offset += para.len();
    }
    (lines, pos)
}

fn place_cursor(
    cursor: Option<usize>,
    line_start: usize,
    line: &str,
    row: usize,
    pos: &mut (u16, u16),
    last_of_paragraph: bool,
) {
    let Some(c) = cursor else { return };
    let end = line_start + line.len();
    let inside = c >= line_start && (c < end || (c == end && last_of_paragraph));
    if inside {
        let col = line[..c - line_start].width();
        *pos = (row as u16, col as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_inserts_at_the_cursor() {
        let mut f = TextField::new().with_text("Sin");
        f.left();
        f.insert_char('â');
        assert_eq!(f.text(), "Siân");
        f.backspace();
        f.backspace();
        assert_eq!(f.text(), "Sn");
    }

    #[test]
    fn cursor_moves_over_whole_graphemes() {
        let mut f = TextField::new().with_text("Dŵr");
        f.left();
        f.left();
        assert_eq!(f.cursor(), 1, "before ŵ");
        f.delete();
        assert_eq!(f.text(), "Dr");
        let mut g = TextField::new().with_text("a\u{0302}b");
        g.left();
        g.backspace();
        assert_eq!(g.text(), "b", "the combined â went at once");
    }

    #[test]
    fn home_end_and_words() {
        let mut f = TextField::new().with_text("bins not collected");
        f.home();
        assert_eq!(f.cursor(), 0);
        f.word_right();
        assert_eq!(f.cursor(), 4);
        f.end();
        f.word_left();
        assert_eq!(&f.text()[f.cursor()..], "collected");
        f.delete_word();
        assert_eq!(f.text(), "bins collected");
    }

    #[test]
    fn paste_arrives_whole_and_single_line_fields_flatten_it() {
        let mut f = TextField::new().with_text("Siân");
        f.insert_str(" said:\r\nbins\tlate");
        assert_eq!(f.text(), "Siân said: bins    late");
        let mut m = TextField::multiline();
        m.insert_str("one\r\ntwo");
        assert_eq!(m.text(), "one\ntwo");
    }

    #[test]
    fn wraps_at_words_and_counts_wide_characters() {
        assert_eq!(
            wrap("the bins were not collected", 10),
            vec!["the bins ", "were not ", "collected"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        // Each CJK character is two cells wide.
        assert_eq!(wrap("日本語です", 4), vec!["日本", "語で", "す"]);
        assert_eq!(wrap("a\n\nb", 5), vec!["a", "", "b"]);
    }

    #[test]
    fn cursor_position_follows_wrapping() {
        let f = TextField::multiline().with_text("the bins were");
        let (lines, pos) = f.wrapped(9);
        assert_eq!(lines, vec!["the bins ", "were"]);
        assert_eq!(pos, (1, 4));
        let mut g = TextField::multiline().with_text("ab\ncd");
        g.home();
        assert_eq!(g.wrapped(10).1, (1, 0));
        g.set_text("日本");
        assert_eq!(g.wrapped(10).1, (0, 4));
    }
}
