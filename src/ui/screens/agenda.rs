//! The agenda: every follow-up waiting, overdue first, then today, this
//! week and later, one line each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::app::AgendaView;
use crate::app::text::agenda as t;
use crate::ui::widgets::panel;
use crate::ui::{Theme, cut};

pub fn draw(v: &AgendaView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = panel(t::TITLE, true, theme);
    if v.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(t::EMPTY, theme.dim())).block(block),
            area,
        );
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let names = [t::OVERDUE, t::TODAY, t::THIS_WEEK, t::LATER];
    let styles = [theme.error(), theme.warn(), theme.plain(), theme.dim()];
    let mut items: Vec<ListItem> = Vec::new();
    // Where each follow-up sits among the items (headings are not chosen).
    let mut at: Vec<usize> = Vec::new();
    for ((group, name), style) in v.groups().into_iter().zip(names).zip(styles) {
        if group.total == 0 {
            continue;
        }
        if !items.is_empty() {
            items.push(ListItem::new(""));
        }
        items.push(ListItem::new(Line::styled(
            t::section(name, group.total),
            theme.title(),
        )));
        for f in &group.items {
            let mut spans = vec![Span::styled(
                format!(" {}  ", f.due_on.format("%a %d %b")),
                style,
            )];
            if f.contact.as_ref().is_some_and(|c| c.caution) {
                spans.push(Span::styled("⚠", theme.caution()));
                spans.push(Span::raw(" "));
            }
            let who = [
                f.contact.as_ref().map(|c| c.name.clone()),
                f.case.as_ref().map(|c| c.reference.clone()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let what = if f.confidential && !v.revealed {
                t::MASKED
            } else {
                f.what.as_str()
            };
            let used: usize = spans.iter().map(Span::width).sum();
            let who = cut(&who, 34.min(width.saturating_sub(used)));
            let used = used + unicode_width::UnicodeWidthStr::width(who.as_str());
            spans.push(Span::raw(who));
            spans.push(Span::styled(
                format!("  {}", cut(what, width.saturating_sub(used + 2))),
                theme.plain(),
            ));
            at.push(items.len());
            items.push(ListItem::new(Line::from(spans)));
        }
        let shown = group.items.len() as u64;
        if group.total > shown {
            items.push(ListItem::new(Line::styled(
                t::more(group.total - shown),
                theme.dim(),
            )));
        }
    }
    let selected = at.get(v.selected).copied();
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        area,
        &mut state,
    );
}
