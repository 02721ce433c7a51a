//! The list of cases, filtered and sorted, paged from the store.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::CasesView;
use crate::app::text::cases as t;
use crate::store::CaseSort;
use crate::ui::Theme;
use crate::ui::widgets::panel;

pub fn draw(v: &CasesView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [filters, table_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let status = match (v.filter.status, v.filter.open_only) {
        (Some(s), _) => s.label(),
        (None, true) => t::ALL_OPEN,
        (None, false) => t::EVERY,
    };
    let category = v
        .filter
        .category
        .as_deref()
        .map(crate::app::text::category)
        .unwrap_or_else(|| t::ANY.to_string());
    let kind = v.filter.kind.map(|k| k.label()).unwrap_or(t::ANY);
    let sort = match v.sort {
        CaseSort::NewestFirst => t::NEWEST,
        CaseSort::OldestFirst => t::OLDEST,
    };
    let mut spans = Vec::new();
    if let Some(area) = &v.filter.area {
        spans.push(Span::styled(format!(" {}: ", t::AREA), theme.dim()));
        let shown = v.area_label.as_ref().unwrap_or(area);
        spans.push(Span::styled(shown.clone(), theme.title()));
    }
    for (name, value) in [
        (t::STATUS, status),
        (t::CATEGORY, &category),
        (t::KIND, kind),
        (t::SORT, sort),
    ] {
        spans.push(Span::styled(format!(" {name}: "), theme.dim()));
        spans.push(Span::styled(value.to_string(), theme.title()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), filters);

    let more = if v.exhausted { "" } else { "+" };
    let title = format!("{} ({}{more})", t::TITLE, v.rows.len());
    let block = panel(&title, true, theme);
    if v.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(t::EMPTY, theme.dim())).block(block),
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
                Cell::from(c.opened.format("%d %b %y").to_string()),
                Cell::from(c.status.as_str().replace('_', " ")),
                Cell::from(who),
                Cell::from(c.title.clone()),
            ])
        })
        .collect();
    let header = Row::new(t::HEADER.iter().map(|h| Cell::from(*h))).style(theme.title());
    let table = Table::new(
        rows,
        [
            Constraint::Length(9),
            Constraint::Length(9),
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
}
