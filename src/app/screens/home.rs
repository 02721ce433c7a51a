//! Home: what is due, open cases by status, the latest in the diary, and the
//! bigger picture.

use crate::app::popups::{Confirmed, Popup, form as form_popup};
use crate::app::{Action, Cx, Effect, Effects, text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::app::App;
use crate::app::text::home as t;
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut, short_date};
use chrono::NaiveDate;

use crate::Result;
use crate::app::screens::Screen;
use crate::app::screens::paging::step;
use crate::app::screens::{case::CaseView, cases::CasesView, contact::ContactView};
use crate::config::Config;
use crate::domain::CaseStatus;
use crate::report::patterns::Cluster;
use crate::store::{DueCounts, EntryLine, FollowUpLine, LateReferral, NeedsUpdate, Store};

/// Rows loaded for each home list: more than a panel shows on a large
/// terminal (the "Due" panel's items take two lines), not fifty. Each row
/// joins a case and a person, and in an encrypted diary every page read is
/// decrypted and checked: at 50 rows these lists were most of the pages of
/// the first frame. The counts above each list, and the full screens behind
/// them (agenda, cases), still cover everything.
const HOME_ROWS: usize = 20;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HomePanel {
    #[default]
    FollowUps,
    OpenCases,
    Latest,
    Alerts,
}

impl HomePanel {
    pub const ALL: [HomePanel; 4] = [
        HomePanel::FollowUps,
        HomePanel::OpenCases,
        HomePanel::Latest,
        HomePanel::Alerts,
    ];

    /// Its place in [`HomePanel::ALL`].
    pub fn index(self) -> usize {
        HomePanel::ALL
            .iter()
            .position(|p| *p == self)
            .unwrap_or_default()
    }

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

    /// Focuses `panel` (a click or the wheel on it); the cursor starts at
    /// its top when the focus moves.
    pub fn focus_on(&mut self, panel: HomePanel) {
        if self.focus != panel {
            self.focus = panel;
            self.selected = 0;
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

// ── Drawing ──

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = &app.words;
    let v = &app.home;
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let [due_area, open_area] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(top);
    let [latest_area, alerts_area] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(bottom);
    let today = v.today.unwrap_or_else(|| app.clock.today());
    let sel = |p: HomePanel| (v.focus == p).then_some(v.selected);

    // Due: follow-ups due today and overdue, replies late, cases to update;
    // a heading over each section that has something in it.
    let width = due_area.width.saturating_sub(2) as usize;
    let mut items: Vec<ListItem> = Vec::new();
    // Where each selectable line sits among the items (headings are not).
    let mut at: Vec<usize> = Vec::new();
    let two = |mut spans: Vec<Span<'static>>, rest: String| {
        if let Some(last) = spans.pop() {
            let before: usize = spans.iter().map(Span::width).sum();
            spans.push(Span::styled(
                cut(&last.content, width.saturating_sub(before)),
                last.style,
            ));
        }
        ListItem::new(vec![
            Line::from(spans),
            Line::from(format!("  {}", cut(&rest, width.saturating_sub(2)))),
        ])
    };
    let heading = |text: String| ListItem::new(Line::styled(text, theme.title()));
    if !v.follow_ups.is_empty() {
        items.push(heading(t::section_follow_ups(
            &app.words,
            v.due_totals.follow_ups,
        )));
    }
    for f in &v.follow_ups {
        let (when, style) = if f.due_on < today {
            (
                format!(
                    "{} {}",
                    short_date(w, f.due_on, today),
                    w.tr(t::OVERDUE, None)
                ),
                theme.error(),
            )
        } else {
            (w.tr(t::TODAY, None).to_string(), theme.warn())
        };
        let mut who = f.contact.clone().unwrap_or_default();
        if let Some((_, r)) = &f.case {
            who = format!("{who} · {r}");
        }
        at.push(items.len());
        items.push(two(
            vec![Span::styled(format!("{when}  "), style), Span::raw(who)],
            w.follow_up(&f.what, f.contact.as_deref()),
        ));
    }
    if !v.late_referrals.is_empty() {
        items.push(heading(t::section_late(
            &app.words,
            v.due_totals.late_referrals,
        )));
    }
    for r in &v.late_referrals {
        let due = t::reply_was_due(&app.words, &short_date(&app.words, r.due_on, today));
        let to = match &r.department {
            Some(d) => format!("{} ({d})", r.to.name),
            None => r.to.name.clone(),
        };
        at.push(items.len());
        items.push(two(
            vec![
                Span::styled(format!("{due}  "), theme.error()),
                Span::raw(format!("{} · {to}", r.case.reference)),
            ],
            r.case.title.clone(),
        ));
    }
    if !v.needs_update.is_empty() {
        items.push(heading(t::section_update(
            &app.words,
            v.due_totals.needs_update,
        )));
    }
    for n in &v.needs_update {
        let since = match n.last_contact {
            Some(d) => t::no_news_since(&app.words, &short_date(&app.words, d, today)),
            None => w.tr(t::NEVER_UPDATED, None).to_string(),
        };
        let mut head = vec![Span::styled(format!("{since}  "), theme.warn())];
        if n.constituent.caution {
            head.push(Span::styled("⚠ ", theme.caution()));
        }
        head.push(Span::raw(format!(
            "{} · {}",
            n.constituent.name, n.case.reference
        )));
        at.push(items.len());
        items.push(two(head, n.case.title.clone()));
    }
    let due_sel = sel(HomePanel::FollowUps).map(|i| at.get(i).copied().unwrap_or(0));
    list(
        frame,
        (due_area, HomePanel::FollowUps),
        &w.tr(t::FOLLOW_UPS, None),
        items,
        &w.tr(t::NO_FOLLOW_UPS, None),
        due_sel,
        theme,
        (&app.hits, Some(&at)),
    );

    // Open cases by status.
    let items: Vec<ListItem> = v
        .open_counts
        .iter()
        .map(|(s, n)| ListItem::new(format!("{n:>6}  {}", crate::app::text::status_short(w, *s))))
        .collect();
    list(
        frame,
        (open_area, HomePanel::OpenCases),
        &w.tr(t::OPEN_CASES, None),
        items,
        &w.tr(t::NO_OPEN_CASES, None),
        sel(HomePanel::OpenCases),
        theme,
        (&app.hits, None),
    );

    // Latest entries.
    let width = latest_area.width.saturating_sub(2) as usize;
    // An unfiled entry says how to file it.
    let unfiled = t::unfiled(
        &app.words,
        &app.keymap.label(&crate::app::Action::EditEntry),
    );
    let items: Vec<ListItem> = v
        .latest
        .iter()
        .map(|e| {
            let filed = e.case.as_ref().map(|c| c.1.as_str()).unwrap_or(&unfiled);
            let head = format!(
                "{} {} · {} · {}",
                crate::ui::when::dm_hm(w, e.at),
                w.label(e.kind),
                e.contact.as_deref().unwrap_or(""),
                filed
            );
            let body = crate::ui::widgets::entry_text(
                w,
                e,
                false,
                &w.tr(crate::app::text::case::MASKED, None),
            );
            ListItem::new(vec![
                Line::styled(cut(&head, width), theme.dim()),
                Line::from(format!("  {}", cut(&body, width.saturating_sub(2)))),
            ])
        })
        .collect();
    let empty = t::no_entries(
        &app.words,
        &app.keymap.label(&crate::app::Action::LogCall),
        &app.keymap.label(&crate::app::Action::NewCase),
    );
    list(
        frame,
        (latest_area, HomePanel::Latest),
        &w.tr(t::LATEST, None),
        items,
        &empty,
        sel(HomePanel::Latest),
        theme,
        (&app.hits, None),
    );

    // The bigger picture: clusters of similar cases in one area.
    let width = alerts_area.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = v
        .alerts
        .iter()
        .map(|c| {
            let head = t::cluster(
                &app.words,
                c.cases.len(),
                &crate::app::text::category(&app.words, &c.category),
                &c.place,
            );
            let span = format!(
                "  {} – {}",
                crate::ui::when::dm(&app.words, c.first),
                crate::ui::when::dmy(&app.words, c.last)
            );
            ListItem::new(vec![
                Line::styled(cut(&head, width), theme.warn()),
                Line::from(cut(&span, width)),
            ])
        })
        .collect();
    list(
        frame,
        (alerts_area, HomePanel::Alerts),
        &w.tr(t::BIGGER_PICTURE, None),
        items,
        &w.tr(t::NO_ALERTS, None),
        sel(HomePanel::Alerts),
        theme,
        (&app.hits, None),
    );
}

/// One of home's panels; `at` says where each selectable line sits among
/// the items (the due panel has headings), `None`: every item is one.
#[allow(clippy::too_many_arguments)]
fn list(
    frame: &mut Frame,
    (area, panel_of): (Rect, HomePanel),
    title: &str,
    items: Vec<ListItem>,
    empty: &str,
    selected: Option<usize>,
    theme: &Theme,
    (hits, at): (&crate::app::hits::Hits, Option<&[usize]>),
) {
    hits.record(|d| d.panels.push((area, panel_of.index())));
    let block = panel(title, selected.is_some(), theme);
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(empty, theme.dim()))
                .block(block)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let mut state = ListState::default().with_selected(selected);
    let heights: Vec<u16> = items.iter().map(|i| i.height() as u16).collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected());
    frame.render_stateful_widget(list, area, &mut state);
    let index = |i: usize| match at {
        Some(at) => at.binary_search(&i).ok(),
        None => Some(i),
    };
    // The cursor's index, not the item's (headings are items).
    let cursor = selected.and_then(index);
    hits.list(crate::app::hits::ListHit::list(
        crate::app::hits::Owner::Panel(panel_of.index()),
        area,
        state.offset(),
        &heights,
        index,
        cursor,
    ));
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::Open,
    Action::NextPanel,
    Action::Done,
    Action::Undo,
    Action::EditEntry,
    Action::DeleteEntry,
    Action::CaseFromEntry,
    Action::Quit,
];

impl HomeView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let w = cx.words;
        match action {
            Action::NextPanel => self.focus = self.focus.next(),
            a if a.is_movement() => self.step(a.distance(10)),
            Action::Done => {
                if self.focus == HomePanel::FollowUps
                    && let Some(DueItem::FollowUp(f)) = self.due_item()
                {
                    let id = f.id;
                    cx.store.complete_follow_up(id, cx.clock.today())?;
                    let status =
                        text::status::follow_up_done(cx.words, &cx.keymap.label(&Action::Undo));
                    return Ok(vec![
                        Effect::Refresh,
                        Effect::Undoable(id),
                        Effect::Status(status),
                    ]);
                }
            }
            Action::Open => {
                if let Some(s) = self.target() {
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            Action::EditEntry | Action::DeleteEntry | Action::CaseFromEntry => {
                let selected = (self.focus == HomePanel::Latest)
                    .then(|| self.latest.get(self.selected))
                    .flatten()
                    .map(|e| e.id);
                return match selected {
                    None => Ok(vec![Effect::Status(
                        w.tr(text::entry::NOTHING, None).to_string(),
                    )]),
                    Some(id) if action == Action::DeleteEntry => {
                        Ok(vec![Effect::Push(Popup::Confirm {
                            question: w.tr(text::entry::DELETE, None).to_string(),
                            then: Confirmed::DeleteEntry(id),
                        })])
                    }
                    Some(id) if action == Action::CaseFromEntry => {
                        form_popup::case_from_entry(id, cx)
                    }
                    Some(id) => form_popup::edit_entry(id, cx),
                };
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}
