//! What each screen holds: the rows it shows and where the cursor is. Lists
//! are paged from the store (keyset paging), never loaded whole.

use chrono::NaiveDate;

use super::form::Match;
use super::{Screen, match_of};
use crate::Result;
use crate::config::Config;
use crate::domain::{Case, CaseKind, CaseStatus, Contact, Id, Record, Role};
use crate::report::patterns::Cluster;
use crate::store::{
    CaseFilter, CaseSort, CaseSummary, ContactLine, DueCounts, EntryLine, FollowUpLine,
    LateReferral, NeedsUpdate, ReferralLine, Store,
};

/// Rows fetched at a time.
pub const PAGE: usize = 100;
const HOME_ROWS: usize = 50;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HomePanel {
    #[default]
    FollowUps,
    OpenCases,
    Latest,
    Alerts,
}

impl HomePanel {
    pub fn next(self) -> HomePanel {
        match self {
            HomePanel::FollowUps => HomePanel::OpenCases,
            HomePanel::OpenCases => HomePanel::Latest,
            HomePanel::Latest => HomePanel::Alerts,
            HomePanel::Alerts => HomePanel::FollowUps,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeView {
    /// The "Due" panel, in three sections: follow-ups due or overdue, replies
    /// late from referrals, and cases whose constituent needs an update.
    pub follow_ups: Vec<FollowUpLine>,
    pub late_referrals: Vec<LateReferral>,
    pub needs_update: Vec<NeedsUpdate>,
    /// How many of each there are; the lists hold the first few.
    pub due_totals: DueCounts,
    pub open_counts: Vec<(CaseStatus, u64)>,
    pub latest: Vec<EntryLine>,
    /// The bigger picture: clusters of similar cases in one area lately.
    pub alerts: Vec<Cluster>,
    pub focus: HomePanel,
    pub selected: usize,
    pub today: Option<NaiveDate>,
}

impl HomeView {
    pub fn load(&mut self, store: &Store, today: NaiveDate, config: &Config) -> Result<()> {
        let patterns = &config.patterns;
        self.follow_ups = store.due_follow_up_lines(today, HOME_ROWS)?;
        self.late_referrals = store.late_referrals(today, HOME_ROWS)?;
        self.needs_update = store.needs_update(today, config.keep_informed_days, HOME_ROWS)?;
        self.due_totals = store.due_counts(today, config.keep_informed_days)?;
        self.open_counts = store.open_case_counts()?;
        self.latest = store.latest_entry_lines(HOME_ROWS)?;
        // Clusters still forming: cases opened within two windows of today.
        // Bounded by date, so the cost does not grow with the diary's age.
        let since = crate::dates::shift(today, -2 * i64::from(patterns.window_days));
        self.alerts = store.clusters(since, patterns.window_days, patterns.min_cases)?;
        self.today = Some(today);
        self.selected = self.selected.min(self.len().saturating_sub(1));
        Ok(())
    }

    fn len(&self) -> usize {
        match self.focus {
            HomePanel::FollowUps => {
                self.follow_ups.len() + self.late_referrals.len() + self.needs_update.len()
            }
            HomePanel::OpenCases => self.open_counts.len(),
            HomePanel::Latest => self.latest.len(),
            HomePanel::Alerts => self.alerts.len(),
        }
    }

    pub fn step(&mut self, by: i64) {
        self.selected = step(self.selected, by, self.len());
    }

    /// The screen Enter opens from the focused panel.
    pub fn target(&self) -> Option<Screen> {
        match self.focus {
            HomePanel::FollowUps => match self.due_item()? {
                DueItem::FollowUp(f) => match (&f.case, f.contact_id) {
                    (Some((id, _)), _) => Some(Screen::Case(Box::new(CaseView::new(*id)))),
                    (None, Some(c)) => Some(Screen::Contact(Box::new(ContactView::new(c)))),
                    _ => None,
                },
                DueItem::LateReferral(r) => Some(Screen::Case(Box::new(CaseView::new(r.case.id)))),
                DueItem::NeedsUpdate(n) => Some(Screen::Case(Box::new(CaseView::new(n.case.id)))),
            },
            HomePanel::OpenCases => {
                let (status, _) = self.open_counts.get(self.selected)?;
                let mut v = CasesView::default();
                v.filter.status = Some(*status);
                v.filter.open_only = false;
                Some(Screen::Cases(v))
            }
            HomePanel::Latest => {
                let e = self.latest.get(self.selected)?;
                match (&e.case, e.contact_id) {
                    (Some((id, _)), _) => Some(Screen::Case(Box::new(CaseView::new(*id)))),
                    (None, Some(c)) => Some(Screen::Contact(Box::new(ContactView::new(c)))),
                    _ => None,
                }
            }
            HomePanel::Alerts => {
                // The cluster's cases: its category in its area.
                let c = self.alerts.get(self.selected)?;
                let mut v = CasesView::default();
                v.filter.open_only = false;
                v.filter.category = Some(c.category.clone());
                v.filter.area = Some(c.area.clone());
                v.area_label = Some(c.place.clone());
                Some(Screen::Cases(v))
            }
        }
    }
}

/// One line of the home screen's "Due" panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DueItem<'a> {
    FollowUp(&'a FollowUpLine),
    LateReferral(&'a LateReferral),
    NeedsUpdate(&'a NeedsUpdate),
}

impl HomeView {
    /// The selected line of the "Due" panel (its sections run on).
    pub fn due_item(&self) -> Option<DueItem<'_>> {
        let i = self.selected;
        let (f, l) = (self.follow_ups.len(), self.late_referrals.len());
        if i < f {
            self.follow_ups.get(i).map(DueItem::FollowUp)
        } else if i < f + l {
            self.late_referrals.get(i - f).map(DueItem::LateReferral)
        } else {
            self.needs_update.get(i - f - l).map(DueItem::NeedsUpdate)
        }
    }
}

/// A list paged from the store with keyset paging.
trait Paged {
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
fn step_paged(list: &mut impl Paged, by: i64, visible: usize, store: &Store) -> Result<()> {
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
pub(super) fn in_view(offset: usize, selected: usize, visible: usize) -> usize {
    let visible = visible.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + visible {
        selected + 1 - visible
    } else {
        offset
    }
}

pub(super) fn step(selected: usize, by: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let s = selected as i64 + by;
    s.clamp(0, len as i64 - 1) as usize
}

#[derive(Debug, Clone, PartialEq)]
pub struct CasesView {
    pub filter: CaseFilter,
    pub sort: CaseSort,
    pub rows: Vec<CaseSummary>,
    pub selected: usize,
    /// The first row in view.
    pub offset: usize,
    /// True when the last page came back short: nothing more to fetch.
    pub exhausted: bool,
    /// The filter's area as typed, to show instead of its folded key.
    pub area_label: Option<String>,
}

impl Default for CasesView {
    fn default() -> Self {
        CasesView {
            filter: CaseFilter {
                open_only: true,
                ..CaseFilter::default()
            },
            sort: CaseSort::NewestFirst,
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            exhausted: false,
            area_label: None,
        }
    }
}

impl CasesView {
    /// Fetches from the top again, keeping the cursor where it can.
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        let want = self.selected + 1;
        self.rows = store.cases_page(&self.filter, self.sort, None, PAGE)?;
        self.exhausted = self.rows.len() < PAGE;
        while self.rows.len() < want && !self.exhausted {
            self.more(store)?;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
        Ok(())
    }

    fn more(&mut self, store: &Store) -> Result<()> {
        let after = self.rows.last().map(|r| (r.opened, r.id));
        let page = store.cases_page(&self.filter, self.sort, after, PAGE)?;
        self.exhausted = page.len() < PAGE;
        self.rows.extend(page);
        Ok(())
    }

    /// Moves the cursor, fetching pages as it nears the end, and scrolls so
    /// that it stays among the `visible` rows.
    pub fn step(&mut self, by: i64, visible: usize, store: &Store) -> Result<()> {
        step_paged(self, by, visible, store)
    }

    pub fn cycle_status(&mut self) {
        // all open → each status → everything → all open
        let f = &mut self.filter;
        let order = CaseStatus::ALL;
        (f.status, f.open_only) = match (f.status, f.open_only) {
            (None, true) => (Some(order[0]), false),
            (Some(s), _) => match order.iter().position(|x| *x == s) {
                Some(i) if i + 1 < order.len() => (Some(order[i + 1]), false),
                _ => (None, false),
            },
            (None, false) => (None, true),
        };
        self.selected = 0;
        self.offset = 0;
    }

    pub fn cycle_category(&mut self, categories: &[String]) {
        let f = &mut self.filter;
        f.category = match &f.category {
            None => categories.first().cloned(),
            Some(c) => categories
                .iter()
                .position(|x| x == c)
                .and_then(|i| categories.get(i + 1))
                .cloned(),
        };
        self.selected = 0;
        self.offset = 0;
    }

    pub fn cycle_kind(&mut self) {
        let all = CaseKind::ALL;
        self.filter.kind = match self.filter.kind {
            None => Some(all[0]),
            Some(k) => all
                .iter()
                .position(|x| *x == k)
                .and_then(|i| all.get(i + 1))
                .copied(),
        };
        self.selected = 0;
        self.offset = 0;
    }

    pub fn toggle_sort(&mut self) {
        self.sort = match self.sort {
            CaseSort::NewestFirst => CaseSort::OldestFirst,
            CaseSort::OldestFirst => CaseSort::NewestFirst,
        };
        self.selected = 0;
        self.offset = 0;
    }
}

/// Timeline entries shown on a case (the latest ones of a very long case).
const TIMELINE: usize = 500;

#[derive(Debug, Clone, PartialEq)]
pub struct CaseView {
    pub id: Id<Case>,
    pub case: Option<Record<Case>>,
    pub people: Vec<(Role, Record<Contact>)>,
    pub entries: Vec<EntryLine>,
    pub referrals: Vec<ReferralLine>,
    pub follow_ups: Vec<FollowUpLine>,
    /// Attachments of the timeline's entries (one line each under its entry).
    pub attachments: Vec<crate::store::AttachmentLine>,
    /// Confidential entries shown.
    pub revealed: bool,
    pub scroll: u16,
}

impl CaseView {
    pub fn new(id: Id<Case>) -> CaseView {
        CaseView {
            id,
            case: None,
            people: Vec::new(),
            entries: Vec::new(),
            referrals: Vec::new(),
            follow_ups: Vec::new(),
            attachments: Vec::new(),
            revealed: false,
            scroll: 0,
        }
    }

    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.case = Some(store.case(self.id)?);
        self.people = store.case_people(self.id)?;
        self.entries = store.entry_lines_of_case(self.id, TIMELINE)?;
        self.referrals = store.referral_lines_of_case(self.id)?;
        self.follow_ups = store.follow_up_lines_of_case(self.id)?;
        self.attachments = store.attachments_of_case(self.id)?;
        Ok(())
    }

    pub fn reference(&self) -> Option<String> {
        self.case.as_ref().map(|c| c.reference.clone())
    }

    /// The case as forms offer it: (reference, title).
    pub fn case_ref(&self) -> Option<(String, String)> {
        self.case
            .as_ref()
            .map(|c| (c.reference.clone(), c.title.clone()))
    }

    /// The constituent, for forms filled in ahead.
    pub fn constituent_match(&self) -> Option<Match> {
        self.people
            .iter()
            .find(|(r, _)| *r == Role::Constituent)
            .or_else(|| self.people.first())
            .map(|(_, c)| match_of(c))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactsView {
    pub rows: Vec<ContactLine>,
    pub selected: usize,
    /// The first row in view.
    pub offset: usize,
    pub exhausted: bool,
}

impl ContactsView {
    pub fn reload(&mut self, store: &Store) -> Result<()> {
        let want = self.selected + 1;
        self.rows = store.contact_lines_page(None, PAGE)?;
        self.exhausted = self.rows.len() < PAGE;
        while self.rows.len() < want && !self.exhausted {
            self.more(store)?;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.offset = self.offset.min(self.selected);
        Ok(())
    }

    fn more(&mut self, store: &Store) -> Result<()> {
        let page = match self.rows.last() {
            Some(r) => store.contact_lines_page(Some((&r.name_fold, r.id)), PAGE)?,
            None => store.contact_lines_page(None, PAGE)?,
        };
        self.exhausted = page.len() < PAGE;
        self.rows.extend(page);
        Ok(())
    }

    /// Moves the cursor, fetching pages as it nears the end, and scrolls so
    /// that it stays among the `visible` rows.
    pub fn step(&mut self, by: i64, visible: usize, store: &Store) -> Result<()> {
        step_paged(self, by, visible, store)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContactView {
    pub id: Id<Contact>,
    pub contact: Option<Record<Contact>>,
    pub cases: Vec<(Role, Record<Case>)>,
    pub entries: Vec<EntryLine>,
    pub selected: usize,
    pub revealed: bool,
    /// An unanswered subject access request, shown with its deadline.
    pub sar: Option<crate::store::SarRequest>,
}

impl ContactView {
    pub fn new(id: Id<Contact>) -> ContactView {
        ContactView {
            id,
            contact: None,
            cases: Vec::new(),
            entries: Vec::new(),
            selected: 0,
            revealed: false,
            sar: None,
        }
    }

    pub fn reload(&mut self, store: &Store) -> Result<()> {
        self.contact = Some(store.contact(self.id)?);
        self.sar = store.outstanding_sar(self.id)?;
        self.cases = store.cases_of_contact(self.id)?;
        self.entries = store.entry_lines_of_contact(self.id, 200)?;
        self.selected = self.selected.min(self.cases.len().saturating_sub(1));
        Ok(())
    }
}

impl Paged for CasesView {
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn exhausted(&self) -> bool {
        self.exhausted
    }
    fn more(&mut self, store: &Store) -> Result<()> {
        CasesView::more(self, store)
    }
    fn cursor(&mut self) -> (&mut usize, &mut usize) {
        (&mut self.selected, &mut self.offset)
    }
}

impl Paged for ContactsView {
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn exhausted(&self) -> bool {
        self.exhausted
    }
    fn more(&mut self, store: &Store) -> Result<()> {
        ContactsView::more(self, store)
    }
    fn cursor(&mut self) -> (&mut usize, &mut usize) {
        (&mut self.selected, &mut self.offset)
    }
}
