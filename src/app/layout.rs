//! Where things go on the frame, measured once for drawing and for update:
//! the frame's rows, how many table rows a list shows, how far a page
//! scrolls. Update asks here (with the terminal's size) and so does drawing
//! (with the frame's area), so a scroll limit cannot drift from the page.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

/// The frame's rows: header, the screen's body, status, footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    pub fn of(area: Rect) -> Areas {
        let [header, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(area);
        Areas {
            header,
            body,
            status,
            footer,
        }
    }

    /// The areas of a terminal of `(columns, rows)`.
    pub fn of_size((w, h): (u16, u16)) -> Areas {
        Areas::of(Rect::new(0, 0, w, h))
    }
}

/// Table rows in view in a bordered list with a header row.
pub fn table_rows(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(3)).max(1)
}

/// How far a bordered page of `lines`, wrapped, scrolls in `area`.
pub fn max_scroll(lines: &[Line], area: Rect) -> u16 {
    let width = area.width.saturating_sub(2);
    let total: usize = lines
        .iter()
        .map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            super::textfield::wrap(&s, width).len()
        })
        .sum();
    (total as u16).saturating_sub(area.height.saturating_sub(2))
}

/// How far a bordered page of `rows` unwrapped lines scrolls in `area`.
pub fn max_scroll_rows(rows: usize, area: Rect) -> u16 {
    (rows as u16).saturating_sub(area.height.saturating_sub(2))
}
