//! Where the last frame put what a click can reach: each list's rows in
//! view (with the index each row stands for), home's panels, the footer's
//! hints, the popup on top and the header's conflict count. Written by the
//! drawing as it lays things out, read by the mouse: a click lands on what
//! was drawn, never on a second reckoning of the layout.
//!
//! Everything here is bounded by the screen's size, not the diary's.

use std::cell::RefCell;

use ratatui::layout::{Margin, Position, Rect};

use super::Action;

/// Whose list a row belongs to, so a click can move the right cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The screen in front's own list.
    Screen,
    /// One of home's panels, by its place in `HomePanel::ALL` (the screens
    /// use this module, so it names none of theirs).
    Panel(usize),
    /// The popup on top (or the inbox's "which case?" choice).
    Popup,
}

/// A list as drawn: its rows in view and the one selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListHit {
    pub owner: Owner,
    /// The whole list, border and all (the wheel scrolls it).
    pub area: Rect,
    /// Each row in view: where it is, and the cursor index it stands for
    /// (`None` for a heading, which is not selectable).
    pub rows: Vec<(Rect, Option<usize>)>,
    pub selected: Option<usize>,
}

impl ListHit {
    /// A bordered table with a header row, `offset` its first row in view
    /// (as the render left it), `len` its rows.
    pub fn table(owner: Owner, area: Rect, offset: usize, len: usize, selected: usize) -> ListHit {
        let inner = area.inner(Margin::new(1, 1));
        let body = inner.height.saturating_sub(1);
        let shown = len.saturating_sub(offset).min(usize::from(body));
        let rows = (0..shown)
            .map(|k| {
                let y = inner.y + 1 + k as u16;
                (Rect::new(inner.x, y, inner.width, 1), Some(offset + k))
            })
            .collect();
        ListHit {
            owner,
            area,
            rows,
            selected: Some(selected),
        }
    }

    /// A bordered list whose items are `heights` tall, the first in view
    /// `offset` (as the render left it); `index` gives an item's cursor
    /// index, `None` for headings.
    pub fn list(
        owner: Owner,
        area: Rect,
        offset: usize,
        heights: &[u16],
        index: impl Fn(usize) -> Option<usize>,
        selected: Option<usize>,
    ) -> ListHit {
        ListHit::list_in(
            owner,
            area.inner(Margin::new(1, 1)),
            offset,
            heights,
            index,
            selected,
        )
    }

    /// A list without a border, drawn in `inner`.
    pub fn list_in(
        owner: Owner,
        inner: Rect,
        offset: usize,
        heights: &[u16],
        index: impl Fn(usize) -> Option<usize>,
        selected: Option<usize>,
    ) -> ListHit {
        let mut rows = Vec::new();
        let mut y = inner.y;
        for (i, h) in heights.iter().enumerate().skip(offset) {
            if y >= inner.bottom() {
                break;
            }
            let h = (*h).min(inner.bottom() - y);
            rows.push((Rect::new(inner.x, y, inner.width, h), index(i)));
            y += h;
        }
        ListHit {
            owner,
            area: inner,
            rows,
            selected,
        }
    }

    /// The cursor index of the row at `at`, if one is there.
    pub fn row_at(&self, at: Position) -> Option<usize> {
        self.rows
            .iter()
            .find(|(r, _)| r.contains(at))
            .and_then(|(_, i)| *i)
    }
}

/// What the last frame drew where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    pub lists: Vec<ListHit>,
    /// Home's panels, which a click focuses (as [`Owner::Panel`]).
    pub panels: Vec<(Rect, usize)>,
    /// The footer's hints that stand for an action.
    pub footer: Vec<(Rect, Action)>,
    /// The popup on top.
    pub popup: Option<Rect>,
    /// The header's "! N conflicts".
    pub conflicts: Option<Rect>,
    /// The top form's rows, each with the field it shows.
    pub fields: Vec<(Rect, usize)>,
}

/// The record the drawing writes each frame (drawing only reads the app,
/// hence the cell).
#[derive(Debug, Default)]
pub struct Hits(RefCell<Drawn>);

impl Hits {
    /// A new frame: forget the last one's.
    pub fn clear(&self) {
        self.0.replace(Drawn::default());
    }

    pub fn record(&self, f: impl FnOnce(&mut Drawn)) {
        f(&mut self.0.borrow_mut());
    }

    pub fn list(&self, hit: ListHit) {
        self.record(|d| d.lists.push(hit));
    }

    /// What the last frame drew (a few dozen rectangles at most).
    pub fn drawn(&self) -> Drawn {
        self.0.borrow().clone()
    }
}
