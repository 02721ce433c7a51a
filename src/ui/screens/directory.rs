//! The directory: "who do I speak to about …", answered as the problem is
//! typed, each officer or agency with department, role and what they handle.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::app::DirectoryView;
use crate::app::text::directory as t;
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut};

/// `add_key` is the live key that adds an officer, for the empty directory.
pub fn draw(v: &DirectoryView, add_key: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [ask, results] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let block = panel(t::TITLE, v.typing, theme);
    let inner = block.inner(ask);
    frame.render_widget(block, ask);
    let line = if v.query.text().is_empty() {
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::styled(t::PROMPT, theme.dim()),
        ])
    } else {
        let (lines, _) = v.query.wrapped(u16::MAX / 2);
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(lines.first().cloned().unwrap_or_default()),
        ])
    };
    frame.render_widget(Paragraph::new(line), inner);
    if v.typing {
        let (_, (_, col)) = v.query.wrapped(u16::MAX / 2);
        frame.set_cursor_position((
            inner.x + 2 + col.min(inner.width.saturating_sub(3)),
            inner.y,
        ));
    }

    let title = format!("{} ({})", t::RESULTS, v.results.len());
    let block = panel(&title, !v.typing, theme);
    if v.results.is_empty() {
        let empty = if v.query.is_empty() {
            t::empty(add_key)
        } else {
            t::NOTHING.to_string()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(empty, theme.dim())).block(block),
            results,
        );
        return;
    }
    let width = results.width.saturating_sub(2) as usize;
    let items: Vec<ListItem> = v
        .results
        .iter()
        .map(|(d, c)| {
            let place = [c.department.clone(), c.organisation.clone(), c.role.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let reach = [c.phone.clone(), c.email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            let mut head_spans = vec![Span::styled(cut(&c.name, width), theme.title())];
            if !place.is_empty() {
                let rest =
                    width.saturating_sub(unicode_width::UnicodeWidthStr::width(c.name.as_str()));
                head_spans.push(Span::raw(cut(&format!("  {place}"), rest)));
            }
            let mut lines = vec![Line::from(head_spans)];
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", t::HANDLES), theme.dim()),
                Span::raw(cut(&d.handles, width.saturating_sub(11))),
            ]));
            if !reach.is_empty() {
                lines.push(Line::styled(
                    format!("  {}", cut(&reach, width.saturating_sub(2))),
                    theme.dim(),
                ));
            }
            ListItem::new(lines)
        })
        .collect();
    let selected = (!v.typing || !v.results.is_empty()).then_some(v.selected);
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        results,
        &mut state,
    );
}
