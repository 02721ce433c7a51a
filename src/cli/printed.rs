//! Everything a command prints goes through here, so that text from the
//! diary, a CSV file or a colleague's summary can never drive the terminal:
//! control characters are dropped ([`printable`]), line breaks kept (`\r\n`
//! too, for CSV on standard output). Files written with `--out` do not pass
//! here: JSON and CSV keep the data intact. Values echoed inside a line
//! (a name in a message) go through [`crate::domain::text::one_line`].

use std::fmt::Display;
use std::io::{self, Write};

use crate::domain::text::printable;

/// A writer that passes on only printable text. Bytes are held back while a
/// UTF-8 character or a `\r\n` pair is split across two writes.
pub struct Printable<W: Write> {
    inner: W,
    held: Vec<u8>,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W) -> Printable<W> {
        Printable {
            inner,
            held: Vec::new(),
        }
    }

    fn pass(&mut self, text: &str) -> io::Result<()> {
        // `\r` survives only as the first half of `\r\n`.
        let mut parts = text.split("\r\n").peekable();
        while let Some(part) = parts.next() {
            self.inner.write_all(printable(part).as_bytes())?;
            if parts.peek().is_some() {
                self.inner.write_all(b"\r\n")?;
            }
        }
        Ok(())
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        let held = std::mem::take(&mut self.held);
        let (text, rest) = match std::str::from_utf8(&held) {
            Ok(t) => (t.to_string(), &held[held.len()..]),
            // An incomplete character at the end waits for the next write;
            // invalid bytes are never printable text.
            Err(e) if e.error_len().is_none() => (
                String::from_utf8_lossy(&held[..e.valid_up_to()]).into_owned(),
                &held[e.valid_up_to()..],
            ),
            Err(_) => (
                String::from_utf8_lossy(&held).into_owned(),
                &held[held.len()..],
            ),
        };
        let (text, cr) = match text.strip_suffix('\r') {
            Some(t) => (t.to_string(), true),
            None => (text, false),
        };
        let mut rest = rest.to_vec();
        if cr {
            rest.insert(0, b'\r');
        }
        self.pass(&text)?;
        self.held = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Printable<W> {
    fn drop(&mut self) {
        // What is still held is a lone `\r` or half a character: neither is printable.
        self.held.clear();
    }
}

/// Prints a note or an error to standard error, prefixed `casebook: `, with
/// control characters dropped. Line breaks the message makes itself (a list
/// of bad rows) are kept; a value it echoes is put on one line where it is
/// echoed ([`one_line`]).
pub fn note(message: impl Display) {
    eprintln!("casebook: {}", printable(&message.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> Vec<u8> {
        let mut w = Printable::new(Vec::new());
        for p in parts {
            w.write_all(p).expect("write");
        }
        w.flush().expect("flush");
        std::mem::take(&mut w.inner)
    }

    #[test]
    fn escapes_are_dropped_lines_kept() {
        assert_eq!(through(&[b"a\x1b[2Jb\nc\r\nd\re\x07"]), b"a[2Jb\nc\r\nde");
    }

    #[test]
    fn split_characters_and_crlf_survive() {
        let s = "Siân\r\n".as_bytes();
        assert_eq!(through(&[&s[..3], &s[3..5], &s[5..]]), s);
        // C1 CSI (U+009B) split across writes is still dropped.
        assert_eq!(through(&[b"x\xc2", b"\x9b2Jy"]), b"x2Jy");
    }
}
