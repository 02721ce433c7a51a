//! Lists paged from the store (keyset paging), never loaded whole, and the
//! cursor arithmetic every list shares.

use crate::Result;
use crate::store::Store;

/// Rows fetched at a time.
pub const PAGE: usize = 100;

/// A list paged from the store with keyset paging.
pub(crate) trait Paged {
    fn len(&self) -> usize;
    fn exhausted(&self) -> bool;
    /// Fetches the next page onto the end.
    fn more(&mut self, store: &Store) -> Result<()>;
    /// The cursor and the first row in view.
    fn cursor(&mut self) -> (&mut usize, &mut usize);
}

/// Moves a paged list's cursor by `by`, fetching the next page when it nears
/// the end. A jump to the very end stops at what a few more pages hold, so
/// the list is never loaded whole.
pub(crate) fn step_paged(
    list: &mut impl Paged,
    by: i64,
    visible: usize,
    store: &Store,
) -> Result<()> {
    let (selected, _) = list.cursor();
    let target = (*selected as i64 + by).max(0) as usize;
    let mut pages = 0;
    while target + 1 >= list.len()
        && !list.exhausted()
        && pages < 1 + (by.unsigned_abs() as usize / PAGE).min(10)
    {
        list.more(store)?;
        pages += 1;
    }
    let len = list.len();
    let (selected, offset) = list.cursor();
    *selected = step(*selected, by, len);
    *offset = in_view(*offset, *selected, visible);
    Ok(())
}

/// The first row to show so that `selected` is in a window of `visible`.
pub(crate) fn in_view(offset: usize, selected: usize, visible: usize) -> usize {
    let visible = visible.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + visible {
        selected + 1 - visible
    } else {
        offset
    }
}

pub(crate) fn step(selected: usize, by: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let s = selected as i64 + by;
    s.clamp(0, len as i64 - 1) as usize
}
