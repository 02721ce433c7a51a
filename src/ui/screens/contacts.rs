//! The contact list (paged) and one contact with their cases and entries.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, List, ListItem, ListState, Paragraph, Row, Table, TableState, Wrap};

use crate::app::text::contacts as t;
use crate::app::{ContactView, ContactsView};
use crate::ui::widgets::{entry_head, entry_text, panel};
use crate::ui::{Theme, cut};

pub fn draw_list(v: &ContactsView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let more = if v.exhausted { "" } else { "+" };
    let title = format!("{} ({}{more})", t::TITLE, v.rows.len());
    let block = panel(&title, true, theme);
    if v.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(t::EMPTY, theme.dim())).block(block),
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
                Some(o) => format!("{} · {o}", c.kind.label()),
                None => c.kind.label().to_string(),
            };
            Row::new(vec![
                Cell::from(name),
                Cell::from(kind),
                Cell::from(c.postcode.clone().unwrap_or_default()),
                Cell::from(format!("{:>4}", c.open_cases)),
            ])
        })
        .collect();
    let header = Row::new(t::HEADER.iter().map(|h| Cell::from(*h))).style(theme.title());
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
}

/// `file_key` is named beside an unfiled entry: the key that files it.
pub fn draw_one(v: &ContactView, file_key: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(c) = &v.contact else {
        frame.render_widget(panel(crate::app::text::tabs::CONTACT, true, theme), area);
        return;
    };
    let [details, cases, entries] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Percentage(40),
        Constraint::Min(3),
    ])
    .areas(area);

    let mut lines = Vec::new();
    if let Some(caution) = &c.caution {
        lines.push(Line::styled(
            format!(" ⚠ {}: {caution} ", crate::app::text::case::CAUTION),
            theme.caution(),
        ));
    }
    if let Some(r) = &v.sar {
        use crate::app::text::case::{SAR_PENDING, SAR_RESPOND_BY};
        lines.push(Line::styled(
            format!(
                " {SAR_PENDING} {}: {SAR_RESPOND_BY} {} ",
                r.requested_on, r.respond_by
            ),
            theme.caution(),
        ));
    }
    let mut head = vec![
        Span::styled(c.name.clone(), theme.title()),
        Span::styled(format!("  {}", c.kind().label()), theme.dim()),
    ];
    let org = [c.organisation.clone(), c.department.clone(), c.role.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    if !org.is_empty() {
        head.push(Span::raw(format!("  {org}")));
    }
    lines.push(Line::from(head));
    let place = [c.address.clone(), c.postcode.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !place.is_empty() {
        lines.push(Line::from(place));
    }
    let reach = [
        c.phone.clone(),
        c.email.clone(),
        c.preferred_contact.map(|p| p.label().to_string()),
        c.language.map(|l| l.label().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    if !reach.is_empty() {
        lines.push(Line::from(reach));
    }
    let monitoring = crate::app::record::text::screen::monitoring(c);
    if !monitoring.is_empty() {
        lines.push(Line::styled(monitoring, theme.dim()));
    }
    if let Some(n) = &c.notes {
        lines.push(Line::styled(n.clone(), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(panel(t::DETAILS, false, theme))
            .wrap(Wrap { trim: false }),
        details,
    );

    let block = panel(t::CASES, true, theme);
    if v.cases.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(t::NO_CASES, theme.dim())).block(block),
            cases,
        );
    } else {
        let width = cases.width.saturating_sub(2) as usize;
        let items: Vec<ListItem> = v
            .cases
            .iter()
            .map(|(role, k)| {
                let s = format!(
                    "{}  {}  [{}]  {}",
                    k.reference,
                    k.opened.format("%d %b %Y"),
                    k.status.label(),
                    k.title
                );
                let s = format!("{s}  ({})", role.label());
                ListItem::new(cut(&s, width))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(v.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected()),
            cases,
            &mut state,
        );
    }

    let mut lines = Vec::new();
    if v.entries.is_empty() {
        lines.push(Line::styled(t::NO_ENTRIES, theme.dim()));
    }
    for e in &v.entries {
        let mut head = entry_head(e, theme);
        match &e.case {
            Some((_, r)) => head
                .spans
                .push(Span::styled(format!(" · {r}"), theme.dim())),
            None => head.spans.push(Span::styled(
                format!(" · {}", crate::app::text::home::unfiled(file_key)),
                theme.dim(),
            )),
        }
        lines.push(head);
        let text = entry_text(e, v.revealed, crate::app::text::case::MASKED);
        lines.extend(text.lines().map(|l| Line::from(format!("  {l}"))));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(panel(t::ENTRIES, false, theme))
            .wrap(Wrap { trim: false }),
        entries,
    );
}
