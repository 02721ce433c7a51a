//! The contact list (paged) and one contact with their cases and entries.

use crate::app::forms::FormKind;
use crate::app::popups::form as form_popup;
use crate::app::{Action, Cx, Effect, Effects, layout, record};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::text::contacts as t;
use crate::ui::Theme;
use crate::ui::widgets::panel;

use crate::Result;
use crate::app::screens::Screen;
use crate::app::screens::contact::ContactView;
use crate::app::screens::paging::{PAGE, Paged, step_paged};
use crate::store::{ContactLine, Store};

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

// ── Drawing ──

pub fn draw(
    w: &crate::i18n::Catalogue,
    v: &ContactsView,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    hits: &crate::app::hits::Hits,
) {
    let more = if v.exhausted { "" } else { "+" };
    let title = format!("{} ({}{more})", w.tr(t::TITLE, None), v.rows.len());
    let block = panel(&title, true, theme);
    if v.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(w.tr(t::EMPTY, None), theme.dim())).block(block),
            area,
        );
        return;
    }
    let rows: Vec<Row> = v
        .rows
        .iter()
        .map(|c| {
            let name = if c.caution.is_some() {
                Line::from(vec![
                    Span::styled("⚠", theme.caution()),
                    Span::raw(format!(" {}", c.name)),
                ])
            } else {
                Line::from(c.name.clone())
            };
            let kind = match &c.organisation {
                Some(o) => format!("{} · {o}", w.label(c.kind)),
                None => w.label(c.kind),
            };
            Row::new(vec![
                Cell::from(name),
                Cell::from(kind),
                Cell::from(c.postcode.clone().unwrap_or_default()),
                Cell::from(format!("{:>4}", c.open_cases)),
            ])
        })
        .collect();
    let header = Row::new(t::HEADER.iter().map(|h| Cell::from(w.tr(h, None)))).style(theme.title());
    let table = Table::new(
        rows,
        [
            Constraint::Min(24),
            Constraint::Min(20),
            Constraint::Length(10),
            Constraint::Length(11),
        ],
    )
    .header(header)
    .block(block)
    .row_highlight_style(theme.selected());
    let mut state = TableState::default()
        .with_offset(v.offset)
        .with_selected(Some(v.selected));
    frame.render_stateful_widget(table, area, &mut state);
    hits.list(crate::app::hits::ListHit::table(
        crate::app::hits::Owner::Screen,
        area,
        state.offset(),
        v.rows.len(),
        v.selected,
    ));
}

// ── Keys ──

pub const ACTIONS: &[Action] = &[Action::Open, Action::EditContact, Action::Back];

impl ContactsView {
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Result<Effects> {
        let rows = layout::table_rows(layout::Areas::of_size(cx.size).body);
        match action {
            a if a.is_movement() => self.step(a.distance(rows), rows, cx.store)?,
            Action::EditContact => {
                if let Some(id) = self.rows.get(self.selected).map(|c| c.id) {
                    let c = cx.store.contact(id)?;
                    let form = record::contact::form(cx.words, &c, &cx.config.monitoring(), false);
                    return Ok(form_popup::open(FormKind::EditContact(id), form, cx));
                }
            }
            Action::Open => {
                if let Some(c) = self.rows.get(self.selected) {
                    let s = Screen::Contact(Box::new(ContactView::new(c.id)));
                    return Ok(vec![Effect::Go(s)]);
                }
            }
            _ => {}
        }
        Ok(Vec::new())
    }
}
