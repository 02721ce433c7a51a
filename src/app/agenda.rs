//! The agenda screen's state: every pending follow-up, grouped overdue /
//! today / this week / later, and the cursor over them.

use chrono::NaiveDate;

use super::views::step;
use super::{CaseView, ContactView, Screen};
use crate::Result;
use crate::store::{Agenda, AgendaGroup, FollowUpItem, Store};

/// Follow-ups fetched in each group; the group's full count is shown too.
const PER_GROUP: usize = 200;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgendaView {
    pub agenda: Option<Agenda>,
    /// Index into [`AgendaView::items`].
    pub selected: usize,
    /// Confidential follow-ups shown.
    pub revealed: bool,
}

impl AgendaView {
    pub fn reload(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        self.agenda = Some(store.agenda(today, PER_GROUP)?);
        self.selected = self.selected.min(self.len().saturating_sub(1));
        Ok(())
    }

    /// The groups in the order shown.
    pub fn groups(&self) -> Vec<&AgendaGroup> {
        match &self.agenda {
            Some(a) => vec![&a.overdue, &a.due_today, &a.this_week, &a.later],
            None => Vec::new(),
        }
    }

    /// Every follow-up shown, in order.
    pub fn items(&self) -> impl Iterator<Item = &FollowUpItem> {
        self.groups().into_iter().flat_map(|g| g.items.iter())
    }

    pub fn len(&self) -> usize {
        self.groups().iter().map(|g| g.items.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn current(&self) -> Option<&FollowUpItem> {
        self.items().nth(self.selected)
    }

    pub fn step(&mut self, by: i64) {
        self.selected = step(self.selected, by, self.len());
    }

    /// The case of the selected follow-up, or else its person.
    pub fn target(&self) -> Option<Screen> {
        let f = self.current()?;
        match (&f.case, &f.contact) {
            (Some(c), _) => Some(Screen::Case(Box::new(CaseView::new(c.id)))),
            (None, Some(p)) => Some(Screen::Contact(Box::new(ContactView::new(p.id)))),
            _ => None,
        }
    }
}
