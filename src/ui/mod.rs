//! The drawing kit: theme, panels, and the measures every screen shares
//! (a centred box, a cut line, a short date). Each screen and popup draws
//! itself in its own room under `app/`; `render` draws a whole frame.

pub mod theme;
pub mod when;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use theme::Theme;

/// The smallest window the UI is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Something that draws a whole frame: the app (`app::draw`). The drawing
/// kit here knows nothing of the app, so the app can use it without a cycle.
pub trait Render {
    fn render(&self, frame: &mut Frame);
}

/// Draws a frame of `app`; only reads it.
pub fn render<R: Render + ?Sized>(app: &R, frame: &mut Frame) {
    app.render(frame);
}

/// A rectangle of at most `w` × `h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Cuts `s` to at most `width` display cells, with "…" when cut.
pub fn cut(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let first = s.lines().next().unwrap_or("");
    let total: usize = unicode_width::UnicodeWidthStr::width(first);
    if total <= width && !s.contains('\n') {
        return first.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in first.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A date as a line shows it: "04 Nov" in the year of `today`, "04 Nov 2021"
/// otherwise, so that a years-old date never reads as a recent one.
pub fn short_date(
    w: &crate::i18n::Catalogue,
    d: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> String {
    use chrono::Datelike;
    if d.year() == today.year() {
        when::dm(w, d)
    } else {
        format!("{} {}", when::dm(w, d), d.year())
    }
}

#[cfg(test)]
mod tests {
    use super::short_date;
    use crate::i18n::{Catalogue, Lang};
    use chrono::NaiveDate;

    #[test]
    fn a_date_from_another_year_shows_its_year() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let en = Catalogue::shared(Lang::En);
        assert_eq!(short_date(en, d(2026, 2, 15), d(2026, 3, 1)), "15 Feb");
        assert_eq!(short_date(en, d(2021, 11, 4), d(2026, 3, 1)), "04 Nov 2021");
        assert_eq!(
            short_date(en, d(2027, 1, 4), d(2026, 12, 30)),
            "04 Jan 2027"
        );
        let cy = Catalogue::shared(Lang::Cy);
        assert_eq!(
            short_date(cy, d(2021, 11, 4), d(2026, 3, 1)),
            "04 Tach 2021"
        );
    }
}
