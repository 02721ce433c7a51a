//! The list of cases, filtered and sorted, paged from the store.

use crate::app::hits::{Hits, ListHit, Owner};
use crate::app::{Action, Cx, Effect, Effects, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::text::cases as t;
use crate::ui::Theme;
use crate::ui::widgets::panel;

use crate::Result;
use crate::app::screens::Screen;
use crate::app::screens::case::CaseView;
use crate::app::screens::paging::{PAGE, Paged, step_paged};
use crate::domain::{CaseKind, CaseStatus};
use crate::store::{CaseFilter, CaseSort, CaseSummary, Store};

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

// ── Drawing ──

pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &CasesView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &Hits,
) {
    let [filters, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let status = match (v.filter.status, v.filter.open_only) {
        (Some(s), _) => w.label(s),
        (None, true) => w.tr(t::ALL_OPEN, None),
        (None, false) => w.tr(t::EVERY, None),
    };
    let category = v
        .filter
        .category
        .as_deref()
        .map(|c| crate::app::text::category(w, c))
        .unwrap_or_else(|| w.tr(t::ANY, None).to_string());
    let kind = v
        .filter
        .kind
        .map_or_else(|| w.tr(t::ANY, None), |k| w.label(k));
    let sort = match v.sort {
        CaseSort::NewestFirst => w.tr(t::NEWEST, None),
        CaseSort::OldestFirst => w.tr(t::OLDEST, None),
    };
    let mut spans = Vec::new();
    if let Some(area) = &v.filter.area {
        spans.push(Span::styled(
            format!(" {}: ", w.tr(t::AREA, None)),
            theme.dim(),
        ));
        let shown = v.area_label.as_ref().unwrap_or(area);
        spans.push(Span::styled(shown.clone(), theme.title()));
    }
    for (name, value) in [
        (w.tr(t::STATUS, None), &status),
        (w.tr(t::CATEGORY, None), &category),
        (w.tr(t::KIND, None), &kind),
        (w.tr(t::SORT, None), &sort),
    ] {
        spans.push(Span::styled(format!(" {name}: "), theme.dim()));
        spans.push(Span::styled(value.to_string(), theme.title()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), filters);

    let more = if v.exhausted { "" } else { "+" };
    let title = format!("{} ({}{more})", w.tr(t::TITLE, None), v.rows.len());
    let block = panel(&title, true, theme);
    if v.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(w.tr(t::EMPTY, None), theme.dim())).block(block),
            table_area,
        );
        return;
    }
    let rows: Vec<Row> = v
        .rows
        .iter()
        .map(|c| {
            let who = match (&c.constituent, c.caution) {
                (Some(n), true) => Line::from(vec![
                    Span::styled("⚠", theme.caution()),
                    Span::raw(format!(" {n}")),
                ]),
                (Some(n), false) => Line::from(n.clone()),
                (None, _) => Line::from(""),
            };
            Row::new(vec![
                Cell::from(c.reference.clone()),
                Cell::from(crate::ui::when::dmyy(w, c.opened)),
                Cell::from(crate::app::text::status_short(w, c.status)),
                Cell::from(who),
                Cell::from(c.title.clone()),
            ])
        })
        .collect();
    let header = Row::new(t::HEADER.iter().map(|h| Cell::from(w.tr(h, None)))).style(theme.title());
    let table = Table::new(
        rows,
        [
            Constraint::Length(9),
            Constraint::Length(crate::ui::when::dmyy_width(w)),
            Constraint::Length(19),
            Constraint::Length(18),
            Constraint::Min(10),
        ],
    )
    .header(header)
    .block(block)
    .row_highlight_style(theme.selected());
    let mut state = TableState::default()
        .with_offset(v.offset)
        .with_selected(Some(v.selected));
    frame.render_stateful_widget(table, table_area, &mut state);
    hits.list(ListHit::table(
        Owner::Screen,
        table_area,
        state.offset(),
        v.rows.len(),
        v.selected,
    ));
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[
    Action::Open,
    Action::FilterStatus,
    Action::FilterCategory,
    Action::FilterKind,
    Action::Sort,
    Action::Back,
];

impl CasesView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        // Table rows in view, less the filter line above the list.
        let rows = layout::table_rows(layout::Areas::of_size(cx.size).body)
            .saturating_sub(1)
            .max(1);
        match action {
            a if a.is_movement() => self.step(a.distance(rows), rows, cx.store)?,
            Action::FilterStatus => {
                self.cycle_status();
                self.reload(cx.store)?;
            }
            Action::FilterCategory => {
                self.cycle_category(&cx.config.categories());
                self.reload(cx.store)?;
            }
            Action::FilterKind => {
                self.cycle_kind();
                self.reload(cx.store)?;
            }
            Action::Sort => {
                self.toggle_sort();
                self.reload(cx.store)?;
            }
            Action::Open => {
                if let Some(c) = self.rows.get(self.selected) {
                    let s = Screen::Case(Box::new(CaseView::new(c.id)));
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}
