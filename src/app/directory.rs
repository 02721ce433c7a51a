//! The directory screen's state: "who do I speak to about …", answered as
//! the problem is typed.

use super::textfield::TextField;
use crate::Result;
use crate::domain::{Contact, DirectoryEntry, Record};
use crate::store::Store;

/// Officers and agencies listed at most.
const LIMIT: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryView {
    pub query: TextField,
    /// Keys go to the query while typing; Esc stops, `/` starts again.
    pub typing: bool,
    pub results: Vec<(Record<DirectoryEntry>, Record<Contact>)>,
    pub selected: usize,
}

impl Default for DirectoryView {
    fn default() -> Self {
        DirectoryView {
            query: TextField::new(),
            typing: true,
            results: Vec::new(),
            selected: 0,
        }
    }
}

impl DirectoryView {
    /// Runs the query: the whole directory while nothing is typed.
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.results = if self.query.is_empty() {
            let mut all = store.directory()?;
            all.truncate(LIMIT);
            all
        } else {
            store.who_handles(self.query.text(), LIMIT)?
        };
        self.selected = self.selected.min(self.results.len().saturating_sub(1));
        Ok(())
    }

    pub fn step(&mut self, by: i64) {
        self.selected = super::views::step(self.selected, by, self.results.len());
    }
}
